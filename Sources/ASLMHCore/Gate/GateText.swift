/// The gate result for a terminal or a CI log: the decision, then each product's reasons.
public enum GateText {
    public static func render(_ g: GateResult) -> String {
        var out = "aslmh gate: catalogue \(g.catalogVersion), as of \(g.asOf), blocking on \(g.policy.failOn.rawValue), approvals needed from ASL-MH \(g.policy.minApprovalTier)\n"
        for e in g.entries {
            out += "\n"
            switch e.decision {
            case .error:
                out += "ERROR    \(e.path): the profile could not be read\n"
                for err in e.inputErrors {
                    out += "  \(err.location): error[\(err.code)]: \(err.message)\n"
                    if let s = err.suggestion { out += "    hint: \(s)\n" }
                }
                continue
            case .ship: out += "SHIP     "
            case .blocked: out += "BLOCKED  "
            }
            let r = e.report!
            out += "\(e.productId ?? e.path) (\(e.path)) ASL-MH \(r.classification.tier) \(r.tierName)\n"
            out += "  approval: \(approvalLine(e.approval))\n"
            for reason in e.reasons { out += "  blocks: \(reason)\n" }
            for i in e.items where i.disposition != .blocking {
                out += "  \(i.disposition.rawValue): \(i.id) at \(i.location)\(waiverNote(i))\n"
            }
            for w in e.unusedWaivers { out += "  note: waiver for \(w.findingId) at \(w.location) matches no finding; remove it\n" }
        }
        out += "\n\(g.count(.ship)) ship, \(g.count(.blocked)) blocked, \(g.count(.error)) with input errors: \(g.decision.rawValue.uppercased())\n"
        out += "digest: sha256:\(GateJSON.digest(g))\n"
        return out
    }

    static func approvalLine(_ s: ApprovalState) -> String {
        switch s {
        case .notRequired: "not required"
        case .missing: "missing"
        case .current(let a): "approved by \(a.reviewer) on \(a.date) (ASL-MH \(a.tier), catalogue \(a.catalogVersion))"
        case .stale(let a, let changes): "STALE (approved by \(a.reviewer) on \(a.date)): " + changes.joined(separator: "; ")
        }
    }

    static func waiverNote(_ i: GateItem) -> String {
        guard let w = i.waiver else { return "" }
        return i.disposition == .waived ? " (waived by \(w.approver) until \(w.expires): \(w.justification))" : " (waiver expired \(w.expires))"
    }
}
