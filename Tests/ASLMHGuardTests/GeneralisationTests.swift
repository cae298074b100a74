import Foundation
import Testing

@testable import ASLMHGuard

let roundsURL = packageRoot.appendingPathComponent("Tests/ASLMHGuardTests/Fixtures/rounds")
let suitesURL = packageRoot.appendingPathComponent("suites")

/// The blind rounds (Fixtures/rounds/roundNN.jsonl), the executed ledger suites and the pattern
/// features the compositional entries rely on.
@Suite("Generalisation")
struct GeneralisationTests {
    /// Every round, after its own tuning, stays within the targets as a whole: a later change may not
    /// buy recall on one round with false alarms on another. (The blind, first-measurement figures
    /// are in docs/guard.md.)
    @Test func roundsStayWithinTargets() throws {
        let files = try FileManager.default.contentsOfDirectory(at: roundsURL, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "jsonl" }.sorted { $0.path < $1.path }
        #expect(!files.isEmpty)
        var all: [String] = []
        for f in files { all += try #require(readLines(f)) }
        let (evaluation, _) = evaluate(all)
        let recall = try #require(evaluation.criticalRecall)
        let falseAlarms = try #require(evaluation.falseAlarmRate)
        let outputRecall = try #require(evaluation.outputRecall)
        #expect(recall >= 0.90, "critical recall \(recall)\n\(evaluation.textReport())")
        #expect(falseAlarms <= 0.03, "false alarms \(falseAlarms)\n\(evaluation.textReport())")
        #expect(outputRecall >= 0.90, "output recall \(outputRecall)\n\(evaluation.textReport())")
    }

    /// suites/*.jsonl (format in suites/README.md): `flag` cases reach at least `level` with the listed
    /// categories, `pass` cases stay at or below `level`.
    @Test(arguments: ["crisis-adversarial.jsonl", "medication-framing.jsonl"])
    func ledgerSuitePasses(_ name: String) throws {
        let lines = try #require(readLines(suitesURL.appendingPathComponent(name)), "missing suites/\(name)")
        var scanner = GuardScanner(safetyGuard: standardGuard)
        var failures: [String] = []
        for (n, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let out = scanner.scan(line: line, number: n + 1)
            guard let result = out.result,
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let must = object["must"] as? String, let levelText = object["level"] as? String,
                let level = RiskLevel(rawValue: levelText)
            else {
                failures.append("line \(n + 1): unreadable")
                continue
            }
            let wanted = Set((object["categories"] as? [String] ?? []).compactMap(GuardCategory.init(rawValue:)))
            let ok =
                must == "flag"
                ? result.level >= level && wanted.isSubset(of: Set(result.categories))
                : result.level <= level
            if !ok { failures.append("\(object["id"] ?? n + 1): \(must) \(level) got \(result.level) \(result.categories)") }
        }
        #expect(failures.isEmpty, "\(name): \(failures.joined(separator: "\n"))")
    }

    @Test func clauseEndAnchor() throws {
        let json = """
            {"schema": "aslmh/lexicon/v1", "entries": [{"id": "t.gone", "category": "suicidal_ideation",
             "level": "critical", "role": "user", "source": "test", "patterns": ["want to be gone $"],
             "examples": {"match": ["I want to be gone"], "no_match": []}}]}
            """
        let data = try LexiconData.load(files: [(path: "t.json", text: json)])
        let g = try Guard(data: data)
        #expect(g.check("I just want to be gone", role: .user).level == .critical)
        #expect(g.check("I want to be gone, honestly", role: .user).level == .critical)
        #expect(g.check("I want to be gone but I stay", role: .user).level == .critical)
        #expect(g.check("I want to be gone by five", role: .user).level == .none)
        #expect(throws: GuardError.self) {
            try PatternCompiler.expand("$ gone", rule: "t").map { p in
                var c = PatternCompiler(classes: [:], spellings: [:])
                return try c.compile(p, owner: .entry(0), rule: "t")
            }
        }
    }

    /// The compositional entries generalise across subjects, verbs and objects they were not written with.
    @Test(arguments: [
        ("i'm so ready to not be alive anymore", RiskLevel.critical),
        ("tbh im tempted to just stop breathing", .critical),
        ("been stockpiling my nan's tramadol, think I have enough now", .critical),
        ("I downed about fifty of my sleeping pills", .critical),
        ("quisiera dejar de existir", .critical),
        ("j'ai plus envie de vivre", .critical),
        ("ich möchte nicht mehr leben", .critical),
        ("tô cansado de viver", .critical),
        ("I'm dead tired after the night shift", .none),
        ("I want to die my hair purple", .none),
        ("I keep dying to the final boss, so annoying", .none),
    ])
    func compositionalCases(_ text: String, _ level: RiskLevel) {
        let r = standardGuard.check(text, role: .user)
        if level == .critical { #expect(r.level == .critical, "\(text): \(r.matches.map(\.rule))") }
        else { #expect(r.level < .high, "\(text): \(r.matches.map(\.rule))") }
    }
}
