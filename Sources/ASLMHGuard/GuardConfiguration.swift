import Foundation

/// Actions for each risk level.
public struct LevelActions: Codable, Sendable, Equatable {
    public var critical: [GuardAction]
    public var high: [GuardAction]
    public var medium: [GuardAction]
    public var low: [GuardAction]
    public var none: [GuardAction]

    public init(
        critical: [GuardAction], high: [GuardAction], medium: [GuardAction], low: [GuardAction], none: [GuardAction]
    ) {
        self.critical = critical
        self.high = high
        self.medium = medium
        self.low = low
        self.none = none
    }

    public subscript(level: RiskLevel) -> [GuardAction] {
        switch level {
        case .critical: critical
        case .high: high
        case .medium: medium
        case .low: low
        case .none: none
        }
    }
}

/// Actions per level, separately for user messages and assistant outputs.
public struct ActionTable: Codable, Sendable, Equatable {
    public var user: LevelActions
    public var assistant: LevelActions

    public init(user: LevelActions, assistant: LevelActions) {
        self.user = user
        self.assistant = assistant
    }

    public func actions(for level: RiskLevel, role: Role) -> [GuardAction] {
        role == .user ? user[level] : assistant[level]
    }
}

/// Rules that look across the turns of one conversation.
public struct SessionRules: Codable, Sendable, Equatable {
    /// After a critical turn the session stays critical until a human resets it.
    public var criticalLatch: Bool
    /// How many earlier user turns the escalation rules look back at.
    public var escalationWindow: Int
    /// A veiled method question (bridge heights, lethal amounts) after a loss or distress signal
    /// in the window is critical suicidal ideation.
    public var veiledMethodAfterDistress: Bool
    /// A retraction ("jk", "forget it") right after a disclosure keeps the disclosure's level.
    public var retractionKeepsLevel: Bool
    /// Psychosis earlier in the window plus danger now (imminent danger, harm to others) is critical.
    public var psychosisEscalation: Bool
    /// After this many user turns at high or above in one session, every further flagged turn
    /// also gets `notify_human` (a frequency limit); nil turns it off.
    public var notifyHumanAfterHighTurns: Int?

    public init(
        criticalLatch: Bool, escalationWindow: Int, veiledMethodAfterDistress: Bool, retractionKeepsLevel: Bool,
        psychosisEscalation: Bool, notifyHumanAfterHighTurns: Int?
    ) {
        self.criticalLatch = criticalLatch
        self.escalationWindow = escalationWindow
        self.veiledMethodAfterDistress = veiledMethodAfterDistress
        self.retractionKeepsLevel = retractionKeepsLevel
        self.psychosisEscalation = psychosisEscalation
        self.notifyHumanAfterHighTurns = notifyHumanAfterHighTurns
    }
}

/// Where a configuration came from (filled in when it is derived from a product profile).
public struct GuardProvenance: Codable, Sendable, Equatable {
    public var product: String?
    public var tier: Int?
    public var catalogVersion: String?
    public var profileSha256: String?

    public init(product: String? = nil, tier: Int? = nil, catalogVersion: String? = nil, profileSha256: String? = nil) {
        self.product = product
        self.tier = tier
        self.catalogVersion = catalogVersion
        self.profileSha256 = profileSha256
    }
}

/// What the configuration requires of the place the guard runs in.
public struct EnvironmentRequirements: Codable, Sendable, Equatable {
    /// The configuration may only be used in a research setting (e.g. IRB-approved study).
    public var researchOnly: Bool

    public init(researchOnly: Bool) { self.researchOnly = researchOnly }
}

/// Where the guard is told it runs. Passed to `Guard.init`, checked against the configuration.
public struct GuardEnvironment: Sendable, Equatable {
    public var isResearch: Bool

    public init(isResearch: Bool = false) { self.isResearch = isResearch }
    public static let production = GuardEnvironment(isResearch: false)
}

/// A versioned guard configuration (`schema: "aslmh/guard-config/v1"`). See docs/guard.md.
public struct GuardConfiguration: Codable, Sendable, Equatable {
    public static let schemaID = "aslmh/guard-config/v1"

    public var schema: String
    public var name: String?
    /// Detector switch per reported category; a category left out is on.
    public var detectors: [GuardCategory: Bool]
    public var actions: ActionTable
    /// BCP 47-ish locale ("en-US", "fr_CA", "de") choosing the crisis resources.
    public var locale: String
    /// Replaces the built-in crisis resources for this deployment when set.
    public var crisisResources: [CrisisResource]?
    public var session: SessionRules
    public var provenance: GuardProvenance?
    public var environment: EnvironmentRequirements?
    /// What the deployment must do around the guard (derived from tier and laws); nil: nothing asked.
    public var deployment: DeploymentRules?
    /// Whether the statistical layer (`lexicons/model/`) runs behind the lexicon; nil means on.
    public var statisticalLayer: Bool?

    /// Whether the statistical layer runs.
    public var usesStatisticalLayer: Bool { statisticalLayer ?? true }

    public init(
        schema: String = GuardConfiguration.schemaID, name: String?, detectors: [GuardCategory: Bool],
        actions: ActionTable, locale: String, crisisResources: [CrisisResource]? = nil, session: SessionRules,
        provenance: GuardProvenance? = nil, environment: EnvironmentRequirements? = nil, deployment: DeploymentRules? = nil
    ) {
        self.schema = schema
        self.name = name
        self.detectors = detectors
        self.actions = actions
        self.locale = locale
        self.crisisResources = crisisResources
        self.session = session
        self.provenance = provenance
        self.environment = environment
        self.deployment = deployment
    }

    /// Whether the detector for a category runs. Signals always run.
    public func isEnabled(_ category: GuardCategory) -> Bool {
        category.isSignal || detectors[category] ?? true
    }

    enum CodingKeys: String, CodingKey {
        case schema, name, detectors, actions, locale, crisisResources, session, provenance, environment, deployment,
            statisticalLayer
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        let raw = try c.decodeIfPresent([String: Bool].self, forKey: .detectors) ?? [:]
        var detectors: [GuardCategory: Bool] = [:]
        for (key, on) in raw {
            guard let category = GuardCategory(rawValue: key), !category.isSignal else {
                throw GuardError.invalidConfiguration("detectors: unknown category '\(key)'\(Self.suggestion(for: key))")
            }
            detectors[category] = on
        }
        self.detectors = detectors
        actions = try c.decode(ActionTable.self, forKey: .actions)
        locale = try c.decodeIfPresent(String.self, forKey: .locale) ?? "en-US"
        crisisResources = try c.decodeIfPresent([CrisisResource].self, forKey: .crisisResources)
        session = try c.decode(SessionRules.self, forKey: .session)
        provenance = try c.decodeIfPresent(GuardProvenance.self, forKey: .provenance)
        environment = try c.decodeIfPresent(EnvironmentRequirements.self, forKey: .environment)
        deployment = try c.decodeIfPresent(DeploymentRules.self, forKey: .deployment)
        statisticalLayer = try c.decodeIfPresent(Bool.self, forKey: .statisticalLayer)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(Dictionary(uniqueKeysWithValues: detectors.map { ($0.key.rawValue, $0.value) }), forKey: .detectors)
        try c.encode(actions, forKey: .actions)
        try c.encode(locale, forKey: .locale)
        try c.encodeIfPresent(crisisResources, forKey: .crisisResources)
        try c.encode(session, forKey: .session)
        try c.encodeIfPresent(provenance, forKey: .provenance)
        try c.encodeIfPresent(environment, forKey: .environment)
        try c.encodeIfPresent(deployment, forKey: .deployment)
        try c.encodeIfPresent(statisticalLayer, forKey: .statisticalLayer)
    }

    static func suggestion(for key: String) -> String {
        let names = (GuardCategory.userCategories + GuardCategory.outputCategories).map(\.rawValue)
        let normalized = key.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        if let hit = names.first(where: {
            $0 == normalized || $0.hasPrefix(normalized) || normalized.hasPrefix($0) || editDistance($0, normalized) <= 2
        }) {
            return " (did you mean '\(hit)'?)"
        }
        return " (known: \(names.joined(separator: ", ")))"
    }
}
