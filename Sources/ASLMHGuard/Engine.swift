import Foundation

/// The compiled lexicon: tokenizer, one matcher per role, entries and context rules.
struct Engine: Sendable {
    struct Hit {
        var entry: Int
        var start: Int
        var end: Int
        var level: RiskLevel
        var context: Int?
    }

    let entries: [LexiconEntry]
    let contexts: [ContextRule]
    let contextCategories: [Set<GuardCategory>]
    /// Per context rule, the fields the hot loop needs, free of reference-counted storage.
    struct ContextInfo: Sendable {
        var lowerTo: RiskLevel
        var scope: ContextScope
        var window: Int
    }
    let contextInfo: [ContextInfo]
    /// `contextApplies[c * entries.count + e]`: context rule c may lower entry e (category,
    /// `onlyRules` and `exceptRules` resolved once).
    let contextApplies: [Bool]
    let tokenizer: Tokenizer
    let userMatcher: Matcher
    let assistantMatcher: Matcher

    /// Per role, key index → the statistical layer's word id (−1 when it has no such word): the
    /// tokenizer's one lookup per token serves both layers. Empty without a model.
    let userModelWords: [Int32]
    let assistantModelWords: [Int32]

    init(data: LexiconData, isEnabled: (GuardCategory) -> Bool, model: GuardModel? = nil) throws {
        var compiler = PatternCompiler(classes: data.classes, spellings: data.spellings)
        let entries = data.entries.filter { isEnabled($0.category) }
        var user: [CompiledPattern] = []
        var assistant: [CompiledPattern] = []
        for (i, e) in entries.enumerated() {
            for p in try e.patterns.flatMap({ try PatternCompiler.expand($0, rule: e.id) }) {
                let compiled = try compiler.compile(p, owner: .entry(i), rule: e.id)
                if e.role.applies(to: .user) { user.append(compiled) }
                if e.role.applies(to: .assistant) { assistant.append(compiled) }
            }
        }
        for (i, r) in data.contexts.enumerated() {
            for p in try r.patterns.flatMap({ try PatternCompiler.expand($0, rule: r.id) }) {
                let compiled = try compiler.compile(p, owner: .context(i), rule: r.id)
                user.append(compiled)
                assistant.append(compiled)
            }
        }
        self.entries = entries
        self.contexts = data.contexts
        self.contextCategories = data.contexts.map { Set($0.appliesTo) }
        self.contextInfo = data.contexts.map { ContextInfo(lowerTo: $0.lowerTo, scope: $0.scope, window: $0.window ?? 2) }
        var applies = [Bool](repeating: false, count: data.contexts.count * entries.count)
        for (c, rule) in data.contexts.enumerated() {
            let categories = Set(rule.appliesTo)
            let only = rule.onlyRules.map(Set.init)
            let except = Set(rule.exceptRules ?? [])
            for (e, entry) in entries.enumerated() {
                applies[c * entries.count + e] =
                    categories.contains(entry.category) && !except.contains(entry.id) && (only?.contains(entry.id) ?? true)
            }
        }
        self.contextApplies = applies
        compiler.vocabulary.linkSpellings()
        var links: [[Int32]] = [[], []]
        if let model {
            var keyed: [[(word: Int32, key: Int32)]] = [[], []]
            for (r, m) in [model.user, model.assistant].enumerated() {
                keyed[r].reserveCapacity(m.words.count)
                m.words.forEachEntry { bytes, word in keyed[r].append((word, compiler.vocabulary.addKey(bytes))) }
            }
            for r in 0..<2 {
                var link = [Int32](repeating: -1, count: compiler.vocabulary.keyCount)
                for (w, k) in keyed[r] { link[Int(k)] = w }
                links[r] = link
            }
        }
        self.userModelWords = links[0]
        self.assistantModelWords = links[1]
        self.tokenizer = Tokenizer(vocabulary: compiler.vocabulary)
        self.userMatcher = Matcher(patterns: user, vocabularySize: compiler.vocabulary.count, numberID: compiler.vocabulary.numberID)
        self.assistantMatcher = Matcher(patterns: assistant, vocabularySize: compiler.vocabulary.count, numberID: compiler.vocabulary.numberID)
    }

    /// Ids of the context rules whose patterns occur in a message (for tests and explanations).
    func contextRulesPresent(in text: String, role: Role) -> Set<String> {
        let tokens = tokenizer.tokenize(text)
        var ids = Set<String>()
        for m in (role == .user ? userMatcher : assistantMatcher).matches(in: tokens) {
            if case .context(let i) = m.owner { ids.insert(contexts[i].id) }
        }
        return ids
    }

    /// Matches in a message, with context applied. Linear in the text's length. `enabled` (one flag
    /// per entry) drops the matches of switched-off detectors, so one compiled engine serves every
    /// configuration.
    func analyze(_ text: String, role: Role, enabled: [Bool]? = nil) -> (hits: [Hit], tokens: [Token]) {
        let tokens = tokenizer.tokenize(text)
        let raw = (role == .user ? userMatcher : assistantMatcher).matches(in: tokens)
        var hits: [Hit] = []
        var contextHits: [RawMatch] = []
        for m in raw {
            switch m.owner {
            case .entry(let i):
                if let enabled, !enabled[i] { continue }
                hits.append(Hit(entry: i, start: m.start, end: m.end, level: entries[i].level))
            case .context: contextHits.append(m)
            }
        }
        guard !contextHits.isEmpty else { return (hits, tokens) }
        let entryCount = entries.count
        // Matches lie within one sentence and come in token order. A context rule other than a
        // message-wide one only reaches hits of its own sentence, so a hit is compared with the run of
        // context matches of its sentence (and the message-wide ones), in their order: linear for
        // ordinary text instead of every hit against every context match.
        var messageWide: [Int] = []
        for (k, c) in contextHits.enumerated() {
            if case .context(let ci) = c.owner, contextInfo[ci].scope == .message { messageWide.append(k) }
        }
        var runStart = 0, runEnd = 0
        var runSentence: Int32 = -1
        for h in hits.indices {
            let sentence = tokens[hits[h].start].sentence
            if sentence != runSentence {
                runSentence = sentence
                runStart = runEnd
                while runStart < contextHits.count && tokens[contextHits[runStart].start].sentence < sentence { runStart += 1 }
                runEnd = runStart
                while runEnd < contextHits.count && tokens[contextHits[runEnd].start].sentence == sentence { runEnd += 1 }
            }
            var wide = 0
            var k = runStart
            while true {
                // The next context match by index: from the sentence's run or the message-wide list.
                while wide < messageWide.count && messageWide[wide] >= runStart && messageWide[wide] < runEnd { wide += 1 }
                let next: Int
                if k < runEnd && (wide == messageWide.count || k < messageWide[wide]) {
                    next = k
                    k += 1
                } else if wide < messageWide.count {
                    next = messageWide[wide]
                    wide += 1
                } else {
                    break
                }
                let c = contextHits[next]
                guard case .context(let ci) = c.owner else { continue }
                let info = contextInfo[ci]
                guard contextApplies[ci * entryCount + hits[h].entry], info.lowerTo < hits[h].level,
                    inScope(info, context: c, start: hits[h].start, end: hits[h].end, tokens)
                else { continue }
                hits[h].level = info.lowerTo
                hits[h].context = ci
            }
        }
        return (hits, tokens)
    }

    private func inScope(_ rule: ContextInfo, context c: RawMatch, start: Int, end: Int, _ tokens: [Token]) -> Bool {
        let window = rule.window
        switch rule.scope {
        case .overlap:
            return c.start < end && start < c.end
        case .before:
            return c.end <= start && start - c.end <= window && tokens[c.end - 1].clause == tokens[start].clause
        case .after:
            return c.start >= end && c.start - end <= window && tokens[c.start].clause == tokens[end - 1].clause
        case .clause:
            return tokens[c.start].clause <= tokens[end - 1].clause && tokens[c.end - 1].clause >= tokens[start].clause
        case .sentence:
            return tokens[c.start].sentence == tokens[start].sentence
        case .message:
            return true
        }
    }
}

/// The compiled engine of one `LexiconData`, built once and shared by every guard made from it
/// (configurations differ only in which entries' matches they keep). Compiling the lexicon is the
/// costly part of making a guard; a process that derives many configurations pays for it once.
final class EngineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var engines: [Bool: Engine] = [:]

    func engine(for data: LexiconData, linkModel: Bool) throws -> Engine {
        lock.lock()
        defer { lock.unlock() }
        if let known = engines[linkModel] { return known }
        let engine = try Engine(data: data, isEnabled: { _ in true }, model: linkModel ? data.model : nil)
        engines[linkModel] = engine
        return engine
    }
}
