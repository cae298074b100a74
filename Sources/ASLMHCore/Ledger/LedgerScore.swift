/// A profile's ledger scorecard.
///
/// Section status: PASS when all its tests pass, PARTIAL when some do, FAIL when none do.
/// Clinical Architecture Confidence Index (CACI) = 2 × (sections PASS) + 1 × (sections PARTIAL),
/// out of 2 × (number of sections) = 20; reported with its parts and as a percentage.
/// "Minimum structural conditions met" is a separate yes/no: every one of the binary tests passes.
public struct LedgerScore: Sendable {
    public enum Status: String, Sendable { case pass = "PASS", partial = "PARTIAL", fail = "FAIL" }

    public struct TestResult: Sendable {
        public var id: String
        public var question: String
        public var passed: Bool
        /// What answered it: evidence references, guard checks and suite outcomes.
        public var evidence: [String]
        /// Why it failed (empty when it passed).
        public var reasons: [String]
    }

    public struct SectionResult: Sendable {
        public var id: String
        public var title: String
        public var status: Status
        public var tests: [TestResult]
    }

    public var ledgerId: String
    public var version: String
    /// False below the tier the ledger applies from: the scorecard is then information only.
    public var applies: Bool
    public var sections: [SectionResult]
    public var suites: [LedgerExecution.SuiteOutcome]

    public var testsPassed: Int { sections.reduce(0) { $0 + $1.tests.filter(\.passed).count } }
    public var testsTotal: Int { sections.reduce(0) { $0 + $1.tests.count } }
    public var sectionsPassed: Int { sections.filter { $0.status == .pass }.count }
    public var sectionsPartial: Int { sections.filter { $0.status == .partial }.count }
    public var sectionsFailed: Int { sections.filter { $0.status == .fail }.count }
    public var caci: Int { 2 * sectionsPassed + sectionsPartial }
    public var caciMax: Int { 2 * sections.count }
    public var minimumStructuralConditionsMet: Bool { testsTotal > 0 && testsPassed == testsTotal }

    public static func score(_ ledger: Ledger, profile: Profile, tier: Int, execution: LedgerExecution,
                             describeControl: (String) -> String) -> LedgerScore {
        var sections: [SectionResult] = []
        for section in ledger.sections {
            var results: [TestResult] = []
            for test in section.tests {
                var evidence: [String] = []
                var reasons: [String] = []
                for id in test.controls {
                    if let c = profile.control(id), !c.evidence.isEmpty, !c.evidence.contains(where: { $0.exists == false }) {
                        evidence += c.evidence.map { "\(id): \($0.reference.value)" }
                    } else if profile.control(id) != nil {
                        reasons.append("control `\(id)` is declared without confirmable evidence (cannot be confirmed defaults to FAIL)")
                    } else {
                        reasons.append("control `\(id)` (\(describeControl(id))) is not declared")
                    }
                }
                for requirement in test.guardRequirements {
                    if let check = execution.guardChecks[requirement] {
                        if check.passed { evidence.append("guard: \(check.detail)") } else { reasons.append("guard: \(check.detail)") }
                    } else {
                        reasons.append("guard requirement `\(requirement)` was not evaluated")
                    }
                }
                for suite in test.suites {
                    if let outcome = execution.suites[suite] {
                        if outcome.passed {
                            evidence.append("suite \(suite): \(outcome.cases) of \(outcome.cases) cases pass through the derived guard configuration")
                        } else {
                            reasons.append("suite \(suite): \(outcome.failures.count) of \(outcome.cases) cases fail (" + outcome.failures.prefix(5).joined(separator: "; ") + (outcome.failures.count > 5 ? "; …" : "") + ")")
                        }
                    } else {
                        reasons.append("suite `\(suite)` was not run")
                    }
                }
                results.append(TestResult(id: test.id, question: test.question, passed: reasons.isEmpty, evidence: evidence, reasons: reasons))
            }
            let passed = results.filter(\.passed).count
            let status: Status = passed == results.count ? .pass : passed == 0 ? .fail : .partial
            sections.append(SectionResult(id: section.id, title: section.title, status: status, tests: results))
        }
        return LedgerScore(ledgerId: ledger.id, version: ledger.version, applies: tier >= ledger.appliesFromTier,
                           sections: sections, suites: execution.suites.values.sorted { $0.suite < $1.suite })
    }
}
