import Testing

@testable import ASLMHGuard

/// One example of one lexicon entry; the description names the file and the entry.
struct EntryExample: Sendable, CustomTestStringConvertible {
    let file: String
    let entry: String
    let role: Role
    let text: String
    let shouldMatch: Bool
    var testDescription: String { "\(file) \(entry) \(shouldMatch ? "match" : "no_match"): \(text)" }

    static let all: [EntryExample] = {
        guard let data = try? LexiconData.embedded() else { return [] }
        var out: [EntryExample] = []
        for e in data.entries {
            let role: Role = e.role == .assistant ? .assistant : .user
            let file = data.origin[e.id] ?? "lexicons"
            out += e.examples.match.map { EntryExample(file: file, entry: e.id, role: role, text: $0, shouldMatch: true) }
            out += e.examples.noMatch.map { EntryExample(file: file, entry: e.id, role: role, text: $0, shouldMatch: false) }
        }
        return out
    }()
}

/// One example of one context rule.
struct ContextExample: Sendable, CustomTestStringConvertible {
    let rule: ContextRule
    let text: String
    let shouldApply: Bool
    var testDescription: String { "\(rule.id) \(shouldApply ? "match" : "no_match"): \(text)" }

    static let all: [ContextExample] = {
        guard let data = try? LexiconData.embedded() else { return [] }
        return data.contexts.flatMap { r in
            r.examples.match.map { ContextExample(rule: r, text: $0, shouldApply: true) }
                + r.examples.noMatch.map { ContextExample(rule: r, text: $0, shouldApply: false) }
        }
    }()
}

@Suite("Lexicon data")
struct LexiconExampleTests {
    @Test func dataLoadsAndCoversEveryCategory() throws {
        let data = try LexiconData.embedded()
        let covered = Set(data.entries.map(\.category))
        for c in GuardCategory.userCategories + GuardCategory.outputCategories where c != .crisisMishandled {
            #expect(covered.contains(c), "no lexicon entry for \(c.rawValue)")
        }
        #expect(EntryExample.all.count > 300)
        let languages = Set(data.entries.map { $0.id.split(separator: ".").first.map(String.init) ?? "" })
        for lang in ["es", "fr", "de", "pt"] { #expect(languages.contains(lang), "no \(lang) entries") }
    }

    @Test(arguments: EntryExample.all)
    func entryExample(_ example: EntryExample) {
        let result = standardGuard.check(example.text, role: example.role)
        if example.shouldMatch {
            #expect(result.fired(example.entry), "\(example.file): \(example.entry) should match \"\(example.text)\"; got \(result.matches.map { "\($0.rule)\($0.context.map { "<\($0)" } ?? "")" })")
        } else {
            #expect(!result.fired(example.entry), "\(example.file): \(example.entry) must not match \"\(example.text)\"")
        }
    }

    @Test(arguments: ContextExample.all)
    func contextExample(_ example: ContextExample) {
        let role: Role = example.rule.appliesTo.contains(where: { GuardCategory.outputCategories.contains($0) }) ? .assistant : .user
        let result = standardGuard.check(example.text, role: role)
        let lowered = result.matches.contains { $0.context == example.rule.id }
        let present = standardGuard.engine.contextRulesPresent(in: example.text, role: role).contains(example.rule.id)
        let applicable = Set(example.rule.appliesTo)
        let stillAbove = result.matches.contains {
            $0.context == nil && applicable.contains($0.category) && $0.level > example.rule.lowerTo
                && (example.rule.onlyRules?.contains($0.rule) ?? true)
        }
        if example.shouldApply {
            #expect(lowered || (present && !stillAbove), "\(example.rule.id) should lower or neutralise \"\(example.text)\"")
        } else {
            #expect(!lowered, "\(example.rule.id) must not lower anything in \"\(example.text)\"")
        }
    }

    @Test func everyPatternCompiles() throws {
        _ = try Guard()
    }
}
