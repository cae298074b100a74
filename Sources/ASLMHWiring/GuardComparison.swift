import ASLMHGuard

/// Where a deployed guard configuration is weaker than the one the tier and laws require.
public struct GuardWeakness: Sendable, Hashable, Comparable {
    /// Stable subject for the finding id, e.g. `detector.medication_advice`, `actions.user.critical`.
    public var subject: String
    public var message: String

    public static func < (a: GuardWeakness, b: GuardWeakness) -> Bool { (a.subject, a.message) < (b.subject, b.message) }
}

public enum GuardComparison {
    /// Every place where `deployed` does less than `derived`: a detector off, a level with fewer
    /// actions, missing crisis resources, looser session rules or limits, a missing escalation
    /// team, clinician review, research-only restriction or legal notice.
    public static func weaknesses(deployed: GuardConfiguration, derived: GuardConfiguration) -> [GuardWeakness] {
        var out: [GuardWeakness] = []
        func add(_ subject: String, _ message: String) { out.append(GuardWeakness(subject: subject, message: message)) }

        for c in GuardCategory.userCategories + GuardCategory.outputCategories where derived.isEnabled(c) && !deployed.isEnabled(c) {
            add("detector.\(c.rawValue)", "the `\(c.rawValue)` detector is off; the tier requires it on")
        }
        if derived.usesStatisticalLayer && !deployed.usesStatisticalLayer {
            add("statisticalLayer", "the statistical layer is off: the guard runs on its lexicon alone, which misses about four in ten unseen crisis messages (docs/guard.md)")
        }
        for role in Role.allCases {
            for level in RiskLevel.allCases {
                let need = Set(derived.actions.actions(for: level, role: role))
                let have = Set(deployed.actions.actions(for: level, role: role))
                let missing = need.subtracting(have).subtracting([.allow, .log]).map(\.rawValue).sorted()
                if !missing.isEmpty {
                    add("actions.\(role.rawValue).\(level.rawValue)",
                        "\(role.rawValue) turns at \(level.rawValue) lack " + missing.map { "`\($0)`" }.joined(separator: ", "))
                }
            }
        }
        let haveLines = Set((deployed.crisisResources ?? []).map(\.country))
        let needLines = Set((derived.crisisResources ?? []).map(\.country))
        let missingLines = needLines.subtracting(haveLines).sorted()
        if deployed.crisisResources != nil, !missingLines.isEmpty {
            add("crisisResources", "crisis resources are missing for " + missingLines.joined(separator: ", "))
        }
        let d = derived.session, s = deployed.session
        if d.criticalLatch && !s.criticalLatch { add("session.criticalLatch", "the critical latch is off: a session could drop below critical before a human resets it") }
        if d.veiledMethodAfterDistress && !s.veiledMethodAfterDistress { add("session.veiledMethodAfterDistress", "veiled method questions after distress are not escalated") }
        if d.retractionKeepsLevel && !s.retractionKeepsLevel { add("session.retractionKeepsLevel", "a retraction after a disclosure lowers the level") }
        if d.psychosisEscalation && !s.psychosisEscalation { add("session.psychosisEscalation", "psychosis followed by danger is not escalated") }
        if s.escalationWindow < d.escalationWindow { add("session.escalationWindow", "the escalation window is \(s.escalationWindow) turns; the tier requires \(d.escalationWindow)") }
        if let need = d.notifyHumanAfterHighTurns, (s.notifyHumanAfterHighTurns ?? Int.max) > need {
            add("session.notifyHumanAfterHighTurns", "a human is notified after \(s.notifyHumanAfterHighTurns.map(String.init) ?? "no number of") high turns; the tier requires \(need)")
        }
        if derived.environment?.researchOnly == true && deployed.environment?.researchOnly != true {
            add("environment.researchOnly", "the configuration does not restrict the guard to a research environment (ASL-MH 6)")
        }
        if let need = derived.deployment {
            let have = deployed.deployment ?? DeploymentRules()
            func looser(_ name: String, _ h: Int?, _ n: Int?, _ what: String) {
                guard let n else { return }
                if (h ?? Int.max) > n { add("deployment.\(name)", "\(what) is \(h.map(String.init) ?? "not set"); required: at most \(n)") }
            }
            func missing(_ name: String, _ h: Bool, _ n: Bool, _ what: String) {
                if n && !h { add("deployment.\(name)", "\(what) is not configured") }
            }
            if need.escalationTeam != nil && have.escalationTeam == nil { add("deployment.escalationTeam", "no escalation team is named for `notify_human`") }
            looser("maxSessionMinutes", have.maxSessionMinutes, need.maxSessionMinutes, "the session length limit (minutes)")
            looser("maxSessionsPerDay", have.maxSessionsPerDay, need.maxSessionsPerDay, "the sessions-per-day limit")
            missing("clinicianReviewBeforeDelivery", have.clinicianReviewBeforeDelivery, need.clinicianReviewBeforeDelivery, "clinician review before therapeutic content is delivered")
            missing("aiDisclosureAtSessionStart", have.aiDisclosureAtSessionStart, need.aiDisclosureAtSessionStart, "the AI notice at session start")
            looser("aiDisclosureIntervalHours", have.aiDisclosureIntervalHours, need.aiDisclosureIntervalHours, "the AI notice interval (hours)")
            looser("aiDisclosureAfterInactiveDays", have.aiDisclosureAfterInactiveDays, need.aiDisclosureAfterInactiveDays, "the AI notice after inactivity (days)")
            missing("aiDisclosureOnRequest", have.aiDisclosureOnRequest, need.aiDisclosureOnRequest, "the AI notice on request")
            looser("breakReminderIntervalHours", have.breakReminderIntervalHours, need.breakReminderIntervalHours, "the break reminder interval (hours)")
            missing("noAdTargetingFromInput", have.noAdTargetingFromInput, need.noAdTargetingFromInput, "the ban on ad targeting from user input")
            missing("blockSexualContentForMinors", have.blockSexualContentForMinors, need.blockSexualContentForMinors, "blocking sexual content for minors")
            missing("crisisReferralRequired", have.crisisReferralRequired, need.crisisReferralRequired, "the legally required crisis referral")
        }
        return out.sorted()
    }
}
