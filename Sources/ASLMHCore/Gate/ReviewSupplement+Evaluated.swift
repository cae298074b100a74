extension ReviewSupplement {
    /// The supplements the checks already computed: today the jurisdiction verdicts of each
    /// product's report (the ledger and the guard summary join here when they land).
    public static func evaluated(_ gate: GateResult) -> [String: ReviewSupplement] {
        var out: [String: ReviewSupplement] = [:]
        for e in gate.entries {
            if let r = e.report, let id = e.productId { out[id] = ReviewSupplement(jurisdictions: jurisdictions(r.jurisdictions)) }
        }
        return out
    }

    /// The overlays' verdicts as the report shows them.
    public static func jurisdictions(_ verdicts: [JurisdictionVerdict]) -> [ReportJurisdictionVerdict] {
        verdicts.map { v in
            let statuses = v.obligations.map(\.status)
            let verdict = !v.inScope ? "not-in-scope" : !v.inForce ? "not-yet-in-force"
                : statuses.contains(.prohibited) ? "prohibited" : statuses.contains(.missing) ? "obligations-missing" : "compliant"
            let missing = v.obligations.filter { $0.status == .missing || $0.status == .prohibited }.map { "\($0.id) (\($0.status.rawValue))" }
            var detail = "\(v.law.title) — \(v.law.citation); market \(v.market.value)"
            if !v.inScope, !v.scopeUnmet.isEmpty { detail += "; out of scope: " + v.scopeUnmet.joined(separator: "; ") }
            if !missing.isEmpty { detail += "; " + missing.joined(separator: ", ") }
            return ReportJurisdictionVerdict(jurisdiction: "\(v.name) (\(v.overlayId))", verdict: verdict, detail: detail)
        }
    }

}
