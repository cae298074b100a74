/// The tier catalogue: vocabulary, the six tiers, their rules, controls and prohibitions.
/// Built once (by the loader) and passed around as an immutable value.
public struct Catalog: Sendable {
    public let version: String
    public let vocabulary: Vocabulary
    public let tiers: [TierDefinition]
    public let controls: [ControlDefinition]
    /// Every rule, prohibition and lookup table, computed once: checks run per profile.
    public let rules: [Rule]
    public let prohibitions: [Prohibition]
    private let controlIndex: [String: Int]
    private let mandatory: [Int: [ControlDefinition]]
    private let prohibitionsByTier: [Int: [Prohibition]]

    public init(version: String, vocabulary: Vocabulary, tiers: [TierDefinition], controls: [ControlDefinition]) {
        self.version = version
        self.vocabulary = vocabulary
        self.tiers = tiers.sorted { $0.level < $1.level }
        self.controls = controls
        rules = self.tiers.flatMap(\.rules)
        prohibitions = self.tiers.flatMap(\.prohibitions)
        var index: [String: Int] = [:]
        for (i, c) in controls.enumerated() where index[c.id] == nil { index[c.id] = i }
        controlIndex = index
        var mandatory: [Int: [ControlDefinition]] = [:]
        var byTier: [Int: [Prohibition]] = [:]
        for t in self.tiers {
            mandatory[t.level] = controls.filter { $0.tier <= t.level }.sorted { ($0.tier, $0.id) < ($1.tier, $1.id) }
            byTier[t.level] = prohibitions.filter { $0.appliesToTiers.contains(t.level) }
        }
        self.mandatory = mandatory
        prohibitionsByTier = byTier
    }

    public func tier(_ level: Int) -> TierDefinition? { tiers.first { $0.level == level } }

    public func control(_ id: String) -> ControlDefinition? { controlIndex[id].map { controls[$0] } }

    /// Controls mandatory at `level`: cumulative, every control introduced at that tier or below.
    public func mandatoryControls(atTier level: Int) -> [ControlDefinition] {
        mandatory[level] ?? controls.filter { $0.tier <= level }.sorted { ($0.tier, $0.id) < ($1.tier, $1.id) }
    }

    /// Prohibitions that apply to a product at `level`.
    public func prohibitions(atTier level: Int) -> [Prohibition] {
        prohibitionsByTier[level] ?? []
    }

    public var maxTier: Int { tiers.map(\.level).max() ?? 1 }
}

/// The closed vocabularies a profile draws from.
public struct Vocabulary: Sendable {
    public var capabilities: [Term]
    public var audiences: [Term]
    public var settings: [Term]
    /// Ordered from least to most autonomous.
    public var autonomy: [Term]

    public init(capabilities: [Term], audiences: [Term], settings: [Term], autonomy: [Term]) {
        self.capabilities = capabilities
        self.audiences = audiences
        self.settings = settings
        self.autonomy = autonomy
    }

    public func autonomyRank(_ id: String) -> Int? { autonomy.firstIndex { $0.id == id } }
}

public struct Term: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String
    public var source: Citation?

    public init(id: String, title: String, description: String, source: Citation? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.source = source
    }
}

/// Where a rule, control or term comes from: a seed document or a law, and the sentence itself.
public struct Citation: Sendable, Hashable {
    public var document: String
    public var quote: String
    public var locator: String?

    public init(document: String, quote: String, locator: String? = nil) {
        self.document = document
        self.quote = quote
        self.locator = locator
    }
}

public struct TierDefinition: Sendable {
    public var level: Int
    public var name: String
    public var summary: String
    public var source: Citation
    public var rules: [Rule]
    public var prohibitions: [Prohibition]

    public init(level: Int, name: String, summary: String, source: Citation, rules: [Rule], prohibitions: [Prohibition]) {
        self.level = level
        self.name = name
        self.summary = summary
        self.source = source
        self.rules = rules
        self.prohibitions = prohibitions
    }
}

/// A profile fragment that must (or must not) trigger a rule, control or prohibition.
public struct Example: Sendable {
    public var profile: Profile
    /// Where the example is written in the catalogue, so a failing example points at itself.
    public var location: SourceLocation

    public init(profile: Profile, location: SourceLocation) {
        self.profile = profile
        self.location = location
    }
}

public struct Examples: Sendable {
    public var triggering: [Example]
    public var nonTriggering: [Example]

    public init(triggering: [Example] = [], nonTriggering: [Example] = []) {
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A classification rule: if its predicate holds, the product is at least at `tier`.
public struct Rule: Sendable {
    public var id: String
    public var tier: Int
    public var title: String
    public var source: Citation
    public var when: Predicate
    public var examples: Examples
    public var location: SourceLocation

    public init(id: String, tier: Int, title: String, source: Citation, when: Predicate, examples: Examples, location: SourceLocation) {
        self.id = id
        self.tier = tier
        self.title = title
        self.source = source
        self.when = when
        self.examples = examples
        self.location = location
    }
}

public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case error, warning, note

    var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A control a tier makes mandatory.
public struct ControlDefinition: Sendable {
    public var id: String
    /// The tier that introduces it; it stays mandatory at every tier above.
    public var tier: Int
    public var title: String
    public var description: String
    public var source: Citation
    /// What satisfies the control, in plain words.
    public var satisfiedBy: String
    /// Whether the declaration must name an accountable owner (a person or team).
    public var requiresOwner: Bool
    /// The longest a review may be ago before it is stale (days); nil when the control has no review cycle.
    public var maxReviewAgeDays: Int?
    public var severity: Severity
    public var examples: Examples
    public var location: SourceLocation

    public init(id: String, tier: Int, title: String, description: String, source: Citation, satisfiedBy: String,
                requiresOwner: Bool, maxReviewAgeDays: Int?, severity: Severity, examples: Examples, location: SourceLocation) {
        self.id = id
        self.tier = tier
        self.title = title
        self.description = description
        self.source = source
        self.satisfiedBy = satisfiedBy
        self.requiresOwner = requiresOwner
        self.maxReviewAgeDays = maxReviewAgeDays
        self.severity = severity
        self.examples = examples
        self.location = location
    }
}

/// Something a tier forbids. A prohibition is always an error and no waiver lifts it.
public struct Prohibition: Sendable {
    public var id: String
    public var appliesToTiers: [Int]
    public var title: String
    public var source: Citation
    public var when: Predicate
    public var message: String
    public var remediation: String
    public var examples: Examples
    public var location: SourceLocation

    public init(id: String, appliesToTiers: [Int], title: String, source: Citation, when: Predicate,
                message: String, remediation: String, examples: Examples, location: SourceLocation) {
        self.id = id
        self.appliesToTiers = appliesToTiers
        self.title = title
        self.source = source
        self.when = when
        self.message = message
        self.remediation = remediation
        self.examples = examples
        self.location = location
    }
}
