import ASLMHCore
import ASLMHLoader
import Foundation
import Testing

@Suite("Classification")
struct ClassificationTests {
    static let catalog = Fixtures.catalog
    static let here = SourceLocation(path: "gen.yaml", line: 1, column: 1)

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func located(_ ids: [String]) -> [Located<String>] { ids.map { Located($0, at: here) } }

    static func randomProfile(_ rng: inout SplitMix) -> Profile {
        let v = catalog.vocabulary
        func subset(_ terms: [Term]) -> [String] { terms.map(\.id).filter { _ in Bool.random(using: &rng) } }
        return Profile(path: "gen.yaml", root: here,
                       audience: located(subset(v.audiences)), settings: located(subset(v.settings)),
                       capabilities: located(subset(v.capabilities)),
                       autonomy: v.autonomy.randomElement(using: &rng).map { Located($0.id, at: here) })
    }

    /// Declaring more can never lower the tier: adding a capability, an audience or a setting, or
    /// raising the autonomy, gives a tier at least as high.
    @Test(arguments: 0..<10)
    func tierIsMonotone(seed: Int) {
        var rng = SplitMix(state: UInt64(seed) &* 7919)
        let v = Self.catalog.vocabulary
        for _ in 0..<300 {
            let p = Self.randomProfile(&rng)
            let before = Classifier.classify(p, catalog: Self.catalog).tier
            var wider = p
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:
                let c = v.capabilities.randomElement(using: &rng)!.id
                if !wider.capabilities.contains(where: { $0.value == c }) { wider.capabilities.append(Located(c, at: Self.here)) }
            case 1:
                let a = v.audiences.randomElement(using: &rng)!.id
                if !wider.audience.contains(where: { $0.value == a }) { wider.audience.append(Located(a, at: Self.here)) }
            case 2:
                let s = v.settings.randomElement(using: &rng)!.id
                if !wider.settings.contains(where: { $0.value == s }) { wider.settings.append(Located(s, at: Self.here)) }
            default:
                let rank = v.autonomyRank(p.autonomy?.value ?? "none") ?? 0
                let higher = v.autonomy[Int.random(in: rank..<v.autonomy.count, using: &rng)].id
                wider.autonomy = Located(higher, at: Self.here)
            }
            let after = Classifier.classify(wider, catalog: Self.catalog).tier
            #expect(after >= before, "declaring more lowered the tier from \(before) to \(after): \(Explainer.fragment(p)) → \(Explainer.fragment(wider))")
        }
    }

    @Test func everyClassificationRuleIsMonotone() {
        for r in Self.catalog.rules { #expect(r.when.isMonotone, "rule \(r.id) is not monotone") }
    }

    @Test func highestMatchingTierWinsAndExplainsItself() {
        let p = Profile(path: "x.yaml", root: Self.here,
                        capabilities: [Located("mood_tracking", at: SourceLocation(path: "x.yaml", line: 9, column: 5)),
                                       Located("psychoeducation", at: SourceLocation(path: "x.yaml", line: 10, column: 5))])
        let c = Classifier.classify(p, catalog: Self.catalog)
        #expect(c.tier == 3)
        #expect(c.matchedRules.map(\.ruleId) == ["T3.supportive-interaction", "T2.educational-content", "T1.baseline"])
        #expect(c.matchedRules[0].reads == [FieldRead(field: "capabilities", value: "mood_tracking", location: SourceLocation(path: "x.yaml", line: 9, column: 5))])
        #expect(c.nextTierMisses.first?.tier == 4)
        #expect(c.nextTierMisses.allSatisfy { !$0.unmet.isEmpty })
    }

    @Test func reviewGoesStaleAcrossItsCycle() throws {
        let text = """
        schema: aslmh/profile/v1
        product: {id: x, name: X, version: "1", team: T, contact: t@x.example}
        intended_use: Articles.
        audience: [general_public]
        settings: [consumer]
        capabilities: [psychoeducation]
        autonomy: none
        controls:
          ai_ethics_guidelines: {evidence: "https://x.example/ai"}
          medical_disclaimer: {evidence: "https://x.example/d"}
          no_personalised_advice: {evidence: "https://x.example/s"}
          expert_review: {evidence: "https://x.example/r", owner: Dr X, reviewed: 2026-01-10}
        """
        let p = try ProfileLoader(catalog: Self.catalog).load(text: text, path: "x.yaml", baseDirectory: nil).get()
        let onTime = Checker.check(p, catalog: Self.catalog, asOf: Day("2027-01-10")!)
        let late = Checker.check(p, catalog: Self.catalog, asOf: Day("2027-01-11")!)
        #expect(onTime.findings.isEmpty)
        #expect(late.findings.map(\.id) == ["stale-review/expert_review"])
        #expect(late.findings.first?.location == SourceLocation(path: "x.yaml", line: 12, column: 75))
    }

    @Test func dayArithmetic() {
        let d = Day("2024-02-28")!
        #expect(d.adding(days: 1).description == "2024-02-29")
        #expect(d.adding(days: 2).description == "2024-03-01")
        #expect(Day("2023-02-29") == nil)
        #expect(Day("2026-11-25")!.days(until: Day("2027-11-25")!) == 365)
        for o in stride(from: 700_000, to: 800_000, by: 997) { #expect(Day(ordinal: o).ordinal == o) }
    }
}

@Suite("Citations are traceable")
struct CitationTests {
    static func normalise(_ s: String) -> String {
        s.replacingOccurrences(of: "’", with: "'").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func seeds() throws -> [String: String] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seeds")
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            out["seed-" + name.prefix(3)] = normalise(text)
        }
        return out
    }

    /// Every quote in the catalogue appears word for word in the seed document it cites.
    @Test func everyQuoteIsInItsSeed() throws {
        let seeds = try Self.seeds()
        try #require(seeds["seed-000"] != nil, "../shared/seeds is needed for this test")
        let c = Fixtures.catalog
        var citations = c.tiers.map { ("tier \($0.level)", $0.source) }
        citations += c.rules.map { ($0.id, $0.source) } + c.controls.map { ($0.id, $0.source) } + c.prohibitions.map { ($0.id, $0.source) }
        citations += c.vocabulary.capabilities.compactMap { t in t.source.map { (t.id, $0) } }
        for (id, cite) in citations {
            let seed = try #require(seeds[cite.document], "\(id) cites unknown document \(cite.document)")
            #expect(seed.contains(Self.normalise(cite.quote)), "\(id): quote not found in \(cite.document): \(cite.quote)")
        }
    }
}
