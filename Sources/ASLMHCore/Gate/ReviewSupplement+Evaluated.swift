extension ReviewSupplement {
    /// The supplements the checks already computed: today the jurisdiction verdicts of each
    /// product's report (the ledger and the guard summary join here when they land).
    public static func evaluated(_ gate: GateResult) -> [String: ReviewSupplement] {
        var out: [String: ReviewSupplement] = [:]
        for e in gate.entries {
            if let r = e.report, let id = e.productId {
                out[id] = ReviewSupplement(ledger: r.ledger.map(ledger), jurisdictions: jurisdictions(r.jurisdictions),
                                           guardSummary: r.guardSummary.map { guardSummary($0, report: r) })
            }
        }
        return out
    }

    /// The ledger scorecard as the report shows it: a row per binary test.
    public static func ledger(_ l: LedgerScore) -> ReportLedgerScorecard {
        var rows: [ReportLedgerScorecard.Row] = []
        for s in l.sections {
            for t in s.tests {
                rows.append(.init(test: "\(s.id) \(s.title) — \(t.id): \(t.question)", result: t.passed ? "PASS" : "FAIL",
                                  detail: (t.passed ? t.evidence : t.reasons).joined(separator: "; ")))
            }
        }
        let sections = l.sections.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: ", ")
        let summary = "CACI \(l.caci)/\(l.caciMax) (\(l.sectionsPassed) PASS, \(l.sectionsPartial) PARTIAL, \(l.sectionsFailed) FAIL; \(l.testsPassed)/\(l.testsTotal) tests). "
            + "Minimum structural conditions met: \(l.minimumStructuralConditionsMet ? "yes" : "no")."
            + (l.applies ? "" : " Information only: the ledger applies from ASL-MH 3.") + " Sections: " + sections
        return ReportLedgerScorecard(summary: summary, rows: rows)
    }

    /// The derived guard configuration as the report shows it.
    public static func guardSummary(_ lines: [String], report r: ProfileReport) -> ReportGuardSummary {
        let settings = lines.map { line -> (String, String) in
            guard let colon = line.firstIndex(of: ":") else { return (line, "yes") }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        return ReportGuardSummary(configuration: "derived for ASL-MH \(r.classification.tier) (aslmh guard-config \(r.profile.path))",
                                  sha256: nil, settings: settings)
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
