/// A span of the original message: UTF-8 byte offsets and Unicode code-point offsets (the
/// indices Python's `str` uses), both half-open.
public struct TextSpan: Codable, Sendable, Equatable, Comparable {
    public var utf8Start: Int
    public var utf8End: Int
    public var codepointStart: Int
    public var codepointEnd: Int

    public init(utf8Start: Int, utf8End: Int, codepointStart: Int, codepointEnd: Int) {
        self.utf8Start = utf8Start
        self.utf8End = utf8End
        self.codepointStart = codepointStart
        self.codepointEnd = codepointEnd
    }

    enum CodingKeys: String, CodingKey { case utf8, codepoints }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let u = try c.decode([Int].self, forKey: .utf8)
        let p = try c.decode([Int].self, forKey: .codepoints)
        guard u.count == 2, p.count == 2 else {
            throw DecodingError.dataCorruptedError(forKey: .utf8, in: c, debugDescription: "span needs [start, end]")
        }
        self.init(utf8Start: u[0], utf8End: u[1], codepointStart: p[0], codepointEnd: p[1])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode([utf8Start, utf8End], forKey: .utf8)
        try c.encode([codepointStart, codepointEnd], forKey: .codepoints)
    }

    public static func < (a: TextSpan, b: TextSpan) -> Bool {
        (a.utf8Start, a.utf8End) < (b.utf8Start, b.utf8End)
    }
}

/// One rule that fired, where, and what context did to it.
public struct GuardMatch: Codable, Sendable, Equatable {
    /// The lexicon entry id (or a message/session rule id such as `rule.crisis_mishandled`).
    public var rule: String
    public var category: GuardCategory
    /// The level after context; `none` when context removed the match.
    public var level: RiskLevel
    /// The context rule that lowered or removed the match, if any.
    public var context: String?
    public var span: TextSpan
    /// The matched substring of the original text.
    public var text: String
    /// Statistical-layer matches (`model.*` rules): the probability of the deciding head.
    public var score: Double?
    /// Statistical-layer matches: the features that carried the score, strongest first, with weights.
    public var evidence: [String]?

    public init(
        rule: String, category: GuardCategory, level: RiskLevel, context: String?, span: TextSpan, text: String,
        score: Double? = nil, evidence: [String]? = nil
    ) {
        self.rule = rule
        self.category = category
        self.level = level
        self.context = context
        self.span = span
        self.text = text
        self.score = score
        self.evidence = evidence
    }
}

/// The verdict on one message.
public struct GuardResult: Codable, Sendable, Equatable {
    public var role: Role
    /// The level to act on (for user turns in a conversation: after the session rules).
    public var level: RiskLevel
    /// Reported categories (at medium or above), sorted.
    public var categories: [GuardCategory]
    /// What fired, sorted by position; suppressed matches are kept with level `none` and the context.
    public var matches: [GuardMatch]
    /// The configured actions for `level` and role (plus session escalations), sorted.
    public var actions: [GuardAction]
    /// Crisis resources for the configured locale when the actions include showing them.
    public var resources: [CrisisResource]
    /// Message and session rules that raised or held the level (e.g. `session.critical_latch`).
    public var rules: [String]
    /// True when more matches fired than are listed.
    public var truncated: Bool

    public init(
        role: Role, level: RiskLevel, categories: [GuardCategory], matches: [GuardMatch], actions: [GuardAction],
        resources: [CrisisResource], rules: [String], truncated: Bool
    ) {
        self.role = role
        self.level = level
        self.categories = categories
        self.matches = matches
        self.actions = actions
        self.resources = resources
        self.rules = rules
        self.truncated = truncated
    }

    enum CodingKeys: String, CodingKey {
        case role, level = "risk", categories, matches, actions = "action", resources, rules, truncated
    }
}
