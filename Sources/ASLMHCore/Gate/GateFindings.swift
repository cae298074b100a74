/// Findings the gate itself raises: approvals missing or stale, and waivers that expired.
enum GateFindings {
    static let approvalKind = "approval"
    static let expiredWaiverKind = "expired-waiver"

    static func unapproved(_ r: ProfileReport, policy: GatePolicy) -> GateItem {
        let p = r.profile
        return GateItem(
            id: "approval/missing", kind: approvalKind, severity: .error,
            message: "ASL-MH \(r.classification.tier) profiles (ASL-MH \(policy.minApprovalTier) and up) need a reviewer's approval, and `\(p.displayName)` has none",
            remediation: "A compliance reviewer runs `aslmh approve \(p.path) --reviewer NAME --note TEXT` and commits the approvals file.",
            location: p.product.id?.location ?? p.root, source: .gate, disposition: .blocking)
    }

    static func stale(_ r: ProfileReport, _ a: Approval, changes: [String]) -> GateItem {
        let p = r.profile
        return GateItem(
            id: "approval/stale", kind: approvalKind, severity: .error,
            message: "approval by \(a.reviewer) on \(a.date) is stale: " + changes.joined(separator: "; "),
            remediation: "Have a reviewer look at the changes and approve again (`aslmh approve \(p.path) --reviewer NAME --note TEXT`), or revert them.",
            location: p.product.id?.location ?? p.root, source: .gate, disposition: .blocking)
    }

    static func expired(_ w: Waiver, asOf: Day) -> GateItem {
        GateItem(
            id: "\(expiredWaiverKind)/\(w.findingId)", kind: expiredWaiverKind, severity: .error,
            message: "the waiver for `\(w.findingId)` of `\(w.productId)` (approved by \(w.approver)) expired on \(w.expires), \(w.expires.days(until: asOf)) day(s) before \(asOf); the finding blocks again",
            remediation: "Fix the finding, or have an approver grant a new waiver with a new justification and expiry; remove the expired entry.",
            location: w.location, source: .gate, disposition: .blocking, waiver: w)
    }
}
