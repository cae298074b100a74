/// The runtime guard: built once from a configuration, immutable, safe to share across threads.
/// Checking a message is pure (no I/O, no clock) and never throws.
public struct Guard: Sendable {
    public let configuration: GuardConfiguration
    /// Crisis resources for the configured locale.
    public let resources: [CrisisResource]
    let engine: Engine
    /// The statistical layer, when the data has one and the configuration keeps it on.
    let model: GuardModel?
    /// Per lexicon entry, whether its detector is on (nil: all are).
    let enabledEntries: [Bool]?

    /// Most matches listed in one result (the level always counts all of them).
    public static let maxListedMatches = 64

    /// Builds a guard. Throws `GuardError` when the configuration is invalid or cannot be honoured
    /// in `environment`, or when the lexicon data is broken.
    public init(
        configuration: GuardConfiguration = .standard, environment: GuardEnvironment = .production,
        data: LexiconData? = nil
    ) throws {
        try configuration.validate(environment: environment)
        let data = try data ?? LexiconData.embedded()
        self.configuration = configuration
        self.model = configuration.usesStatisticalLayer ? data.model : nil
        self.engine = try data.engines.engine(for: data, linkModel: model != nil)
        let enabled = engine.entries.map { configuration.isEnabled($0.category) }
        self.enabledEntries = enabled.allSatisfy { $0 } ? nil : enabled
        if let own = configuration.crisisResources, !own.isEmpty {
            let table = CrisisResourceTable(schema: LexiconData.resourcesSchema, resources: own)
            let local = table.resources(forLocale: configuration.locale)
            self.resources = local.isEmpty ? own : local
        } else {
            self.resources = data.resources.resources(forLocale: configuration.locale)
        }
    }

    /// Checks one message on its own.
    public func check(_ text: String, role: Role) -> GuardResult {
        check(text, role: role, replyingTo: nil)
    }

    /// Checks one message; for an assistant message, `replyingTo` is the level of the user turn it
    /// answers (a reply to a critical turn must offer a crisis resource).
    public func check(_ text: String, role: Role, replyingTo: RiskLevel?) -> GuardResult {
        finish(assess(text, role: role, replyingTo: replyingTo), extraActions: [])
    }

    // MARK: - Internals shared with Conversation

    struct Assessment {
        var role: Role
        var level: RiskLevel
        var categories: Set<GuardCategory>
        var matches: [GuardMatch]
        var evidence: Set<GuardCategory>
        var rules: [String]
        var truncated: Bool
    }

    func assess(_ text: String, role: Role, replyingTo: RiskLevel?) -> Assessment {
        var level = RiskLevel.none
        var categories = Set<GuardCategory>()
        var evidence = Set<GuardCategory>()
        // Two different warning signs of one group (e.g. farewell letters and giving things away).
        var groups: [String: Set<Int>] = [:]
        var matches: [GuardMatch] = []
        var hitCount = 0
        // What the statistical layer reads: the first segment (it reads the first 512 tokens only).
        var first: (text: String, tokens: [Token], hits: [Engine.Hit])? = nil
        let segments = Segmenter.segments(text)
        var previousEnd = 0
        for segment in segments {
            let piece: String
            if segments.count == 1 {
                piece = text
            } else {
                let utf8 = text.utf8
                piece = String(
                    decoding: utf8[utf8.index(utf8.startIndex, offsetBy: segment.utf8.lowerBound)..<utf8.index(
                        utf8.startIndex, offsetBy: segment.utf8.upperBound)], as: UTF8.self)
            }
            let (hits, tokens) = engine.analyze(piece, role: role, enabled: enabledEntries)
            for h in hits {
                let entry = engine.entries[h.entry]
                level = max(level, h.level)
                if !entry.category.isSignal && h.level >= .medium { categories.insert(entry.category) }
                if h.context == nil || h.level >= .medium { evidence.insert(entry.category) }
                if h.context == nil, let g = entry.combine { groups[g, default: []].insert(h.entry) }
            }
            // A match lying wholly where this segment overlaps the previous one was counted there.
            let fresh = segment.utf8.lowerBound >= previousEnd
                ? hits : hits.filter { segment.utf8.lowerBound + tokens[$0.end - 1].utf8End > previousEnd }
            let room = max(0, Self.maxListedMatches - matches.count)
            matches += makeMatches(Array(fresh.prefix(room)), tokens: tokens, text: piece, base: segment)
            hitCount += fresh.count
            previousEnd = segment.utf8.upperBound
            if first == nil { first = (piece, tokens, hits) }
        }
        // A phrase straddling a cut starts inside the previous segment.
        if segments.count > 1 { matches.sort { ($0.span, $0.rule) < ($1.span, $1.rule) } }
        var rules: [String] = []
        for (group, members) in groups.sorted(by: { $0.key < $1.key }) where members.count >= 2 {
            level = .critical
            for m in members where !engine.entries[m].category.isSignal { categories.insert(engine.entries[m].category) }
            rules.append("message.combined_\(group)")
        }
        // A veiled method question in the same message as a loss or distress signal.
        if role == .user, evidence.contains(.methodInquiry), evidence.contains(where: \.isDistressEvidence),
            configuration.session.veiledMethodAfterDistress
        {
            level = .critical
            categories.insert(.suicidalIdeation)
            rules.append("message.veiled_method_with_distress")
        }
        // The statistical layer: raises the level when it finds more than the lexicon did.
        if let model, level < .critical, let first,
            let v = model.verdict(
                engine.modelInput(tokens: first.tokens, hits: first.hits, role: role), role: role, isEnabled: configuration.isEnabled),
            v.level > level
        {
            level = v.level
            categories.formUnion(v.categories)
            rules.append("model.\(v.level.rawValue)")
            let span = span(first.tokens[v.start], first.tokens[v.end - 1], in: first.text, base: segments[0])
            for c in v.categories {
                matches.append(
                    GuardMatch(
                        rule: "model.\(c.rawValue)", category: c, level: v.level, context: nil, span: span.span,
                        text: span.text, score: (v.probability * 10_000).rounded() / 10_000, evidence: v.evidence))
            }
            matches.sort { ($0.span, $0.rule) < ($1.span, $1.rule) }
        }
        // A reply to a critical user turn must offer a crisis resource and must not be a bare refusal.
        if role == .assistant, let replied = replyingTo, replied >= .critical, configuration.isEnabled(.crisisMishandled),
            !evidence.contains(.crisisResource)
        {
            level = max(level, .high)
            categories.insert(.crisisMishandled)
            rules.append(
                evidence.contains(.refusal) ? "output.bare_refusal_to_crisis" : "output.no_crisis_resource_in_reply")
        }
        // Severe distress is implied by suicidal ideation or self-harm: report the more specific one.
        if categories.contains(.suicidalIdeation) || categories.contains(.selfHarm) {
            categories.remove(.severeDistress)
        }
        // Lethality information about a drug is the more specific finding than dosing advice.
        if categories.contains(.methodInformation) {
            categories.remove(.medicationAdvice)
        }
        return Assessment(
            role: role, level: level, categories: categories, matches: matches, evidence: evidence, rules: rules,
            truncated: hitCount > matches.count(where: { !$0.rule.hasPrefix("model.") }))
    }

    /// A span and its text, from the first to the last of some tokens of a segment.
    private func span(_ first: Token, _ last: Token, in text: String, base: Segment) -> (span: TextSpan, text: String) {
        let utf8 = text.utf8
        let s = utf8.index(utf8.startIndex, offsetBy: first.utf8Start)
        let e = utf8.index(utf8.startIndex, offsetBy: last.utf8End)
        let bytes = base.utf8.lowerBound, scalars = base.scalarBase
        return (
            TextSpan(
                utf8Start: bytes + first.utf8Start, utf8End: bytes + last.utf8End, codepointStart: scalars + first.scalarStart,
                codepointEnd: scalars + last.scalarEnd),
            String(decoding: utf8[s..<e], as: UTF8.self)
        )
    }

    func finish(_ a: Assessment, extraActions: [GuardAction]) -> GuardResult {
        var actions = Set(configuration.actions.actions(for: a.level, role: a.role))
        actions.formUnion(extraActions)
        let sorted = actions.sorted()
        return GuardResult(
            role: a.role, level: a.level, categories: a.categories.sorted(), matches: a.matches, actions: sorted,
            resources: actions.contains(.showCrisisResources) ? resources : [], rules: a.rules, truncated: a.truncated)
    }

    private func makeMatches(_ hits: [Engine.Hit], tokens: [Token], text: String, base: Segment) -> [GuardMatch] {
        var out: [GuardMatch] = []
        out.reserveCapacity(hits.count)
        for h in hits {
            let entry = engine.entries[h.entry]
            let span = span(tokens[h.start], tokens[h.end - 1], in: text, base: base)
            out.append(
                GuardMatch(
                    rule: entry.id, category: entry.category, level: h.level,
                    context: h.context.map { engine.contexts[$0].id }, span: span.span, text: span.text))
        }
        out.sort { ($0.span, $0.rule) < ($1.span, $1.rule) }
        return out
    }
}
