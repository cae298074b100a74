import ASLMHCore
import ASLMHLoader
import Testing

enum OverlayFixtures {
    static let overlays: OverlaySet = {
        switch OverlayLoader.embedded(catalog: Fixtures.catalog) {
        case .success(let o): return o
        case .failure(let e): fatalError("embedded overlays do not load:\n" + e.all.map { "\($0.location): \($0.message)" }.joined(separator: "\n"))
        }
    }()

    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let expected: Bool
        let example: Example
        var testDescription: String { "\(id) \(expected ? "+" : "-") at \(example.location)" }
    }

    static func cases(_ pick: (Overlay) -> [(String, Examples)]) -> [Case] {
        overlays.overlays.flatMap(pick).flatMap { id, ex in
            ex.triggering.map { Case(id: id, expected: true, example: $0) } + ex.nonTriggering.map { Case(id: id, expected: false, example: $0) }
        }
    }

    static var scopeCases: [Case] { cases { [($0.id, $0.scopeExamples)] } }
    static var prohibitionCases: [Case] { cases { o in o.obligations.filter { $0.kind == .prohibition }.map { ($0.id, $0.examples) } } }
    static var obligationCases: [Case] { cases { o in o.obligations.filter { $0.kind == .obligation }.map { ($0.id, $0.examples) } } }

    static func overlay(of obligation: String) -> (Overlay, Obligation)? {
        for o in overlays.overlays { if let ob = o.obligations.first(where: { $0.id == obligation }) { return (o, ob) } }
        return nil
    }
}

@Suite("Jurisdiction overlays")
struct OverlayTests {
    let vocabulary = Fixtures.catalog.vocabulary

    @Test("scope examples", arguments: OverlayFixtures.scopeCases)
    func scope(_ c: OverlayFixtures.Case) throws {
        let o = try #require(OverlayFixtures.overlays.overlays.first { $0.id == c.id })
        #expect(o.scope.evaluate(c.example.profile, vocabulary: vocabulary).holds == c.expected,
                "\(c.example.location): \(c.id) scope should \(c.expected ? "" : "not ")match")
    }

    /// A prohibition example triggers when the overlay's scope and the prohibition's own condition both hold.
    @Test("prohibition examples", arguments: OverlayFixtures.prohibitionCases)
    func prohibition(_ c: OverlayFixtures.Case) throws {
        let (o, ob) = try #require(OverlayFixtures.overlay(of: c.id))
        let condition = Predicate.all([o.scope] + (ob.when.map { [$0] } ?? []))
        #expect(condition.evaluate(c.example.profile, vocabulary: vocabulary).holds == c.expected,
                "\(c.example.location): \(c.id) should \(c.expected ? "" : "not ")trigger")
    }

    @Test("obligation examples", arguments: OverlayFixtures.obligationCases)
    func obligation(_ c: OverlayFixtures.Case) throws {
        let (_, ob) = try #require(OverlayFixtures.overlay(of: c.id))
        let control = try #require(ob.control)
        let declared = c.example.profile.control(control)
        let satisfied = declared.map { !$0.evidence.isEmpty } ?? false
        #expect(satisfied == c.expected, "\(c.example.location): \(c.id) should \(c.expected ? "" : "not ")be satisfied")
    }

    @Test func everyOverlayIsDatedAndCited() {
        #expect(OverlayFixtures.overlays.overlays.contains { $0.id == "US-IL" })
        for o in OverlayFixtures.overlays.overlays {
            #expect(o.law.url.hasPrefix("https://"), "\(o.id) needs an official URL")
            #expect(!o.verifiedAgainst.isEmpty)
            for ob in o.obligations {
                #expect(ob.source.quote.count > 20, "\(ob.id) needs its source sentence")
                #expect(!ob.examples.triggering.isEmpty && !ob.examples.nonTriggering.isEmpty, "\(ob.id) needs examples both ways")
            }
        }
    }

    static let illinoisChat = """
    schema: aslmh/profile/v1
    product: {id: il-chat, name: Chat, version: "1", team: T, contact: t@x.example}
    intended_use: Supportive chat.
    audience: [adults_only]
    settings: [consumer]
    capabilities: [conversational_support]
    autonomy: none
    markets: [US-WI, US-IL]
    """

    func check(_ text: String, asOf: String) throws -> ProfileReport {
        let loader = ProfileLoader(catalog: Fixtures.catalog, extraControls: OverlayFixtures.overlays.controls.map(\.id))
        let p = try loader.load(text: text, path: "il.yaml", baseDirectory: nil).get()
        return Checker.check(p, catalog: Fixtures.catalog, overlays: OverlayFixtures.overlays, asOf: Day(asOf)!)
    }

    @Test func consumerTherapyChatIsProhibitedInIllinoisAtTheMarketLine() throws {
        let r = try check(Self.illinoisChat, asOf: "2026-11-25")
        let f = try #require(r.findings.first { $0.id == "jurisdiction-prohibited/IL.ai-therapy-to-public" })
        #expect(f.severity == .error)
        #expect(f.location == SourceLocation(path: "il.yaml", line: 8, column: 18))
        let v = try #require(r.jurisdictions.first { $0.overlayId == "US-IL" })
        #expect(v.inScope && v.market.value == "US-IL")
    }

    @Test func asOfMovesAcrossTheEffectiveDate() throws {
        let before = try check(Self.illinoisChat, asOf: "2025-07-31")
        let after = try check(Self.illinoisChat, asOf: "2025-08-01")
        #expect(!before.findings.contains { $0.kind == .jurisdictionProhibited })
        #expect(before.jurisdictions.first?.obligations.first { $0.id == "IL.ai-therapy-to-public" }?.status == .notYetInForce)
        #expect(after.findings.contains { $0.id == "jurisdiction-prohibited/IL.ai-therapy-to-public" })
    }

    @Test func marketsOutsideTheOverlayBringNothing() throws {
        let r = try check(Self.illinoisChat.replacingOccurrences(of: "[US-WI, US-IL]", with: "[US-WI]"), asOf: "2026-11-25")
        #expect(r.jurisdictions.allSatisfy { $0.overlayId != "US-IL" })
    }
}

@Suite("Overlays across effective dates")
struct OverlayDateTests {
    /// California's annual report to the Office of Suicide Prevention applies from 2027-07-01.
    @Test func californiaAnnualReportStartsOn20270701() throws {
        let text = """
        schema: aslmh/profile/v1
        product: {id: ca-companion, name: C, version: "1", team: T, contact: t@x.example}
        intended_use: Companion.
        audience: [adults_only]
        settings: [consumer]
        capabilities: [companion_persona]
        autonomy: none
        markets: [US-CA]
        """
        let loader = ProfileLoader(catalog: Fixtures.catalog, extraControls: OverlayFixtures.overlays.controls.map(\.id))
        let p = try loader.load(text: text, path: "ca.yaml", baseDirectory: nil).get()
        func ids(_ day: String) -> Set<String> {
            Set(Checker.check(p, catalog: Fixtures.catalog, overlays: OverlayFixtures.overlays, asOf: Day(day)!).findings
                .filter { $0.kind == .jurisdictionObligation }.map(\.id))
        }
        let before = ids("2027-06-30")
        let after = ids("2027-07-01")
        #expect(after.subtracting(before).count == 1)
        #expect(after.subtracting(before).first?.hasPrefix("jurisdiction-obligation/CA.") == true)
        #expect(ids("2025-12-31").isEmpty, "SB 243 is not in force before 2026-01-01")
    }
}
