/// Human-readable output. Colour only when the caller says the terminal takes it.
public struct TextReporter: ReportStream {
    public var color: Bool
    public var verbose: Bool

    public init(color: Bool, verbose: Bool = true) {
        self.color = color
        self.verbose = verbose
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { paint(s, "1") }
    func dim(_ s: String) -> String { paint(s, "2") }

    func severity(_ s: Severity) -> String {
        switch s {
        case .error: paint("error  ", "31;1")
        case .warning: paint("warning", "33;1")
        case .note: paint("note   ", "36")
        }
    }

    /// Renders a whole in-memory run.
    public func render(_ run: RunResult) -> String {
        var copy = self
        return copy.renderRun(run)
    }

    public func header(_ c: RunContext) -> String { "" }

    public func fragment(_ entry: RunResult.Entry, _ c: RunContext) -> ReportFragment { ReportFragment(render(entry, c)) }

    func render(_ entry: RunResult.Entry, _ c: RunContext) -> String {
        var out = ""
        switch entry {
        case .failure(let path, let errors):
            out += "\(bold(path))  \(paint("INPUT ERROR", "31;1"))\n"
            for e in errors {
                out += "  \(severity(.error)) \(e.location)  \(e.message)\n"
                if let s = e.suggestion { out += "          \(dim("hint:")) \(s)\n" }
            }
        case .report(let r):
            out += report(r, run: c, status: c.status(entry))
        }
        return out + "\n"
    }

    public func footer(_ s: RunSummary, _ c: RunContext) -> String {
        let tierText = s.byTier.keys.sorted().map { "ASL-MH \($0): \(s.byTier[$0]!)" }.joined(separator: ", ")
        var out = bold("Summary") + ": \(s.profiles) profile(s); \(s.passed) passed, \(s.failed) failed, \(s.withInputErrors) with input errors"
            + (tierText.isEmpty ? "" : "; \(tierText)") + "\n"
        out += dim("catalogue \(c.catalogVersion), as of \(c.asOf), failing on \(c.failOn.rawValue) (exit code \(s.exitCode))") + "\n"
        return out
    }

    func report(_ r: ProfileReport, run: RunContext, status: String) -> String {
        let c = r.classification
        let statusText = status == "pass" ? paint("PASS", "32;1") : paint("FAIL", "31;1")
        var out = "\(bold(r.profile.path))  \(bold("ASL-MH \(c.tier)")) \(r.tierName)"
        out += run.command == .check ? "  \(statusText)\n" : "\n"
        let p = r.profile.product
        let ident = [p.name?.value, p.version?.value].compactMap { $0 }.joined(separator: " ")
        if !ident.isEmpty { out += "  product: \(ident)" + (p.team.map { " — \($0.value)" } ?? "") + "\n" }
        if let o = c.overriddenBy {
            out += "  tier raised from ASL-MH \(c.computedTier) by \(o.approver?.value ?? "?"): \(o.reason?.value ?? "")\n"
        }
        if verbose {
            out += "  why:\n"
            for m in c.matchedRules {
                out += "    \(m.ruleId)  \(m.title)\n"
                for read in m.reads { out += "      \(dim("reads")) \(read.field): \(read.value)  \(dim(read.location.description))\n" }
            }
            if let next = c.nextTierMisses.first {
                out += "  not ASL-MH \(next.tier):\n"
                for m in c.nextTierMisses {
                    out += "    \(m.ruleId)  " + m.unmet.joined(separator: "; ") + "\n"
                }
            }
        }
        if run.command == .check {
            let ok = r.controls.filter { $0.state == .satisfied }.count
            out += "  controls: \(ok) of \(r.controls.count) mandatory controls satisfied"
            let missing = r.controls.filter { $0.state != .satisfied }.map { "\($0.controlId) (\($0.state.rawValue))" }
            out += missing.isEmpty ? "\n" : "; not: " + missing.joined(separator: ", ") + "\n"
        }
        if let l = r.ledger {
            out += "  ledger: CACI \(l.caci)/\(l.caciMax), \(l.testsPassed)/\(l.testsTotal) tests, minimum structural conditions \(l.minimumStructuralConditionsMet ? "met" : "not met")"
                + (l.applies ? "" : " (information only below ASL-MH 3)") + "\n"
        }
        for v in r.jurisdictions {
            let counts = Dictionary(grouping: v.obligations, by: \.status).mapValues(\.count)
            var state: String
            if !v.inScope {
                state = "not in scope"
            } else if counts[.prohibited, default: 0] > 0 {
                state = paint("PROHIBITED", "31;1")
            } else {
                state = "in scope; \(counts[.met, default: 0]) met, \(counts[.missing, default: 0]) missing"
                if let later = counts[.notYetInForce], later > 0 { state += ", \(later) not yet in force" }
            }
            out += "  law: \(v.overlayId) \(v.law.citation) — \(state)\n"
        }
        for f in r.findings {
            out += "  \(severity(f.severity)) \(f.location)  \(bold(f.id))\n"
            out += "          \(f.message)\n"
            out += "          \(dim("fix:")) \(f.remediation)\n"
        }
        return out
    }
}
