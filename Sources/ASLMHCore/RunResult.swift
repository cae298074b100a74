/// What every report needs to know about the run, besides the entries.
public struct RunContext: Sendable {
    public enum Command: String, Sendable { case classify, check }

    public var command: Command
    public var catalogVersion: String
    public var asOf: Day
    public var failOn: Severity

    public init(command: Command, catalogVersion: String, asOf: Day, failOn: Severity) {
        self.command = command
        self.catalogVersion = catalogVersion
        self.asOf = asOf
        self.failOn = failOn
    }

    /// Whether a report has a finding at or above the `--fail-on` severity.
    public func fails(_ report: ProfileReport) -> Bool {
        report.findings.contains { $0.severity >= failOn }
    }

    public func status(_ entry: RunResult.Entry) -> String {
        switch entry {
        case .failure: "error"
        case .report(let r): fails(r) ? "fail" : "pass"
        }
    }
}

/// Counts accumulated entry by entry, so a streamed run needs no list of its reports.
public struct RunSummary: Sendable {
    public private(set) var profiles = 0
    public private(set) var passed = 0
    public private(set) var failed = 0
    public private(set) var withInputErrors = 0
    public private(set) var inputErrors = 0
    public private(set) var byTier: [Int: Int] = [:]
    public private(set) var findings: [Severity: Int] = [:]

    public init() {}

    public mutating func add(_ entry: RunResult.Entry, _ context: RunContext) {
        profiles += 1
        switch entry {
        case .failure(_, let errors):
            withInputErrors += 1
            inputErrors += errors.count
        case .report(let r):
            if context.fails(r) { failed += 1 } else { passed += 1 }
            byTier[r.classification.tier, default: 0] += 1
            for f in r.findings { findings[f.severity, default: 0] += 1 }
        }
    }

    /// 2 for any input error, else 1 for any failing finding, else 0.
    public var exitCode: Int32 { withInputErrors > 0 ? 2 : failed > 0 ? 1 : 0 }
}

/// A whole run held in memory (tests, small runs). The CLI streams instead; both go through the
/// same `ReportStream`s, so their output is identical.
public struct RunResult: Sendable {
    public typealias Command = RunContext.Command

    /// One input file: its report, or the input errors that stopped it.
    public enum Entry: Sendable {
        case report(ProfileReport)
        case failure(path: String, errors: [InputError])

        public var path: String {
            switch self {
            case .report(let r): r.profile.path
            case .failure(let p, _): p
            }
        }
    }

    public var context: RunContext
    public var entries: [Entry]

    public init(command: Command, catalogVersion: String, asOf: Day, failOn: Severity, entries: [Entry]) {
        context = RunContext(command: command, catalogVersion: catalogVersion, asOf: asOf, failOn: failOn)
        self.entries = entries.sorted { $0.path < $1.path }
    }

    public var command: Command { context.command }
    public var catalogVersion: String { context.catalogVersion }
    public var asOf: Day { context.asOf }
    public var failOn: Severity { context.failOn }

    public var reports: [ProfileReport] {
        entries.compactMap { if case .report(let r) = $0 { r } else { nil } }
    }

    public var summary: RunSummary {
        var s = RunSummary()
        for e in entries { s.add(e, context) }
        return s
    }

    public var exitCode: Int32 { summary.exitCode }

    public func fails(_ report: ProfileReport) -> Bool { context.fails(report) }

    public func status(_ entry: Entry) -> String { context.status(entry) }
}

/// One entry rendered on a worker thread: its text, and for digested formats its canonical form.
public struct ReportFragment: Sendable {
    public var text: String
    public var canonical: [UInt8]?

    public init(_ text: String, canonical: [UInt8]? = nil) {
        self.text = text
        self.canonical = canonical
    }
}

/// A reporter that renders a run piece by piece: the header, each entry in path order, the footer.
/// `fragment` is pure and may run on any thread (the CLI renders entries in parallel); `entry`
/// runs in order and joins fragments (separators, state such as SARIF's rule list).
public protocol ReportStream: Sendable {
    mutating func header(_ context: RunContext) -> String
    func fragment(_ entry: RunResult.Entry, _ context: RunContext) -> ReportFragment
    mutating func entry(_ entry: RunResult.Entry, fragment: ReportFragment, _ context: RunContext) -> String
    mutating func footer(_ summary: RunSummary, _ context: RunContext) -> String
}

extension ReportStream {
    public mutating func entry(_ entry: RunResult.Entry, fragment: ReportFragment, _ context: RunContext) -> String { fragment.text }

    /// Renders a whole in-memory run.
    public mutating func renderRun(_ run: RunResult) -> String {
        var out = header(run.context)
        var summary = RunSummary()
        for e in run.entries {
            summary.add(e, run.context)
            out += entry(e, fragment: fragment(e, run.context), run.context)
        }
        return out + footer(summary, run.context)
    }
}
