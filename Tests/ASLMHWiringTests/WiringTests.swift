import ASLMHCore
import ASLMHGuard
import ASLMHLoader
import ASLMHWiring
import Foundation
import Testing

enum WiringFixtures {
    static let catalog: Catalog = { guard case .success(let c) = CatalogLoader.embedded() else { fatalError("catalogue") }; return c }()
    static let overlays: OverlaySet = { guard case .success(let o) = OverlayLoader.embedded(catalog: catalog) else { fatalError("overlays") }; return o }()
    static let wiring: Wiring = { do { return try Wiring.embedded(catalog: catalog) } catch { fatalError("wiring: \(error)") } }()
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = Day("2026-11-25")!

    static func runner() -> ProfileRunner {
        let w = wiring
        return ProfileRunner(catalog: catalog, overlays: overlays, extraControls: w.ledgerControls) { r, base in w.enrich(&r, baseDirectory: base) }
    }

    /// The example profiles, checked end to end as `aslmh check` does.
    static let examples: [ProfileReport] = {
        let dir = root.appendingPathComponent("profiles").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
        let r = runner()
        return names.compactMap { n in
            if case .report(let rep) = r.evaluate(.file(dir + "/" + n), command: .check, asOf: asOf) { return rep }
            return nil
        }
    }()
}

@Suite("Guard configuration from the tier")
struct GuardDerivationTests {
    let deriver = WiringFixtures.wiring.deriver

    @Test func everyExampleYieldsAValidConfiguration() throws {
        #expect(WiringFixtures.examples.count >= 13)
        for r in WiringFixtures.examples {
            let c = try deriver.derive(r)
            try c.validate(environment: GuardEnvironment(isResearch: c.environment?.researchOnly == true))
            #expect(c.provenance?.tier == r.classification.tier)
            #expect(c.provenance?.profileSha256?.count == 64)
            #expect(c.provenance?.catalogVersion == WiringFixtures.catalog.version)
            #expect(!(c.crisisResources ?? []).isEmpty, "\(r.profile.path) has no crisis resources")
        }
    }

    /// Each tier's configuration is at least as strict as the one below, and differs from it.
    @Test func higherTiersAreStrictlyStronger() throws {
        for t in 1..<6 {
            let lower = try deriver.configuration(forTier: t)
            let higher = try deriver.configuration(forTier: t + 1)
            #expect(GuardComparison.weaknesses(deployed: higher, derived: lower).isEmpty, "tier \(t + 1) is weaker than tier \(t)")
            var a = lower, b = higher
            a.name = nil; b.name = nil; a.provenance = nil; b.provenance = nil
            #expect(a != b, "tier \(t + 1) adds nothing to tier \(t)")
        }
    }

    /// The example profiles' configurations differ across tiers in the ways the tiers promise.
    @Test func exampleConfigurationsShowTheTierDifferences() throws {
        var byTier: [Int: GuardConfiguration] = [:]
        for r in WiringFixtures.examples where byTier[r.classification.tier] == nil { byTier[r.classification.tier] = try deriver.derive(r) }
        #expect(Set(byTier.keys) == Set(1...6))
        #expect(byTier[1]!.isEnabled(.medicationAdvice) == false && byTier[2]!.isEnabled(.medicationAdvice))
        #expect(!byTier[2]!.actions.user.critical.contains(.notifyHuman) && byTier[3]!.actions.user.critical.contains(.notifyHuman))
        #expect(byTier[2]!.deployment?.maxSessionMinutes == nil && byTier[3]!.deployment?.maxSessionMinutes != nil)
        #expect(byTier[3]!.deployment?.escalationTeam != nil)
        #expect(byTier[4]!.deployment?.clinicianReviewBeforeDelivery != true && byTier[5]!.deployment?.clinicianReviewBeforeDelivery == true)
        #expect(byTier[5]!.environment?.researchOnly != true && byTier[6]!.environment?.researchOnly == true)
    }

    @Test func tierSixIsRefusedOutsideResearch() throws {
        let c = try deriver.configuration(forTier: 6)
        #expect(throws: GuardError.self) { _ = try Guard(configuration: c, environment: .production) }
        _ = try Guard(configuration: c, environment: GuardEnvironment(isResearch: true))
    }

    /// The library's built-in tier defaults and the data in tiers/guard.yaml agree.
    @Test(arguments: 1...6)
    func libraryDefaultsMatchTheMapping(tier: Int) throws {
        let data = try deriver.configuration(forTier: tier)
        let lib = GuardConfiguration.default(forTier: tier)
        #expect(data.detectors == lib.detectors)
        #expect(data.actions == lib.actions)
        #expect(data.session == lib.session)
    }

    @Test func lawsFlowIntoTheConfiguration() throws {
        let harbor = try #require(WiringFixtures.examples.first { $0.profile.product.id?.value == "harbor-chat" })
        let d = try #require(try deriver.derive(harbor).deployment)
        #expect(d.aiDisclosureAtSessionStart && d.aiDisclosureIntervalHours == 3 && d.crisisReferralRequired)
        #expect(d.sources.contains { $0.hasPrefix("US-NY") } && d.sources.contains { $0.hasPrefix("US-CA") })
        #expect(d.escalationTeam == "Harbor on-call counsellors")
    }
}

@Suite("Deployed guard configuration")
struct DeployedConfigTests {
    @Test func weakerDeployedConfigurationFailsCheckWithLocatedFindings() throws {
        let r = try #require(WiringFixtures.examples.first { $0.profile.product.id?.value == "mindease-chat" })
        let weaker = r.findings.filter { $0.kind == .guardConfigWeaker }
        #expect(Set(weaker.map(\.id)) == ["guard-config-weaker/detector.medication_advice", "guard-config-weaker/actions.user.critical",
                                          "guard-config-weaker/deployment.maxSessionMinutes"])
        let line = try #require(r.profile.guardConfig?.location)
        #expect(weaker.allSatisfy { $0.location == line && $0.severity == .error })
    }

    @Test func derivedConfigurationDeployedAsIsPasses() throws {
        let r = try #require(WiringFixtures.examples.first { $0.profile.product.id?.value == "harbor-chat" })
        #expect(!r.findings.contains { $0.kind == .guardConfigWeaker || $0.kind == .guardConfigInvalid })
    }

    @Test func comparisonNamesEachWeakness() throws {
        let derived = try WiringFixtures.wiring.deriver.configuration(forTier: 5)
        var deployed = derived
        deployed.session.criticalLatch = false
        deployed.environment = nil
        deployed.deployment?.clinicianReviewBeforeDelivery = false
        deployed.statisticalLayer = false
        let subjects = GuardComparison.weaknesses(deployed: deployed, derived: derived).map(\.subject)
        #expect(subjects == ["deployment.clinicianReviewBeforeDelivery", "session.criticalLatch", "statisticalLayer"])
    }
}

@Suite("Therapy Mode Safety Ledger")
struct LedgerTests {
    let ledger = WiringFixtures.wiring.ledger

    @Test func tenSectionsEighteenTests() {
        #expect(ledger.sections.count == 10)
        #expect(ledger.tests.count == 18)
        #expect(Set(ledger.tests.map(\.id)).count == 18)
    }

    /// Every section quote and test question appears word for word in the ledger (seed 001).
    @Test func quotesAreInTheSeed() throws {
        let seeds = WiringFixtures.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix("001") })
        var text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
        // The seed was saved with its UTF-8 read as Windows-1252: undo the common sequences.
        for (bad, good) in [("â€”", "—"), ("â€™", "'"), ("â€œ", "\""), ("â€\u{9d}", "\""), ("â€", "\""), ("’", "'")] {
            text = text.replacingOccurrences(of: bad, with: good)
        }
        func norm(_ s: String) -> String { s.replacingOccurrences(of: "’", with: "'").split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let seed = norm(text)
        for s in ledger.sections {
            #expect(seed.contains(norm(s.quote)), "\(s.id) quote not in the ledger")
            for t in s.tests { #expect(seed.contains(norm(t.question)), "\(t.id) question not in the ledger") }
        }
    }

    @Test func cannotBeConfirmedDefaultsToFail() throws {
        let quill = try #require(WiringFixtures.examples.first { $0.profile.product.id?.value == "quill-writing-assistant" })
        let l = try #require(quill.ledger)
        #expect(!l.applies)
        #expect(l.sections.allSatisfy { $0.status == .fail })
        #expect(l.caci == 0 && !l.minimumStructuralConditionsMet)
    }

    @Test func caciFormula() throws {
        for r in WiringFixtures.examples {
            let l = try #require(r.ledger)
            #expect(l.caci == 2 * l.sectionsPassed + l.sectionsPartial)
            #expect(l.caciMax == 20)
            #expect(l.sectionsPassed + l.sectionsPartial + l.sectionsFailed == 10)
            #expect(l.minimumStructuralConditionsMet == (l.testsPassed == 18))
        }
    }

    @Test func evidenceAndExecutedSuitesAnswerHarbor() throws {
        let harbor = try #require(WiringFixtures.examples.first { $0.profile.product.id?.value == "harbor-chat" })
        let l = try #require(harbor.ledger)
        #expect(l.applies)
        let s1 = try #require(l.sections.first { $0.id == "S1" })
        #expect(s1.status == .pass)
        #expect(s1.tests.allSatisfy { !$0.evidence.isEmpty })
        #expect(Set(l.suites.map(\.suite)) == ["crisis-adversarial", "medication-framing"])
        #expect(l.suites.allSatisfy { $0.cases > 0 })
    }

    @Test func suitesRunAndAFailingGuardFailsThem() throws {
        var c = try WiringFixtures.wiring.deriver.configuration(forTier: 3)
        c.detectors[.medicationAdvice] = false
        let outcome = WiringFixtures.wiring.suiteOutcomes(c)
        let med = try #require(outcome["medication-framing"])
        #expect(!med.passed, "with the medication-advice check off the suite must fail")
    }
}
