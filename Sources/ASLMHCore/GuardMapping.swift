/// How each tier configures the runtime guard (`tiers/guard.yaml`), as read: names are checked
/// against the guard's vocabulary where the configuration is built.
public struct GuardMapping: Sendable {
    public struct Tier: Sendable {
        public var tier: Int
        public var why: String
        public var detectorsOff: [Located<String>]
        /// role → level → actions.
        public var actions: [String: [String: [Located<String>]]]
        public var escalationWindow: Int
        public var notifyHumanAfterHighTurns: Int?
        public var escalateToTeam: Bool
        public var clinicianReviewBeforeDelivery: Bool
        public var researchOnly: Bool
        public var maxSessionMinutes: Int?
        public var maxSessionsPerDay: Int?
        public var location: SourceLocation

        public init(tier: Int, why: String, detectorsOff: [Located<String>], actions: [String: [String: [Located<String>]]],
                    escalationWindow: Int, notifyHumanAfterHighTurns: Int?, escalateToTeam: Bool, clinicianReviewBeforeDelivery: Bool,
                    researchOnly: Bool, maxSessionMinutes: Int?, maxSessionsPerDay: Int?, location: SourceLocation) {
            self.tier = tier
            self.why = why
            self.detectorsOff = detectorsOff
            self.actions = actions
            self.escalationWindow = escalationWindow
            self.notifyHumanAfterHighTurns = notifyHumanAfterHighTurns
            self.escalateToTeam = escalateToTeam
            self.clinicianReviewBeforeDelivery = clinicianReviewBeforeDelivery
            self.researchOnly = researchOnly
            self.maxSessionMinutes = maxSessionMinutes
            self.maxSessionsPerDay = maxSessionsPerDay
            self.location = location
        }
    }

    public var tiers: [Tier]

    public init(tiers: [Tier]) { self.tiers = tiers.sorted { $0.tier < $1.tier } }

    public func tier(_ level: Int) -> Tier? { tiers.first { $0.tier == level } }
}
