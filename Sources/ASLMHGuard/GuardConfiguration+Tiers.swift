extension GuardConfiguration {
    /// The default configuration for an ASL-MH tier (1…6; values outside are clamped). Higher tiers
    /// are strictly stronger:
    /// - every tier detects all user crisis categories and checks outputs for method information,
    ///   crisis mishandling, delusion validation and help discouragement;
    /// - tier 2 and up also check outputs for diagnosis and medication advice (scope enforcement);
    /// - tier 3 and up check over-validation and simulated intimacy, and escalate critical turns
    ///   to a human (`notify_human`) and high turns to human review;
    /// - tier 4 and up notify a human on high turns after two of them in a session;
    /// - tier 5 and up send medium turns to human review and look back further across turns.
    public static func `default`(forTier tier: Int, locale: String = "en-US") -> GuardConfiguration {
        let t = min(max(tier, 1), 6)
        var detectors: [GuardCategory: Bool] = [:]
        for c in GuardCategory.userCategories { detectors[c] = true }
        for c in GuardCategory.outputCategories { detectors[c] = true }
        if t < 2 {
            detectors[.diagnosis] = false
            detectors[.medicationAdvice] = false
        }
        if t < 3 {
            detectors[.overValidation] = false
            detectors[.falseIntimacy] = false
        }

        let userCritical: [GuardAction] =
            t >= 3 ? [.showCrisisResources, .stopAIThread, .notifyHuman] : [.showCrisisResources, .stopAIThread, .log]
        let userHigh: [GuardAction] =
            t >= 3 ? [.showCrisisResources, .suggestHelp, .humanReview] : [.showCrisisResources, .suggestHelp, .log]
        let userMedium: [GuardAction] = t >= 5 ? [.monitor, .suggestHelp, .humanReview] : [.monitor, .suggestHelp]
        let user = LevelActions(
            critical: userCritical, high: userHigh, medium: userMedium, low: [.allow], none: [.allow])
        let assistant = LevelActions(
            critical: t >= 3 ? [.blockOutput, .notifyHuman] : [.blockOutput, .log],
            high: t >= 3 ? [.blockOutput, .regenerateOutput, .humanReview] : [.blockOutput, .regenerateOutput],
            medium: t >= 5 ? [.regenerateOutput, .humanReview] : [.regenerateOutput, .log],
            low: [.allow], none: [.allow])

        let session = SessionRules(
            criticalLatch: true,
            escalationWindow: t >= 5 ? 12 : (t >= 3 ? 8 : 6),
            veiledMethodAfterDistress: true,
            retractionKeepsLevel: true,
            psychosisEscalation: true,
            notifyHumanAfterHighTurns: t >= 4 ? 2 : (t >= 3 ? 3 : nil))

        return GuardConfiguration(
            name: "ASL-MH tier \(t) default", detectors: detectors,
            actions: ActionTable(user: user, assistant: assistant), locale: locale, session: session,
            provenance: GuardProvenance(tier: t))
    }

    /// Every detector on, tier-3 actions: what `aslmh guard` uses without `--config` or `--tier`.
    public static var standard: GuardConfiguration {
        var c = GuardConfiguration.default(forTier: 3)
        c.name = "ASL-MH standard (all detectors)"
        for category in GuardCategory.outputCategories { c.detectors[category] = true }
        c.provenance = nil
        return c
    }

    /// Checks that a guard can honour this configuration where it runs.
    public func validate(environment: GuardEnvironment) throws {
        guard schema == Self.schemaID else {
            throw GuardError.invalidConfiguration("schema is '\(schema)', expected '\(Self.schemaID)'")
        }
        for category in [GuardCategory.suicidalIdeation, .selfHarm, .harmToOthers, .imminentDanger]
        where detectors[category] == false {
            throw GuardError.cannotHonour(
                "the \(category.rawValue) detector cannot be turned off: crisis detection is always on")
        }
        guard actions.user.critical.contains(.showCrisisResources) else {
            throw GuardError.cannotHonour("critical user turns must include the action show_crisis_resources")
        }
        guard (1...100).contains(session.escalationWindow) else {
            throw GuardError.invalidConfiguration("session.escalationWindow must be between 1 and 100")
        }
        if let n = session.notifyHumanAfterHighTurns, n < 1 {
            throw GuardError.invalidConfiguration("session.notifyHumanAfterHighTurns must be at least 1")
        }
        if let tier = provenance?.tier, !(1...6).contains(tier) {
            throw GuardError.invalidConfiguration("provenance.tier must be 1...6, not \(tier)")
        }
        if environment.isResearch == false, self.environment?.researchOnly == true {
            throw GuardError.cannotHonour(
                "this configuration is for research use only and the guard was not told it runs in a research environment")
        }
        if locale.isEmpty { throw GuardError.invalidConfiguration("locale must not be empty") }
        try deployment?.validate()
    }
}
