import ASLMHCore
import ASLMHGuard
import ASLMHLoader
import Foundation

/// Everything that joins the tier engine and the guard, built once and shared across threads:
/// the tier→guard mapping, the ledger, its executable suites and the lexicons.
public final class Wiring: @unchecked Sendable {
    public let deriver: GuardDeriver
    public let ledger: Ledger
    public let suites: [LedgerSuite]
    public let lexicons: LexiconData
    /// Suite outcomes by configuration (stripped of provenance, name, resources and deployment):
    /// profiles of a tier share one, so this holds a handful of entries, compared with `==`.
    private var cache: [(GuardConfiguration, [String: LedgerExecution.SuiteOutcome])] = []
    private let lock = NSLock()

    public init(deriver: GuardDeriver, ledger: Ledger, suites: [LedgerSuite], lexicons: LexiconData) {
        self.deriver = deriver
        self.ledger = ledger
        self.suites = suites
        self.lexicons = lexicons
    }

    /// The shipped mapping, ledger and suites; errors name the broken file.
    public static func embedded(catalog: Catalog) throws -> Wiring {
        let mapping = try GuardMappingLoader.embedded().get()
        let ledger = try LedgerLoader.embedded().get()
        let lexicons = try LexiconData.embedded()
        var suites: [LedgerSuite] = []
        for f in EmbeddedFiles.files(under: "suites/") where f.path.hasSuffix(".jsonl") {
            let name = String((f.path as NSString).lastPathComponent.dropLast(".jsonl".count))
            suites.append(try LedgerSuite.parse(name: name, text: f.text))
        }
        return Wiring(deriver: GuardDeriver(mapping: mapping, catalogVersion: catalog.version, resources: lexicons.resources),
                      ledger: ledger, suites: suites, lexicons: lexicons)
    }

    /// Control ids the ledger adds to what profiles may declare.
    public var ledgerControls: [String] { ledger.controls.map(\.id) }

    /// The guard requirements of the ledger, answered from a configuration.
    public func guardChecks(_ c: GuardConfiguration) -> [String: LedgerExecution.Check] {
        let crit = Set(c.actions.user.critical)
        let crisis: [GuardCategory] = [.suicidalIdeation, .selfHarm, .harmToOthers, .imminentDanger, .psychosis]
        let offCrisis = crisis.filter { !c.isEnabled($0) }
        func on(_ g: GuardCategory) -> LedgerExecution.Check {
            LedgerExecution.Check(passed: c.isEnabled(g), detail: "the `\(g.rawValue)` output check is \(c.isEnabled(g) ? "on" : "off")")
        }
        let blocks = c.actions.assistant.high.contains(.blockOutput)
        let scopeOn = c.isEnabled(.diagnosis) && c.isEnabled(.medicationAdvice)
        return [
            "crisis_detectors_on": .init(passed: offCrisis.isEmpty, detail: offCrisis.isEmpty
                ? "deterministic lexicon detection of suicidal ideation, self-harm, harm to others, imminent danger and psychosis is on"
                : "detectors off: " + offCrisis.map(\.rawValue).joined(separator: ", ")),
            "critical_shows_resources": .init(passed: crit.contains(.showCrisisResources), detail: "critical user turns \(crit.contains(.showCrisisResources) ? "show" : "do not show") crisis resources"),
            "critical_stops_ai_thread": .init(passed: crit.contains(.stopAIThread), detail: "critical user turns \(crit.contains(.stopAIThread) ? "stop" : "do not stop") the AI thread"),
            "critical_notifies_human": .init(passed: crit.contains(.notifyHuman), detail: "critical user turns \(crit.contains(.notifyHuman) ? "notify" : "do not notify") a human"
                + (c.deployment?.escalationTeam.map { " (\($0))" } ?? "")),
            "session_limits_set": .init(passed: c.deployment?.maxSessionMinutes != nil && c.deployment?.maxSessionsPerDay != nil,
                                        detail: c.deployment?.maxSessionMinutes.map { "sessions limited to \($0) minutes, \(c.deployment?.maxSessionsPerDay ?? 0) a day" } ?? "no session limits at this tier"),
            "help_discouragement_checked": on(.helpDiscouragement),
            "delusion_validation_checked": on(.delusionValidation),
            "false_intimacy_checked": on(.falseIntimacy),
            "scope_outputs_blocked": .init(passed: scopeOn && blocks, detail: scopeOn && blocks
                ? "diagnosis and medication-advice outputs are detected and blocked, with no override"
                : "diagnosis or medication-advice outputs are not both detected and blocked"),
        ]
    }

    /// Runs every suite through the configuration (cached per configuration).
    public func suiteOutcomes(_ c: GuardConfiguration) -> [String: LedgerExecution.SuiteOutcome] {
        var key = c
        key.provenance = nil
        key.name = nil
        key.crisisResources = nil
        key.deployment = nil
        // Held while computing: threads that need the same configuration wait for the first
        // one instead of each building a guard (a few per run, each ~10 ms).
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache.first(where: { $0.0 == key }) { return hit.1 }
        var out: [String: LedgerExecution.SuiteOutcome] = [:]
        do {
            let g = try Guard(configuration: key, environment: GuardEnvironment(isResearch: true), data: lexicons)
            for s in suites { out[s.name] = s.run(with: g) }
        } catch {
            for s in suites { out[s.name] = LedgerExecution.SuiteOutcome(suite: s.name, cases: s.cases.count, failures: ["the guard refused the configuration: \(error)"], source: s.source) }
        }
        cache.append((key, out))
        return out
    }

    /// Scores the ledger for a checked profile through its derived configuration.
    public func ledgerScore(_ report: ProfileReport, configuration: GuardConfiguration) -> LedgerScore {
        let execution = LedgerExecution(guardChecks: guardChecks(configuration), suites: suiteOutcomes(configuration))
        let titles = Dictionary(uniqueKeysWithValues: ledger.controls.map { ($0.id, $0.title) })
        return LedgerScore.score(ledger, profile: report.profile, tier: report.classification.tier, execution: execution) { id in
            titles[id] ?? id
        }
    }
}
