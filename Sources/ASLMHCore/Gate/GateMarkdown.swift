/// The gate result as a pull-request comment: the decision, a table of products, the reasons.
public enum GateMarkdown {
    public static func render(_ g: GateResult) -> String {
        let cell = MarkdownReporter.cell
        var out = "## aslmh gate: \(g.decision == .ship ? "✅ ship" : g.decision == .blocked ? "❌ blocked" : "⚠️ input error")\n\n"
        out += "Catalogue `\(g.catalogVersion)`, as of \(g.asOf), blocking on \(g.policy.failOn.rawValue); approvals needed from ASL-MH \(g.policy.minApprovalTier).\n\n"
        out += "| Product | Tier | Approval | Blocking | Waived | Baselined | Decision |\n|---|---|---|---|---|---|---|\n"
        for e in g.entries {
            let tier = e.report.map { "ASL-MH \($0.classification.tier)" } ?? "—"
            out += "| `\(cell(e.productId ?? e.path))` | \(tier) | \(e.approval.name) | \(e.count(.blocking)) | \(e.count(.waived)) | \(e.count(.baselined)) | **\(e.decision.rawValue)** |\n"
        }
        for e in g.entries where e.decision != .ship || e.items.contains(where: { $0.disposition == .waived || $0.disposition == .baselined }) {
            out += "\n### `\(cell(e.productId ?? e.path))` — \(e.decision.rawValue)\n\n"
            for err in e.inputErrors {
                out += "- `\(err.location)` **\(err.code)**: \(cell(err.message))" + (err.suggestion.map { " — \(cell($0))" } ?? "") + "\n"
            }
            if case .stale(let a, let changes) = e.approval {
                out += "- **approval stale** (approved by \(cell(a.reviewer)) on \(a.date)):\n"
                for c in changes { out += "  - \(c)\n" }
            }
            for i in e.items where i.disposition == .blocking && !(i.id == "approval/stale") {
                out += "- **\(i.id)** `\(i.location)`: \(cell(i.message)). Fix: \(cell(i.remediation))\n"
            }
            for i in e.items where i.disposition == .waived || i.disposition == .baselined {
                let why = i.disposition == .waived ? "waived until \(i.waiver!.expires) by \(cell(i.waiver!.approver)): \(cell(i.waiver!.justification))" : "baselined"
                out += "- _\(i.disposition.rawValue)_ `\(i.id)` `\(i.location)` — \(why)\n"
            }
        }
        out += "\n<sub>\(g.count(.ship)) ship · \(g.count(.blocked)) blocked · \(g.count(.error)) input errors · digest `sha256:\(GateJSON.digest(g))`</sub>\n"
        return out
    }
}
