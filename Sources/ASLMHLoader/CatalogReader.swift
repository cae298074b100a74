import ASLMHCore
import Yams

/// Reads one catalogue file. Keeps example fragments as nodes until the whole vocabulary and
/// control list is known, then reads them as profiles.
final class CatalogReader {
    struct Head {
        var version: String
        var vocabulary: Vocabulary
    }

    struct PendingExamples {
        var triggering: [Node] = []
        var nonTriggering: [Node] = []
    }

    struct ParsedTier {
        var path: String
        var level: Int
        var tier: TierDefinition
        var controls: [ControlDefinition]
        var ids: [(String, SourceLocation)]
        var ruleExamples: [String: PendingExamples]
        var controlExamples: [String: PendingExamples]
        var prohibitionExamples: [String: PendingExamples]
    }

    let reader: NodeReader
    let vocabulary: Vocabulary?
    var errors: [InputError] { reader.errors }
    var path: String { reader.path }

    init(path: String, vocabulary: Vocabulary? = nil) {
        reader = NodeReader(path: path)
        self.vocabulary = vocabulary
    }

    // MARK: catalog.yaml

    func readCatalog(_ node: Node) -> Head? {
        guard let top = reader.mapping(node, context: "the catalogue", allowed: ["schema", "version", "verified", "description", "vocabulary"],
                                       required: ["schema", "version", "vocabulary"]) else { return nil }
        if let s = top["schema"].flatMap({ reader.string($0.value, field: "schema") }), s.value != CatalogLoader.catalogSchema {
            reader.fail("unknown-schema", "unsupported catalogue schema `\(s.value)`", suggestion: "Use `schema: \(CatalogLoader.catalogSchema)`.", at: s.location)
        }
        if let v = top["verified"] { _ = reader.day(v.value, field: "verified") }
        guard let version = top["version"].flatMap({ reader.string($0.value, field: "version") }),
              let vocabNode = top["vocabulary"],
              let vm = reader.mapping(vocabNode.value, context: "`vocabulary`", allowed: ["capabilities", "audiences", "settings", "autonomy"],
                                      required: ["capabilities", "audiences", "settings", "autonomy"]) else { return nil }
        func terms(_ key: String) -> [Term] { vm[key].map { readTerms($0.value, field: key) } ?? [] }
        return Head(version: version.value,
                    vocabulary: Vocabulary(capabilities: terms("capabilities"), audiences: terms("audiences"),
                                           settings: terms("settings"), autonomy: terms("autonomy")))
    }

    func readTerms(_ node: Node, field: String) -> [Term] {
        guard case .sequence(let seq) = node else {
            reader.fail("wrong-type", "`\(field)` must be a list of terms", at: reader.location(node))
            return []
        }
        var out: [Term] = []
        for item in seq {
            guard let m = reader.mapping(item, context: "a `\(field)` term", allowed: ["id", "title", "description", "source", "tier_hint"],
                                         required: ["id", "title", "description"]),
                  let id = m["id"].flatMap({ reader.string($0.value, field: "id") }),
                  let title = m["title"].flatMap({ reader.string($0.value, field: "title") }),
                  let description = m["description"].flatMap({ reader.string($0.value, field: "description") }) else { continue }
            if let h = m["tier_hint"] { _ = reader.int(h.value, field: "tier_hint", range: 1...6) }
            out.append(Term(id: id.value, title: title.value, description: description.value, source: m["source"].flatMap { citation($0.value) }))
        }
        return out
    }

    func citation(_ node: Node) -> Citation? {
        guard let m = reader.mapping(node, context: "`source`", allowed: ["document", "quote", "locator"], required: ["document", "quote"]),
              let d = m["document"].flatMap({ reader.string($0.value, field: "source.document") }),
              let q = m["quote"].flatMap({ reader.string($0.value, field: "source.quote") }) else { return nil }
        return Citation(document: d.value, quote: q.value, locator: m["locator"].flatMap { reader.string($0.value, field: "source.locator") }?.value)
    }

    // MARK: tier-N.yaml

    static let tierKeys = ["schema", "level", "name", "summary", "source", "rules", "controls", "prohibitions"]
    static let ruleKeys = ["id", "title", "source", "when", "examples"]
    static let controlKeys = ["id", "title", "description", "source", "satisfied_by", "requires_owner", "max_review_age_days", "severity", "examples"]
    static let prohibitionKeys = ["id", "applies_to_tiers", "title", "source", "when", "message", "remediation", "examples"]

    func readTier(_ node: Node) -> ParsedTier? {
        guard let top = reader.mapping(node, context: "the tier file", allowed: Self.tierKeys,
                                       required: ["schema", "level", "name", "summary", "source"]) else { return nil }
        if let s = top["schema"].flatMap({ reader.string($0.value, field: "schema") }), s.value != CatalogLoader.tierSchema {
            reader.fail("unknown-schema", "unsupported tier schema `\(s.value)`", suggestion: "Use `schema: \(CatalogLoader.tierSchema)`.", at: s.location)
        }
        guard let level = top["level"].flatMap({ reader.int($0.value, field: "level", range: 1...99) }),
              let name = top["name"].flatMap({ reader.string($0.value, field: "name") }),
              let summary = top["summary"].flatMap({ reader.string($0.value, field: "summary") }),
              let source = top["source"].flatMap({ citation($0.value) }) else { return nil }
        var parsed = ParsedTier(path: path, level: level.value,
                                tier: TierDefinition(level: level.value, name: name.value, summary: summary.value, source: source, rules: [], prohibitions: []),
                                controls: [], ids: [], ruleExamples: [:], controlExamples: [:], prohibitionExamples: [:])
        for item in list(top["rules"], field: "rules") {
            guard let m = reader.mapping(item, context: "a rule", allowed: Self.ruleKeys, required: Self.ruleKeys),
                  let id = m["id"].flatMap({ reader.string($0.value, field: "id") }),
                  let title = m["title"].flatMap({ reader.string($0.value, field: "title") }),
                  let source = m["source"].flatMap({ citation($0.value) }),
                  let whenNode = m["when"], let when = predicate(whenNode.value) else { continue }
            if !when.isMonotone {
                reader.fail("non-monotone-rule", "classification rule `\(id.value)` uses a condition that can make a tier go down when more is declared",
                            suggestion: "Classification rules may use only always, capability_any, audience_any, setting_any, market_any, autonomy_at_least, all and any.",
                            at: whenNode.location)
            }
            parsed.tier.rules.append(Rule(id: id.value, tier: level.value, title: title.value, source: source, when: when,
                                          examples: Examples(), location: reader.location(item)))
            parsed.ids.append((id.value, id.location))
            parsed.ruleExamples[id.value] = pending(m["examples"], positive: "match", negative: "no_match", negativeMayBeEmpty: when == .always)
        }
        for item in list(top["controls"], field: "controls") {
            guard let m = reader.mapping(item, context: "a control", allowed: Self.controlKeys,
                                         required: ["id", "title", "description", "source", "satisfied_by", "examples"]),
                  let id = m["id"].flatMap({ reader.string($0.value, field: "id") }),
                  let title = m["title"].flatMap({ reader.string($0.value, field: "title") }),
                  let description = m["description"].flatMap({ reader.string($0.value, field: "description") }),
                  let source = m["source"].flatMap({ citation($0.value) }),
                  let satisfiedBy = m["satisfied_by"].flatMap({ reader.string($0.value, field: "satisfied_by") }) else { continue }
            var severity = Severity.error
            if let s = m["severity"].flatMap({ reader.string($0.value, field: "severity") }) {
                if let sev = Severity(rawValue: s.value) { severity = sev } else {
                    reader.fail("unknown-value", "severity must be error, warning or note", at: s.location)
                }
            }
            parsed.controls.append(ControlDefinition(
                id: id.value, tier: level.value, title: title.value, description: description.value, source: source,
                satisfiedBy: satisfiedBy.value,
                requiresOwner: m["requires_owner"].flatMap { reader.bool($0.value, field: "requires_owner") }?.value ?? false,
                maxReviewAgeDays: m["max_review_age_days"].flatMap { reader.int($0.value, field: "max_review_age_days", range: 1...3650) }?.value,
                severity: severity, examples: Examples(), location: reader.location(item)))
            parsed.ids.append((id.value, id.location))
            parsed.controlExamples[id.value] = pending(m["examples"], positive: "satisfied", negative: "not_satisfied")
        }
        for item in list(top["prohibitions"], field: "prohibitions") {
            guard let m = reader.mapping(item, context: "a prohibition", allowed: Self.prohibitionKeys, required: Self.prohibitionKeys),
                  let id = m["id"].flatMap({ reader.string($0.value, field: "id") }),
                  let title = m["title"].flatMap({ reader.string($0.value, field: "title") }),
                  let source = m["source"].flatMap({ citation($0.value) }),
                  let when = m["when"].flatMap({ predicate($0.value) }),
                  let message = m["message"].flatMap({ reader.string($0.value, field: "message") }),
                  let remediation = m["remediation"].flatMap({ reader.string($0.value, field: "remediation") }),
                  let tiersNode = m["applies_to_tiers"] else { continue }
            let tiers = reader.names(tiersNode.value, field: "applies_to_tiers", vocabulary: nil).compactMap { Int($0.value) }
            parsed.tier.prohibitions.append(Prohibition(id: id.value, appliesToTiers: tiers, title: title.value, source: source, when: when,
                                                        message: message.value, remediation: remediation.value,
                                                        examples: Examples(), location: reader.location(item)))
            parsed.ids.append((id.value, id.location))
            parsed.prohibitionExamples[id.value] = pending(m["examples"], positive: "match", negative: "no_match")
        }
        return parsed
    }

    func list(_ entry: NodeReader.Entry?, field: String) -> [Node] {
        guard let entry else { return [] }
        guard case .sequence(let s) = entry.value else {
            reader.fail("wrong-type", "`\(field)` must be a list", at: entry.location)
            return []
        }
        return Array(s)
    }

    func pending(_ entry: NodeReader.Entry?, positive: String, negative: String, negativeMayBeEmpty: Bool = false) -> PendingExamples {
        var p = PendingExamples()
        guard let entry, let m = reader.mapping(entry.value, context: "`examples`", allowed: [positive, negative], required: [positive, negative]) else {
            return p
        }
        p.triggering = m[positive].map { list($0, field: positive) } ?? []
        p.nonTriggering = m[negative].map { list($0, field: negative) } ?? []
        if p.triggering.isEmpty || (p.nonTriggering.isEmpty && !negativeMayBeEmpty) {
            reader.fail("missing-examples", "every rule, control and prohibition needs at least one `\(positive)` and one `\(negative)` example", at: entry.location)
        }
        return p
    }

    func attachExamples(_ t: ParsedTier, loader: ProfileLoader) -> (TierDefinition, [ControlDefinition]) {
        func build(_ p: PendingExamples?) -> Examples {
            guard let p else { return Examples() }
            func read(_ nodes: [Node]) -> [Example] {
                nodes.compactMap { n in
                    loader.read(n, reader: reader, strict: false, baseDirectory: nil).map { Example(profile: $0, location: reader.location(n)) }
                }
            }
            return Examples(triggering: read(p.triggering), nonTriggering: read(p.nonTriggering))
        }
        var tier = t.tier
        tier.rules = tier.rules.map { r in var r = r; r.examples = build(t.ruleExamples[r.id]); return r }
        tier.prohibitions = tier.prohibitions.map { p in var p = p; p.examples = build(t.prohibitionExamples[p.id]); return p }
        let controls = t.controls.map { c in var c = c; c.examples = build(t.controlExamples[c.id]); return c }
        return (tier, controls)
    }

    // MARK: predicates

    static let predicateKeys = ["always", "capability_any", "audience_any", "setting_any", "market_any", "autonomy_at_least",
                                "audience_outside", "setting_outside", "control_missing", "all", "any", "not"]

    func predicate(_ node: Node, depth: Int = 0) -> Predicate? {
        guard depth < 16 else {
            reader.fail("too-deep", "condition nests too deeply", at: reader.location(node))
            return nil
        }
        guard let m = reader.mapping(node, context: "a condition", allowed: Self.predicateKeys, required: []) else { return nil }
        guard m.count == 1, let (key, e) = m.first else {
            reader.fail("invalid-condition", "a condition has exactly one key, found \(m.count)",
                        suggestion: "Combine conditions with `all:` or `any:`.", at: reader.location(node))
            return nil
        }
        let v = vocabulary
        switch key {
        case "always":
            guard reader.bool(e.value, field: "always")?.value == true else { return nil }
            return .always
        case "capability_any": return .capabilityAny(reader.names(e.value, field: key, vocabulary: v?.capabilities.map(\.id)).map(\.value))
        case "audience_any": return .audienceAny(reader.names(e.value, field: key, vocabulary: v?.audiences.map(\.id)).map(\.value))
        case "setting_any": return .settingAny(reader.names(e.value, field: key, vocabulary: v?.settings.map(\.id)).map(\.value))
        case "market_any": return .marketAny(reader.names(e.value, field: key, vocabulary: nil).map(\.value))
        case "audience_outside": return .audienceOutside(reader.names(e.value, field: key, vocabulary: v?.audiences.map(\.id)).map(\.value))
        case "setting_outside": return .settingOutside(reader.names(e.value, field: key, vocabulary: v?.settings.map(\.id)).map(\.value))
        case "autonomy_at_least":
            guard let a = reader.string(e.value, field: key) else { return nil }
            if let v, v.autonomyRank(a.value) == nil {
                reader.fail("unknown-value", "`\(a.value)` is not a known autonomy level", at: a.location)
            }
            return .autonomyAtLeast(a.value)
        case "control_missing":
            return reader.string(e.value, field: key).map { .controlMissing($0.value) }
        case "not":
            return predicate(e.value, depth: depth + 1).map { .not($0) }
        default:
            guard case .sequence(let seq) = e.value else {
                reader.fail("wrong-type", "`\(key)` takes a list of conditions", at: e.location)
                return nil
            }
            let ps = seq.compactMap { predicate($0, depth: depth + 1) }
            return key == "all" ? .all(ps) : .any(ps)
        }
    }
}
