/// What the host application should do with a message, as assigned by the configuration per level.
public enum GuardAction: String, Codable, Sendable, CaseIterable, Comparable {
    /// Nothing to do.
    case allow
    /// Keep a record (without the message text).
    case log
    /// Watch the conversation more closely.
    case monitor
    /// Gently suggest professional help in the reply.
    case suggestHelp = "suggest_help"
    /// Show the crisis resources for the locale.
    case showCrisisResources = "show_crisis_resources"
    /// Queue the conversation for review by a person.
    case humanReview = "human_review"
    /// Alert an on-call person now.
    case notifyHuman = "notify_human"
    /// Stop generating AI replies in this conversation.
    case stopAIThread = "stop_ai_thread"
    /// Do not show this assistant message.
    case blockOutput = "block_output"
    /// Regenerate this assistant message with a safer prompt.
    case regenerateOutput = "regenerate_output"

    var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: GuardAction, rhs: GuardAction) -> Bool { lhs.order < rhs.order }
}
