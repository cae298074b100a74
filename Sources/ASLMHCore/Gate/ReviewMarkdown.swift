/// The reviewer report in Markdown: the same sections as the HTML report.
public enum ReviewMarkdown {
    public static func render(_ r: ReviewReport) -> String {
        let g = r.gate
        var out = "# \(r.title)\n\nAs of **\(g.asOf)** · catalogue **\(g.catalogVersion)** · blocking on \(g.policy.failOn.rawValue) · approvals needed from ASL-MH \(g.policy.minApprovalTier)\n\n"
        out += "Gate decision: **\(g.decision.rawValue)** — \(g.count(.ship)) ship, \(g.count(.blocked)) blocked, \(g.count(.error)) with input errors.\n"
        if g.entries.count > 1 {
            out += "\n## Portfolio\n\n| Product | Tier | Decision | Approval | Blocking | Waived | Baselined |\n|---|---|---|---|---|---|---|\n"
            for e in g.entries {
                out += "| `\(cell(e.productId ?? e.path))` | \(e.report.map { "ASL-MH \($0.classification.tier)" } ?? "—") | \(e.decision.rawValue) | \(e.approval.name) | \(e.count(.blocking)) | \(e.count(.waived)) | \(e.count(.baselined)) |\n"
            }
        }
        for e in g.entries { out += product(e, r) }
        out += "\n---\nGate result digest: `sha256:\(GateJSON.digest(g))`\n"
        return out
    }

    static func product(_ e: GateEntry, _ r: ReviewReport) -> String {
        guard let rep = e.report else {
            var out = "\n## `\(cell(e.path))` — error\n\nThe profile could not be read:\n\n"
            for err in e.inputErrors { out += "- `\(err.location)` **\(err.code)**: \(cell(err.message))\n" }
            return out
        }
        let p = rep.profile, c = rep.classification
        var out = "\n## \(cell(p.product.name?.value ?? e.path)) (`\(cell(e.productId ?? ""))`) — \(e.decision.rawValue)\n\n"
        out += "Profile `\(cell(p.path))`, version \(cell(p.product.version?.value ?? "—")), team \(cell(p.product.team?.value ?? "—")). Intended use: \(cell(p.intendedUse?.value ?? "—"))\n\n"
        for reason in e.reasons { out += "- **blocks:** \(cell(reason))\n" }
        out += "\n### Tier: ASL-MH \(c.tier) — \(rep.tierName)\n\n"
        for m in c.matchedRules {
            out += "- `\(m.ruleId)` \(cell(m.title)): " + m.reads.map { "`\($0.field): \($0.value)` (\($0.location))" }.joined(separator: ", ") + "\n"
        }
        if let next = c.nextTierMisses.first {
            out += "\nNot ASL-MH \(next.tier), because:\n\n"
            for m in c.nextTierMisses { out += "- `\(m.ruleId)`: \(cell(m.unmet.joined(separator: "; ")))\n" }
        }
        out += "\n### Controls\n\n| Control | From tier | State | Evidence |\n|---|---|---|---|\n"
        for s in rep.controls {
            let links = s.evidence.map { ref in r.evidenceHref(ref, profilePath: p.path).map { "[\(cell(ref))](\($0.replacingSpaces))" } ?? "`\(cell(ref))`" }
            out += "| `\(s.controlId)` | \(s.tier) | \(s.state.rawValue) | \(links.joined(separator: "<br>")) |\n"
        }
        if !e.items.isEmpty {
            out += "\n### Findings\n\n| Finding | Severity | Status | Location | Message |\n|---|---|---|---|---|\n"
            for i in e.items {
                let status = i.disposition.rawValue + (i.waiver.map { i.disposition == .waived ? " until \($0.expires)" : " (waiver expired \($0.expires))" } ?? "")
                out += "| `\(i.id)` | \(i.severity.rawValue) | \(status) | `\(i.location)` | \(cell(i.message)) |\n"
            }
        }
        out += "\n### Approval\n\n"
        switch e.approval {
        case .notRequired: out += "Not required below ASL-MH \(r.gate.policy.minApprovalTier); none recorded.\n"
        case .missing: out += "**Missing**: this tier needs an approval (`aslmh approve`).\n"
        case .current(let a), .stale(let a, _):
            out += "\(e.approval.name == "stale" ? "**Stale**" : "Current"): approved by \(cell(a.reviewer)) on \(a.date) at ASL-MH \(a.tier), catalogue \(a.catalogVersion). \(cell(a.note))\n"
            if case .stale(_, let changes) = e.approval { for ch in changes { out += "- changed: \(cell(ch))\n" } }
        }
        let ws = r.waivers(for: e)
        out += "\n### Waivers\n\n"
        if ws.isEmpty { out += "None.\n" } else {
            out += "| Finding | State | Granted | Expires | Approver | Justification |\n|---|---|---|---|---|---|\n"
            for (w, state) in ws { out += "| `\(w.findingId)` | \(state) | \(w.granted) | \(w.expires) | \(cell(w.approver)) | \(cell(w.justification)) |\n" }
        }
        let s = r.supplement(e)
        out += ledger(s.ledger) + jurisdictions(s.jurisdictions) + guardSummary(s.guardSummary)
        return out
    }

    static func ledger(_ l: ReportLedgerScorecard?) -> String {
        var out = "\n### Therapy Mode Safety Ledger scorecard\n\n"
        guard let l else { return out + "_\(ReviewReport.notEvaluated)_\n" }
        out += "\(cell(l.summary))\n\n| Test | Result | Detail |\n|---|---|---|\n"
        for row in l.rows { out += "| \(cell(row.test)) | \(cell(row.result)) | \(cell(row.detail)) |\n" }
        return out
    }

    static func jurisdictions(_ v: [ReportJurisdictionVerdict]?) -> String {
        var out = "\n### Jurisdiction verdicts\n\n"
        guard let v else { return out + "_\(ReviewReport.notEvaluated)_\n" }
        if v.isEmpty { return out + "No jurisdiction overlay applies.\n" }
        out += "| Jurisdiction | Verdict | Detail |\n|---|---|---|\n"
        for j in v { out += "| \(cell(j.jurisdiction)) | \(cell(j.verdict)) | \(cell(j.detail)) |\n" }
        return out
    }

    static func guardSummary(_ g: ReportGuardSummary?) -> String {
        var out = "\n### Guard configuration summary\n\n"
        guard let g else { return out + "_\(ReviewReport.notEvaluated)_\n" }
        out += "Configuration `\(cell(g.configuration))`" + (g.sha256.map { ", SHA-256 `\($0)`" } ?? "") + "\n\n"
        for (k, v) in g.settings { out += "- \(cell(k)): \(cell(v))\n" }
        return out
    }

    /// A table-safe, HTML-inert cell: `|` escaped, newlines folded, `<` and `&` as entities.
    static func cell(_ s: String) -> String {
        MarkdownReporter.cell(s).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }

    var replacingSpaces: String { split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20") }
}
