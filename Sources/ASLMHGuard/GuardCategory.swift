/// What a match is about. The first eighteen are reported in results; the `signal` categories are
/// internal evidence used by the message and session rules (a loss, ordinary stress, a veiled
/// method question, a retraction, a crisis resource in a reply, a refusal) and never reported.
public enum GuardCategory: String, Codable, Sendable, CaseIterable, Comparable {
    // User messages
    case suicidalIdeation = "suicidal_ideation"
    case selfHarm = "self_harm"
    case harmToOthers = "harm_to_others"
    case imminentDanger = "imminent_danger"
    case psychosis
    case severeDistress = "severe_distress"
    case medicationConcerns = "medication_concerns"
    case isolation
    case sleepDeprivation = "sleep_deprivation"
    case helpAvoidance = "help_avoidance"
    // Assistant outputs
    case diagnosis
    case medicationAdvice = "medication_advice"
    case delusionValidation = "delusion_validation"
    case overValidation = "over_validation"
    case helpDiscouragement = "help_discouragement"
    case falseIntimacy = "false_intimacy"
    case methodInformation = "method_information"
    case crisisMishandled = "crisis_mishandled"
    // Internal signals
    case loss
    case stress
    case lowMood = "low_mood"
    case methodInquiry = "method_inquiry"
    case retraction
    case crisisResource = "crisis_resource"
    case refusal

    /// Signals are evidence for rules, not findings.
    public var isSignal: Bool {
        switch self {
        case .loss, .stress, .lowMood, .methodInquiry, .retraction, .crisisResource, .refusal: true
        default: false
        }
    }

    /// The categories a user message can be reported with.
    public static let userCategories: [GuardCategory] = [
        .suicidalIdeation, .selfHarm, .harmToOthers, .imminentDanger, .psychosis, .severeDistress,
        .medicationConcerns, .isolation, .sleepDeprivation, .helpAvoidance,
    ]
    /// The categories an assistant message can be reported with.
    public static let outputCategories: [GuardCategory] = [
        .diagnosis, .medicationAdvice, .delusionValidation, .overValidation, .helpDiscouragement,
        .falseIntimacy, .methodInformation, .crisisMishandled,
    ]

    /// Signals that show loss or distress earlier in a conversation (for the veiled-method rule).
    var isDistressEvidence: Bool {
        switch self {
        case .loss, .lowMood, .severeDistress, .suicidalIdeation, .selfHarm, .isolation, .helpAvoidance: true
        default: false
        }
    }

    public static func < (lhs: GuardCategory, rhs: GuardCategory) -> Bool { lhs.rawValue < rhs.rawValue }
}
