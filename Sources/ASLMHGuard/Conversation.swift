/// The state of one conversation: a small value the host keeps per session and passes each turn
/// through. Turns must be processed in order.
///
/// Session rules (configured in `SessionRules`):
/// - `session.critical_latch`: after a critical turn every later user turn is critical, with the
///   latched categories, until `resetByHuman()`;
/// - `session.veiled_method_after_distress`: a veiled method question after a loss or distress
///   signal within the window is critical suicidal ideation;
/// - `session.retraction_keeps_level`: "jk", "forget it" right after a disclosure keeps the
///   disclosure's level and categories;
/// - `session.psychosis_escalation`: psychosis in the window plus danger now is critical;
/// - `session.notify_after_high_turns`: a frequency limit that adds `notify_human`.
/// Assistant turns are checked against the latest user turn for `crisis_mishandled`.
public struct Conversation: Sendable, Equatable {
    /// One earlier user turn, stored compactly (categories as bit masks) so that many open
    /// conversations cost little memory.
    struct Turn: Sendable, Equatable {
        var level: RiskLevel
        var categories: UInt32
        var evidence: UInt32
    }

    static func mask(_ set: Set<GuardCategory>) -> UInt32 {
        set.reduce(0) { $0 | (1 << UInt32(GuardCategory.allCases.firstIndex(of: $1)!)) }
    }

    static func categories(_ mask: UInt32) -> Set<GuardCategory> {
        Set(GuardCategory.allCases.enumerated().filter { mask & (1 << UInt32($0.offset)) != 0 }.map(\.element))
    }

    /// The session's latched level (`critical` once latched, else the last user turn's level).
    public private(set) var level: RiskLevel = .none
    /// Categories carried by the latch.
    public private(set) var latchedCategories: Set<GuardCategory> = []
    public private(set) var isLatched = false
    /// User turns at high or above so far.
    public private(set) var highTurns = 0
    /// The level of the latest user turn (what an assistant reply answers).
    public private(set) var lastUserLevel: RiskLevel?
    private var recent: [Turn] = []

    public init() {}

    /// A human has reviewed the session: lift the critical latch.
    public mutating func resetByHuman() {
        isLatched = false
        latchedCategories = []
        level = .none
        recent.removeAll()
        highTurns = 0
        lastUserLevel = nil
    }

    /// Checks the next turn with the session rules and updates the state.
    public mutating func process(_ text: String, role: Role, using safetyGuard: Guard) -> GuardResult {
        let rules = safetyGuard.configuration.session
        if role == .assistant {
            let a = safetyGuard.assess(text, role: .assistant, replyingTo: lastUserLevel)
            return safetyGuard.finish(a, extraActions: [])
        }
        var a = safetyGuard.assess(text, role: .user, replyingTo: nil)
        let window = recent.suffix(rules.escalationWindow)
        let earlier = Self.categories(window.reduce(UInt32(0)) { $0 | $1.evidence })

        if rules.veiledMethodAfterDistress, a.evidence.contains(.methodInquiry), a.level < .critical,
            earlier.contains(where: \.isDistressEvidence)
        {
            a.level = .critical
            a.categories.insert(.suicidalIdeation)
            a.rules.append("session.veiled_method_after_distress")
        }
        if rules.psychosisEscalation, earlier.contains(.psychosis),
            a.categories.contains(.imminentDanger) || a.categories.contains(.harmToOthers)
        {
            // A dangerous act after psychotic symptoms is driven by them: critical, and psychosis is reported.
            if a.level < .critical || !a.categories.contains(.psychosis) { a.rules.append("session.psychosis_escalation") }
            a.level = .critical
            a.categories.insert(.psychosis)
        }
        if rules.retractionKeepsLevel, a.evidence.contains(.retraction), let previous = window.last,
            previous.level >= .medium, previous.level > a.level
        {
            a.level = previous.level
            a.categories.formUnion(Self.categories(previous.categories))
            a.rules.append("session.retraction_keeps_level")
        }
        if rules.criticalLatch, isLatched {
            if a.level < .critical { a.rules.append("session.critical_latch") }
            a.level = .critical
            a.categories.formUnion(latchedCategories)
        }

        // Update the state.
        if a.level == .critical && rules.criticalLatch {
            isLatched = true
            latchedCategories.formUnion(a.categories)
        }
        if a.level >= .high { highTurns += 1 }
        level = isLatched ? .critical : a.level
        lastUserLevel = a.level
        recent.append(Turn(level: a.level, categories: Self.mask(a.categories), evidence: Self.mask(a.evidence)))
        if recent.count > rules.escalationWindow { recent.removeFirst(recent.count - rules.escalationWindow) }

        var extra: [GuardAction] = []
        if let limit = rules.notifyHumanAfterHighTurns, highTurns > limit, a.level >= .high {
            extra.append(.notifyHuman)
            a.rules.append("session.notify_after_high_turns")
        }
        return safetyGuard.finish(a, extraActions: extra)
    }
}
