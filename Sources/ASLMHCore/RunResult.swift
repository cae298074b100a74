/// The result of running `classify` or `check` over a set of inputs: what every reporter renders.
public struct RunResult: Sendable {
    public enum Command: String, Sendable { case classify, check }

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

    public var command: Command
    public var catalogVersion: String
    public var asOf: Day
    public var failOn: Severity
    public var entries: [Entry]

    public init(command: Command, catalogVersion: String, asOf: Day, failOn: Severity, entries: [Entry]) {
        self.command = command
        self.catalogVersion = catalogVersion
        self.asOf = asOf
        self.failOn = failOn
        self.entries = entries.sorted { $0.path < $1.path }
    }

    public var reports: [ProfileReport] {
        entries.compactMap { if case .report(let r) = $0 { r } else { nil } }
    }

    public var inputErrorCount: Int {
        entries.reduce(0) { n, e in if case .failure(_, let errs) = e { n + errs.count } else { n } }
    }

    /// Whether a report has a finding at or above the `--fail-on` severity.
    public func fails(_ report: ProfileReport) -> Bool {
        report.findings.contains { $0.severity >= failOn }
    }

    /// 2 for any input error, else 1 for any failing finding, else 0.
    public var exitCode: Int32 {
        if inputErrorCount > 0 { return 2 }
        return reports.contains(where: fails) ? 1 : 0
    }

    public func status(_ entry: Entry) -> String {
        switch entry {
        case .failure: "error"
        case .report(let r): fails(r) ? "fail" : "pass"
        }
    }
}
