import ASLMHCore
import ASLMHGuard
import Foundation

/// An executable ledger suite (`suites/*.jsonl`): cases that must be flagged or must pass.
public struct LedgerSuite: Sendable {
    public struct Case: Sendable {
        public var id: String
        public var role: Role
        public var text: String
        public var conversation: String?
        public var mustFlag: Bool
        public var level: RiskLevel
        public var categories: [GuardCategory]
        public var actions: [GuardAction]
    }

    public var name: String
    public var cases: [Case]
    public var source: String

    /// Reads a suite; a malformed line is an error naming the line.
    public static func parse(name: String, text: String) throws -> LedgerSuite {
        var cases: [Case] = []
        var sources = Set<String>()
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            func bad(_ why: String) -> Error { GuardError.invalidConfiguration("suites/\(name).jsonl:\(i + 1): \(why)") }
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { throw bad("not a JSON object") }
            guard let id = o["id"] as? String, let roleText = o["role"] as? String, let role = Role(rawValue: roleText),
                  let text = o["text"] as? String, let must = o["must"] as? String, must == "flag" || must == "pass",
                  let levelText = o["level"] as? String, let level = RiskLevel(rawValue: levelText) else {
                throw bad("needs id, role (user|assistant), text, must (flag|pass) and level")
            }
            let categories = try (o["categories"] as? [String] ?? []).map { c in
                guard let g = GuardCategory(rawValue: c) else { throw bad("unknown category `\(c)`") }
                return g
            }
            let actions = try (o["actions"] as? [String] ?? []).map { a in
                guard let g = GuardAction(rawValue: a) else { throw bad("unknown action `\(a)`") }
                return g
            }
            if let s = o["source"] as? String { sources.insert(s) }
            cases.append(Case(id: id, role: role, text: text, conversation: o["conversation"] as? String, mustFlag: must == "flag",
                              level: level, categories: categories, actions: actions))
        }
        return LedgerSuite(name: name, cases: cases, source: sources.sorted().joined(separator: "; "))
    }

    /// Runs the suite through a guard; conversations keep their state across their lines.
    public func run(with safetyGuard: Guard) -> LedgerExecution.SuiteOutcome {
        var conversations: [String: Conversation] = [:]
        var failures: [String] = []
        for c in cases {
            let result: GuardResult
            if let key = c.conversation {
                var conv = conversations[key] ?? Conversation()
                result = conv.process(c.text, role: c.role, using: safetyGuard)
                conversations[key] = conv
            } else {
                result = safetyGuard.check(c.text, role: c.role)
            }
            if c.mustFlag {
                var why: [String] = []
                if result.level < c.level { why.append("level \(result.level.rawValue) < \(c.level.rawValue)") }
                let missingCategories = Set(c.categories).subtracting(result.categories)
                if !missingCategories.isEmpty { why.append("missing " + missingCategories.map(\.rawValue).sorted().joined(separator: ", ")) }
                let missingActions = Set(c.actions).subtracting(result.actions)
                if !missingActions.isEmpty { why.append("no " + missingActions.map(\.rawValue).sorted().joined(separator: ", ")) }
                if !why.isEmpty { failures.append("\(c.id): " + why.joined(separator: ", ")) }
            } else if result.level > c.level {
                failures.append("\(c.id): flagged \(result.level.rawValue), at most \(c.level.rawValue) expected")
            }
        }
        return LedgerExecution.SuiteOutcome(suite: name, cases: cases.count, failures: failures, source: source)
    }
}
