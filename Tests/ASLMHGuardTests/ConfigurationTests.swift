import Foundation
import Testing

@testable import ASLMHGuard

@Suite("Configuration")
struct ConfigurationTests {
    @Test func tiersGetStrictlyStronger() throws {
        func enabled(_ c: GuardConfiguration) -> Int { GuardCategory.outputCategories.filter(c.isEnabled).count }
        func actions(_ c: GuardConfiguration) -> Int {
            RiskLevel.allCases.reduce(0) { $0 + c.actions.user[$1].count + c.actions.assistant[$1].count }
        }
        var previous: GuardConfiguration?
        for tier in 1...6 {
            let c = GuardConfiguration.default(forTier: tier)
            try c.validate(environment: .production)
            #expect(c.provenance?.tier == tier)
            if let p = previous {
                #expect(enabled(c) >= enabled(p))
                #expect(actions(c) >= actions(p))
                #expect(c.session.escalationWindow >= p.session.escalationWindow)
            }
            previous = c
        }
        let t1 = GuardConfiguration.default(forTier: 1)
        let t2 = GuardConfiguration.default(forTier: 2)
        let t3 = GuardConfiguration.default(forTier: 3)
        #expect(!t1.isEnabled(.diagnosis) && t2.isEnabled(.diagnosis) && t2.isEnabled(.medicationAdvice))
        #expect(!t2.actions.user.critical.contains(.notifyHuman) && t3.actions.user.critical.contains(.notifyHuman))
        #expect(GuardConfiguration.default(forTier: 6).actions.user.medium.contains(.humanReview))
    }

    @Test func disabledDetectorIsNotReported() throws {
        let g = try Guard(configuration: .default(forTier: 1))
        #expect(g.check("You have bipolar disorder.", role: .assistant).level == .none)
        let g2 = try Guard(configuration: .default(forTier: 2))
        #expect(g2.check("You have bipolar disorder.", role: .assistant).categories == [.diagnosis])
    }

    @Test func jsonRoundTripIsStable() throws {
        var c = GuardConfiguration.default(forTier: 4, locale: "fr-CA")
        c.provenance = GuardProvenance(product: "demo", tier: 4, catalogVersion: "1", profileSha256: String(repeating: "a", count: 64))
        let text = c.jsonText()
        let back = try GuardConfiguration.decode(json: text)
        #expect(back == c)
        #expect(back.jsonText() == text)
    }

    @Test func researchOnlyConfigurationNeedsAResearchEnvironment() throws {
        var c = GuardConfiguration.standard
        c.environment = EnvironmentRequirements(researchOnly: true)
        #expect(throws: GuardError.self) { try Guard(configuration: c) }
        _ = try Guard(configuration: c, environment: GuardEnvironment(isResearch: true))
    }

    @Test func crisisDetectorsCannotBeTurnedOff() {
        var c = GuardConfiguration.standard
        c.detectors[.suicidalIdeation] = false
        #expect(throws: GuardError.self) { try Guard(configuration: c) }
    }

    @Test func criticalMustShowResources() {
        var c = GuardConfiguration.standard
        c.actions.user.critical = [.log]
        #expect(throws: GuardError.self) { try Guard(configuration: c) }
    }

    @Test(arguments: [
        (#"{"schema":"aslmh/guard-config/v2"}"#, "aslmh/guard-config/v1"),
        (#"{"schema":"aslmh/guard-config/v1","sesion":{}}"#, "unknown key 'sesion'"),
        (#"{"schema":"aslmh/guard-config/v1","detectors":{"suicide":true}}"#, "unknown category 'suicide'"),
        ("{not json", "not valid JSON"),
    ])
    func badFilesAreRejectedWithAClearMessage(text: String, fragment: String) {
        do {
            var c = try GuardConfiguration.decode(json: text)
            c.name = nil
            Issue.record("accepted \(text)")
        } catch {
            #expect("\(error)".contains(fragment), "\(error)")
        }
    }

    @Test func unknownKeyInSessionIsNamed() throws {
        var text = GuardConfiguration.standard.jsonText()
        text = text.replacingOccurrences(of: "\"criticalLatch\"", with: "\"criticalLatsch\"")
        #expect {
            _ = try GuardConfiguration.decode(json: text)
        } throws: { "\($0)".contains("session.criticalLatsch") }
    }

    @Test func actionsFollowTheConfiguration() throws {
        let g = try Guard(configuration: .default(forTier: 3))
        let r = g.check("I want to kill myself", role: .user)
        #expect(r.actions == [.showCrisisResources, .notifyHuman, .stopAIThread])
        #expect(!r.resources.isEmpty)
        #expect(g.check("hello there", role: .user).actions == [.allow])
    }
}
