/// A ledger scorecard for the reviewer report (filled in once the Therapy Mode Safety Ledger lands).
public struct ReportLedgerScorecard: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var test: String
        public var result: String
        public var detail: String
        public init(test: String, result: String, detail: String) { self.test = test; self.result = result; self.detail = detail }
    }
    public var summary: String
    public var rows: [Row]
    public init(summary: String, rows: [Row]) { self.summary = summary; self.rows = rows }
}

/// One jurisdiction's verdict for the reviewer report (filled in once overlays land).
public struct ReportJurisdictionVerdict: Sendable, Hashable {
    public var jurisdiction: String
    public var verdict: String
    public var detail: String
    public init(jurisdiction: String, verdict: String, detail: String) { self.jurisdiction = jurisdiction; self.verdict = verdict; self.detail = detail }
}

/// The runtime guard's configuration, summarised for the reviewer report.
public struct ReportGuardSummary: Sendable, Hashable {
    public var configuration: String
    public var sha256: String?
    public var settings: [(String, String)]
    public init(configuration: String, sha256: String?, settings: [(String, String)]) {
        self.configuration = configuration; self.sha256 = sha256; self.settings = settings
    }
    public static func == (a: Self, b: Self) -> Bool {
        a.configuration == b.configuration && a.sha256 == b.sha256 && a.settings.map { [$0.0, $0.1] } == b.settings.map { [$0.0, $0.1] }
    }
    public func hash(into h: inout Hasher) { h.combine(configuration); h.combine(sha256) }
}

/// Optional results for one product that other parts of aslmh evaluate. Absent data renders as
/// "not evaluated yet", never as an empty section.
public struct ReviewSupplement: Sendable, Hashable {
    public var ledger: ReportLedgerScorecard?
    public var jurisdictions: [ReportJurisdictionVerdict]?
    public var guardSummary: ReportGuardSummary?
    public init(ledger: ReportLedgerScorecard? = nil, jurisdictions: [ReportJurisdictionVerdict]? = nil, guardSummary: ReportGuardSummary? = nil) {
        self.ledger = ledger; self.jurisdictions = jurisdictions; self.guardSummary = guardSummary
    }
}

/// Everything the reviewer report shows: the gate result (checks, approvals, waivers) and the
/// optional supplements by product id.
public struct ReviewReport: Sendable {
    public var gate: GateResult
    public var waivers: [Waiver]
    public var supplements: [String: ReviewSupplement]
    /// Prepended to evidence paths (relative to the working directory) so links resolve from where
    /// the report file is written, e.g. `../` for a report in `build/`.
    public var linkPrefix: String
    public var title: String

    public init(gate: GateResult, waivers: [Waiver] = [], supplements: [String: ReviewSupplement] = [:], linkPrefix: String = "",
                title: String = "ASL-MH review report") {
        self.gate = gate
        self.waivers = waivers
        self.supplements = supplements
        self.linkPrefix = linkPrefix
        self.title = title
    }

    public static let notEvaluated = "not evaluated yet"

    func supplement(_ e: GateEntry) -> ReviewSupplement { e.productId.flatMap { supplements[$0] } ?? ReviewSupplement() }

    /// Waivers recorded for the entry's product, with their state on the report's day.
    func waivers(for e: GateEntry) -> [(Waiver, String)] {
        guard let id = e.productId else { return [] }
        return waivers.filter { $0.productId == id }.sorted { $0.location < $1.location }.map { w in
            let used = e.items.contains { $0.waiver == w }
            let state = !w.isActive(on: gate.asOf) ? "expired" : used ? "active" : "unused"
            return (w, state)
        }
    }

    /// An evidence reference as a link target: URLs (http/https only) as they are, paths relative
    /// to the profile's folder, prefixed. Nil for anything else.
    func evidenceHref(_ ref: String, profilePath: String) -> String? {
        let lower = ref.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return ref }
        if lower.contains(":") || ref.hasPrefix("/") { return nil }
        let dir = profilePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return linkPrefix + (dir.isEmpty ? "" : dir + "/") + ref
    }
}
