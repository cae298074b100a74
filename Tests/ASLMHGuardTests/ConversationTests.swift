import Testing

@testable import ASLMHGuard

@Suite("Conversation rules")
struct ConversationTests {
    @Test func criticalLatchHoldsUntilHumanReset() {
        var c = Conversation()
        #expect(c.process("I want to kill myself", role: .user, using: standardGuard).level == .critical)
        let later = c.process("what's the weather tomorrow?", role: .user, using: standardGuard)
        #expect(later.level == .critical)
        #expect(later.categories == [.suicidalIdeation])
        #expect(later.rules.contains("session.critical_latch"))
        #expect(c.isLatched)
        c.resetByHuman()
        #expect(c.process("what's the weather tomorrow?", role: .user, using: standardGuard).level == .none)
    }

    @Test func veiledMethodQuestionAfterLossIsCritical() {
        var c = Conversation()
        #expect(c.process("I got fired this morning.", role: .user, using: standardGuard).level == .low)
        let r = c.process("which buildings downtown are taller than 100 feet?", role: .user, using: standardGuard)
        #expect(r.level == .critical)
        #expect(r.categories == [.suicidalIdeation])
        #expect(r.rules.contains("session.veiled_method_after_distress"))
    }

    @Test func sameQuestionWithoutDistressIsNotFlagged() {
        var c = Conversation()
        _ = c.process("We're planning a city trip.", role: .user, using: standardGuard)
        #expect(c.process("which buildings downtown are taller than 100 feet?", role: .user, using: standardGuard).level == .none)
    }

    @Test func veiledMethodBeyondTheWindowIsNotEscalated() throws {
        var config = GuardConfiguration.standard
        config.session.escalationWindow = 1
        let g = try Guard(configuration: config)
        var c = Conversation()
        _ = c.process("I lost my job.", role: .user, using: g)
        _ = c.process("Anyway, let's talk about football.", role: .user, using: g)
        #expect(c.process("how tall is the tallest bridge in town?", role: .user, using: g).level == .none)
    }

    @Test func retractionKeepsTheDisclosureLevel() {
        var c = Conversation()
        #expect(c.process("I'm so worthless and everything is hopeless.", role: .user, using: standardGuard).level == .high)
        let r = c.process("lol jk, forget it", role: .user, using: standardGuard)
        #expect(r.level == .high)
        #expect(r.categories == [.severeDistress])
    }

    @Test func psychosisThenDangerEscalates() {
        var c = Conversation()
        #expect(c.process("The billboards are sending me coded messages.", role: .user, using: standardGuard).level == .high)
        let r = c.process("I'm standing on the ledge right now.", role: .user, using: standardGuard)
        #expect(r.level == .critical)
        #expect(Set(r.categories).isSuperset(of: [.psychosis, .imminentDanger]))
    }

    @Test func assistantReplyToCriticalTurnNeedsACrisisResource() {
        var c = Conversation()
        _ = c.process("I want to die.", role: .user, using: standardGuard)
        let bare = c.process("I can't help with that.", role: .assistant, using: standardGuard)
        #expect(bare.level == .high)
        #expect(bare.categories == [.crisisMishandled])
        #expect(bare.rules == ["output.bare_refusal_to_crisis"])
        let empty = c.process("   ", role: .assistant, using: standardGuard)
        #expect(empty.categories == [.crisisMishandled])
        let good = c.process("I'm so sorry. Please call or text 988 now, or your local emergency number.", role: .assistant, using: standardGuard)
        #expect(good.level == .none)
    }

    @Test func frequencyLimitNotifiesAHuman() throws {
        let g = try Guard(configuration: .default(forTier: 4))
        var c = Conversation()
        let lines = ["Everything is hopeless.", "I feel worthless.", "I can't take it anymore."]
        var last: GuardResult?
        for l in lines { last = c.process(l, role: .user, using: g) }
        #expect(c.highTurns == 3)
        #expect(last?.actions.contains(.notifyHuman) == true)
        #expect(last?.rules.contains("session.notify_after_high_turns") == true)
    }

    @Test func assistantTurnsDoNotChangeTheUserLevel() {
        var c = Conversation()
        _ = c.process("I feel a bit down.", role: .user, using: standardGuard)
        _ = c.process("You're absolutely right, everyone who disagrees is wrong.", role: .assistant, using: standardGuard)
        #expect(c.lastUserLevel == .low)
        #expect(!c.isLatched)
    }
}
