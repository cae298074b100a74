/// The Therapy Mode Safety Ledger as data: sections of binary tests, and what answers each test.
public struct Ledger: Sendable {
    public struct Section: Sendable {
        public var id: String
        public var title: String
        public var quote: String
        public var tests: [Test]

        public init(id: String, title: String, quote: String, tests: [Test]) {
            self.id = id
            self.title = title
            self.quote = quote
            self.tests = tests
        }
    }

    /// A binary test. It passes only when every control is declared with evidence, every guard
    /// requirement holds in the derived guard configuration and every suite passes through it.
    public struct Test: Sendable {
        public var id: String
        public var question: String
        public var controls: [String]
        public var guardRequirements: [String]
        public var suites: [String]
        public var location: SourceLocation

        public init(id: String, question: String, controls: [String], guardRequirements: [String], suites: [String], location: SourceLocation) {
            self.id = id
            self.question = question
            self.controls = controls
            self.guardRequirements = guardRequirements
            self.suites = suites
            self.location = location
        }
    }

    public var id: String
    public var title: String
    public var version: String
    public var source: Citation
    public var verified: Day
    public var appliesFromTier: Int
    public var sections: [Section]
    public var controls: [OverlayControl]

    public init(id: String, title: String, version: String, source: Citation, verified: Day, appliesFromTier: Int,
                sections: [Section], controls: [OverlayControl]) {
        self.id = id
        self.title = title
        self.version = version
        self.source = source
        self.verified = verified
        self.appliesFromTier = appliesFromTier
        self.sections = sections
        self.controls = controls
    }

    public var tests: [Test] { sections.flatMap(\.tests) }

    /// The guard requirement names a ledger test may use (answered by the guard wiring).
    public static let guardRequirements = [
        "crisis_detectors_on", "critical_shows_resources", "critical_stops_ai_thread", "critical_notifies_human",
        "session_limits_set", "help_discouragement_checked", "delusion_validation_checked", "false_intimacy_checked",
        "scope_outputs_blocked",
    ]
}

/// What was executed for a profile: each guard requirement's answer and each suite's outcome.
public struct LedgerExecution: Sendable {
    public struct Check: Sendable, Hashable {
        public var passed: Bool
        public var detail: String

        public init(passed: Bool, detail: String) {
            self.passed = passed
            self.detail = detail
        }
    }

    public struct SuiteOutcome: Sendable, Hashable {
        public var suite: String
        public var cases: Int
        public var failures: [String]
        public var source: String

        public init(suite: String, cases: Int, failures: [String], source: String) {
            self.suite = suite
            self.cases = cases
            self.failures = failures
            self.source = source
        }

        public var passed: Bool { cases > 0 && failures.isEmpty }
    }

    public var guardChecks: [String: Check]
    public var suites: [String: SuiteOutcome]

    public init(guardChecks: [String: Check], suites: [String: SuiteOutcome]) {
        self.guardChecks = guardChecks
        self.suites = suites
    }

    public static let none = LedgerExecution(guardChecks: [:], suites: [:])
}
