import ASLMHCore
import ASLMHLoader
import Testing

/// The catalogue's examples are its tests: every rule, control and prohibition carries profile
/// fragments that must and must not trigger it, and this suite runs them all.
enum Fixtures {
    static let catalog: Catalog = {
        switch CatalogLoader.embedded() {
        case .success(let c): return c
        case .failure(let e): fatalError("embedded catalogue does not load:\n" + e.all.map { "\($0.location): \($0.message)" }.joined(separator: "\n"))
        }
    }()

    /// Controls the Therapy Mode Safety Ledger adds to what profiles may declare.
    static let ledgerControls: [String] = (try? LedgerLoader.embedded().get())?.controls.map(\.id) ?? []

    struct Case: CustomTestStringConvertible, Sendable {
        let kind: String
        let id: String
        let expected: Bool
        let example: Example
        var testDescription: String { "\(kind) \(id) \(expected ? "+" : "-") at \(example.location)" }
    }

    static var ruleCases: [Case] {
        catalog.rules.flatMap { r in
            r.examples.triggering.map { Case(kind: "rule", id: r.id, expected: true, example: $0) }
                + r.examples.nonTriggering.map { Case(kind: "rule", id: r.id, expected: false, example: $0) }
        }
    }

    static var prohibitionCases: [Case] {
        catalog.prohibitions.flatMap { p in
            p.examples.triggering.map { Case(kind: "prohibition", id: p.id, expected: true, example: $0) }
                + p.examples.nonTriggering.map { Case(kind: "prohibition", id: p.id, expected: false, example: $0) }
        }
    }

    static var controlCases: [Case] {
        catalog.controls.flatMap { c in
            c.examples.triggering.map { Case(kind: "control", id: c.id, expected: true, example: $0) }
                + c.examples.nonTriggering.map { Case(kind: "control", id: c.id, expected: false, example: $0) }
        }
    }
}

@Suite("Catalogue examples")
struct CatalogExampleTests {
    @Test("rule examples", arguments: Fixtures.ruleCases)
    func rule(_ c: Fixtures.Case) throws {
        let rule = try #require(Fixtures.catalog.rules.first { $0.id == c.id })
        let holds = rule.when.evaluate(c.example.profile, vocabulary: Fixtures.catalog.vocabulary).holds
        #expect(holds == c.expected, "\(c.example.location): rule \(c.id) should \(c.expected ? "" : "not ")match")
    }

    @Test("prohibition examples", arguments: Fixtures.prohibitionCases)
    func prohibition(_ c: Fixtures.Case) throws {
        let p = try #require(Fixtures.catalog.prohibitions.first { $0.id == c.id })
        let holds = p.when.evaluate(c.example.profile, vocabulary: Fixtures.catalog.vocabulary).holds
        #expect(holds == c.expected, "\(c.example.location): prohibition \(c.id) should \(c.expected ? "" : "not ")match")
    }

    @Test("control examples", arguments: Fixtures.controlCases)
    func control(_ c: Fixtures.Case) throws {
        let def = try #require(Fixtures.catalog.control(c.id))
        let ok = Checker.isSatisfied(def, by: c.example.profile)
        #expect(ok == c.expected, "\(c.example.location): control \(c.id) should \(c.expected ? "" : "not ")be satisfied")
    }

    @Test func everyItemHasExamples() {
        for r in Fixtures.catalog.rules { #expect(!r.examples.triggering.isEmpty, "rule \(r.id) has no matching example") }
        for c in Fixtures.catalog.controls {
            #expect(!c.examples.triggering.isEmpty && !c.examples.nonTriggering.isEmpty, "control \(c.id) lacks examples")
        }
        for p in Fixtures.catalog.prohibitions {
            #expect(!p.examples.triggering.isEmpty && !p.examples.nonTriggering.isEmpty, "prohibition \(p.id) lacks examples")
        }
    }

    @Test func sixTiersWithCumulativeControls() {
        #expect(Fixtures.catalog.tiers.map(\.level) == [1, 2, 3, 4, 5, 6])
        for level in 2...6 {
            let below = Set(Fixtures.catalog.mandatoryControls(atTier: level - 1).map(\.id))
            let here = Set(Fixtures.catalog.mandatoryControls(atTier: level).map(\.id))
            #expect(below.isSubset(of: here) && here.count > below.count, "tier \(level) must add controls to tier \(level - 1)'s")
        }
    }
}
