/// What a deployment must do around the guard, derived from the product's tier and the laws of its
/// markets (`aslmh guard-config`): who `notify_human` reaches, session limits against dependency,
/// clinician review before therapeutic content is delivered, and the legally required notices.
/// The host application enforces these; the guard validates them and reports them.
public struct DeploymentRules: Codable, Sendable, Equatable {
    /// The human team that `notify_human` reaches (from the profile's crisis-escalation owner).
    public var escalationTeam: String?
    public var maxSessionMinutes: Int?
    public var maxSessionsPerDay: Int?
    /// Therapeutic plans and plan changes wait for a clinician's approval before the user sees them.
    public var clinicianReviewBeforeDelivery: Bool
    /// Tell the user they are talking to an AI at the start of each session.
    public var aiDisclosureAtSessionStart: Bool
    /// …and again at least every N hours of continuing use.
    public var aiDisclosureIntervalHours: Int?
    /// …and when they come back after N days without use.
    public var aiDisclosureAfterInactiveDays: Int?
    /// …and whenever they ask.
    public var aiDisclosureOnRequest: Bool
    /// Remind (minor) users to take a break every N hours.
    public var breakReminderIntervalHours: Int?
    public var noAdTargetingFromInput: Bool
    public var blockSexualContentForMinors: Bool
    /// Suicidal ideation and self-harm are referred to a crisis line (a legal requirement in some markets).
    public var crisisReferralRequired: Bool
    /// Where each rule comes from (tier, law section), for reviewers.
    public var sources: [String]

    public init(
        escalationTeam: String? = nil, maxSessionMinutes: Int? = nil, maxSessionsPerDay: Int? = nil,
        clinicianReviewBeforeDelivery: Bool = false, aiDisclosureAtSessionStart: Bool = false,
        aiDisclosureIntervalHours: Int? = nil, aiDisclosureAfterInactiveDays: Int? = nil, aiDisclosureOnRequest: Bool = false,
        breakReminderIntervalHours: Int? = nil, noAdTargetingFromInput: Bool = false, blockSexualContentForMinors: Bool = false,
        crisisReferralRequired: Bool = false, sources: [String] = []
    ) {
        self.escalationTeam = escalationTeam
        self.maxSessionMinutes = maxSessionMinutes
        self.maxSessionsPerDay = maxSessionsPerDay
        self.clinicianReviewBeforeDelivery = clinicianReviewBeforeDelivery
        self.aiDisclosureAtSessionStart = aiDisclosureAtSessionStart
        self.aiDisclosureIntervalHours = aiDisclosureIntervalHours
        self.aiDisclosureAfterInactiveDays = aiDisclosureAfterInactiveDays
        self.aiDisclosureOnRequest = aiDisclosureOnRequest
        self.breakReminderIntervalHours = breakReminderIntervalHours
        self.noAdTargetingFromInput = noAdTargetingFromInput
        self.blockSexualContentForMinors = blockSexualContentForMinors
        self.crisisReferralRequired = crisisReferralRequired
        self.sources = sources
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case escalationTeam, maxSessionMinutes, maxSessionsPerDay, clinicianReviewBeforeDelivery, aiDisclosureAtSessionStart,
             aiDisclosureIntervalHours, aiDisclosureAfterInactiveDays, aiDisclosureOnRequest, breakReminderIntervalHours,
             noAdTargetingFromInput, blockSexualContentForMinors, crisisReferralRequired, sources
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        escalationTeam = try c.decodeIfPresent(String.self, forKey: .escalationTeam)
        maxSessionMinutes = try c.decodeIfPresent(Int.self, forKey: .maxSessionMinutes)
        maxSessionsPerDay = try c.decodeIfPresent(Int.self, forKey: .maxSessionsPerDay)
        clinicianReviewBeforeDelivery = try c.decodeIfPresent(Bool.self, forKey: .clinicianReviewBeforeDelivery) ?? false
        aiDisclosureAtSessionStart = try c.decodeIfPresent(Bool.self, forKey: .aiDisclosureAtSessionStart) ?? false
        aiDisclosureIntervalHours = try c.decodeIfPresent(Int.self, forKey: .aiDisclosureIntervalHours)
        aiDisclosureAfterInactiveDays = try c.decodeIfPresent(Int.self, forKey: .aiDisclosureAfterInactiveDays)
        aiDisclosureOnRequest = try c.decodeIfPresent(Bool.self, forKey: .aiDisclosureOnRequest) ?? false
        breakReminderIntervalHours = try c.decodeIfPresent(Int.self, forKey: .breakReminderIntervalHours)
        noAdTargetingFromInput = try c.decodeIfPresent(Bool.self, forKey: .noAdTargetingFromInput) ?? false
        blockSexualContentForMinors = try c.decodeIfPresent(Bool.self, forKey: .blockSexualContentForMinors) ?? false
        crisisReferralRequired = try c.decodeIfPresent(Bool.self, forKey: .crisisReferralRequired) ?? false
        sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? []
    }

    /// Numbers must be positive where given.
    func validate() throws {
        for (name, value) in [("maxSessionMinutes", maxSessionMinutes), ("maxSessionsPerDay", maxSessionsPerDay),
                              ("aiDisclosureIntervalHours", aiDisclosureIntervalHours),
                              ("aiDisclosureAfterInactiveDays", aiDisclosureAfterInactiveDays),
                              ("breakReminderIntervalHours", breakReminderIntervalHours)] {
            if let value, value < 1 { throw GuardError.invalidConfiguration("deployment.\(name) must be at least 1") }
        }
    }
}
