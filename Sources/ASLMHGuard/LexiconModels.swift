/// Examples that must and must not trigger an entry or a context rule. The examples are the
/// documentation and the tests at once.
public struct LexiconExamples: Codable, Sendable, Equatable {
    public var match: [String]
    public var noMatch: [String]

    enum CodingKeys: String, CodingKey {
        case match
        case noMatch = "no_match"
    }
}

/// Which messages an entry is checked on.
public enum EntryRole: String, Codable, Sendable {
    case user, assistant, any

    func applies(to role: Role) -> Bool {
        self == .any || rawValue == role.rawValue
    }
}

/// One reviewable detection rule: a stable id, what it finds, how serious, where it comes from,
/// its token patterns, and examples.
public struct LexiconEntry: Codable, Sendable, Equatable {
    public var id: String
    public var category: GuardCategory
    public var level: RiskLevel
    public var role: EntryRole
    /// The clinical or public source the entry derives from, or "authored: <reasoning>".
    public var source: String
    public var patterns: [String]
    public var examples: LexiconExamples
    /// A warning-sign group: two different entries of the same group in one message make it
    /// critical (e.g. giving possessions away and farewell letters).
    public var combine: String?
    public var note: String?
}

/// Where a context rule's own match must lie, relative to the match it lowers.
public enum ContextScope: String, Codable, Sendable {
    /// The spans share at least one token.
    case overlap
    /// The context ends at most `window` tokens before the match starts, in the same clause.
    case before
    /// The context starts at most `window` tokens after the match ends, in the same clause.
    case after
    /// Anywhere in the same clause.
    case clause
    /// Anywhere in the same sentence.
    case sentence
    /// Anywhere in the message.
    case message
}

/// Context that lowers or removes a match: idiom, negation, third party or past, fiction,
/// research, technical, veterinary, cooking, accident.
public struct ContextRule: Codable, Sendable, Equatable {
    public var id: String
    public var kind: String
    /// The level a lowered match gets; `none` removes it.
    public var lowerTo: RiskLevel
    public var scope: ContextScope
    public var window: Int?
    /// Categories of matches this rule may lower.
    public var appliesTo: [GuardCategory]
    /// Entry ids this rule never lowers (e.g. a method question stays a method question).
    public var exceptRules: [String]?
    /// When set, the rule only lowers these entry ids.
    public var onlyRules: [String]?
    public var source: String
    public var patterns: [String]
    public var examples: LexiconExamples
}

struct LexiconFile: Codable {
    var schema: String
    var language: String?
    var entries: [LexiconEntry]
}

struct ContextFile: Codable {
    var schema: String
    var rules: [ContextRule]
}

struct WordClassFile: Codable {
    var schema: String
    /// Named word lists usable in patterns as `@name`.
    var classes: [String: [String]]
    /// Canonical word → common misspellings that normalise to it.
    var spellings: [String: [String]]
}
