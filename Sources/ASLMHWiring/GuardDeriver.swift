import ASLMHCore
import ASLMHGuard

/// Derives the runtime guard configuration a product must run with, from its tier (via
/// `tiers/guard.yaml`), its declared locales, its crisis-escalation owner and the guard effects of
/// the laws of its markets. Pure: same report, same configuration.
public struct GuardDeriver: Sendable {
    public let mapping: GuardMapping
    public let catalogVersion: String
    public let resources: CrisisResourceTable

    public init(mapping: GuardMapping, catalogVersion: String, resources: CrisisResourceTable) {
        self.mapping = mapping
        self.catalogVersion = catalogVersion
        self.resources = resources
    }

    /// The configuration for a tier alone (what `aslmh guard --tier N` runs with).
    public func configuration(forTier level: Int, locale: String = "en-US") throws -> GuardConfiguration {
        guard let t = mapping.tier(level) else { throw GuardError.invalidConfiguration("tiers/guard.yaml has no settings for tier \(level)") }
        var detectors: [GuardCategory: Bool] = [:]
        for c in GuardCategory.userCategories + GuardCategory.outputCategories { detectors[c] = true }
        for off in t.detectorsOff {
            guard let c = GuardCategory(rawValue: off.value) else {
                throw GuardError.invalidConfiguration("\(off.location): unknown detector `\(off.value)`")
            }
            detectors[c] = false
        }
        func actions(_ role: String) throws -> LevelActions {
            func level(_ l: String) throws -> [GuardAction] {
                try (t.actions[role]?[l] ?? []).map { a in
                    guard let action = GuardAction(rawValue: a.value) else {
                        throw GuardError.invalidConfiguration("\(a.location): unknown action `\(a.value)`")
                    }
                    return action
                }
            }
            return LevelActions(critical: try level("critical"), high: try level("high"), medium: try level("medium"),
                                low: try level("low"), none: try level("none"))
        }
        let session = SessionRules(criticalLatch: true, escalationWindow: t.escalationWindow, veiledMethodAfterDistress: true,
                                   retractionKeepsLevel: true, psychosisEscalation: true,
                                   notifyHumanAfterHighTurns: t.notifyHumanAfterHighTurns)
        var deployment = DeploymentRules(maxSessionMinutes: t.maxSessionMinutes, maxSessionsPerDay: t.maxSessionsPerDay,
                                         clinicianReviewBeforeDelivery: t.clinicianReviewBeforeDelivery)
        if t.maxSessionMinutes != nil || t.clinicianReviewBeforeDelivery || t.escalateToTeam {
            deployment.sources.append("ASL-MH \(level) (tiers/guard.yaml): \(t.why)")
        }
        return GuardConfiguration(
            name: "ASL-MH tier \(level)", detectors: detectors,
            actions: ActionTable(user: try actions("user"), assistant: try actions("assistant")),
            locale: locale, session: session, provenance: GuardProvenance(tier: level, catalogVersion: catalogVersion),
            environment: t.researchOnly ? EnvironmentRequirements(researchOnly: true) : nil,
            deployment: deployment == DeploymentRules() ? nil : deployment)
    }

    /// The configuration for a checked profile: its tier's, with its locales' crisis resources,
    /// its escalation team, the guard effects of its markets' laws, and provenance.
    /// `provenance: false` skips the profile digest (for `check`, which only summarises the configuration).
    public func derive(_ report: ProfileReport, provenance: Bool = true) throws -> GuardConfiguration {
        let p = report.profile
        let locales = p.locales.map(\.value)
        var c = try configuration(forTier: report.classification.tier, locale: locales.first ?? "en-US")
        c.name = "aslmh derived: \(p.displayName) (ASL-MH \(report.classification.tier))"
        c.provenance = GuardProvenance(product: p.product.id?.value, tier: report.classification.tier,
                                       catalogVersion: catalogVersion, profileSha256: provenance ? CanonicalProfile.digest(p) : nil)
        var seen = Set<String>()
        var lines: [CrisisResource] = []
        for locale in locales.isEmpty ? ["en-US"] : locales {
            for r in resources.resources(forLocale: locale) where seen.insert(r.country + "|" + r.name).inserted { lines.append(r) }
        }
        c.crisisResources = lines

        var d = c.deployment ?? DeploymentRules()
        if let t = mapping.tier(report.classification.tier), t.escalateToTeam {
            d.escalationTeam = p.control("crisis_escalation")?.owner?.value ?? p.control("human_oversight")?.owner?.value
        }
        for v in report.jurisdictions where v.inScope {
            for o in v.obligations where o.status == .met || o.status == .missing {
                guard !o.guardEffects.isEmpty else { continue }
                for e in o.guardEffects { Self.apply(e, to: &d) }
                d.sources.append("\(v.overlayId) \(o.source.document) (\(o.id))")
            }
        }
        d.sources.sort()
        c.deployment = d == DeploymentRules() ? nil : d
        return c
    }

    /// Folds a law's guard effect into the rules, keeping the stricter value.
    static func apply(_ e: GuardEffect, to d: inout DeploymentRules) {
        func tighter(_ a: Int?, _ b: Int) -> Int { a.map { min($0, b) } ?? b }
        switch e.name {
        case "ai_disclosure_at_session_start": d.aiDisclosureAtSessionStart = d.aiDisclosureAtSessionStart || e.value > 0
        case "ai_disclosure_interval_hours": d.aiDisclosureIntervalHours = tighter(d.aiDisclosureIntervalHours, e.value)
        case "ai_disclosure_after_inactive_days": d.aiDisclosureAfterInactiveDays = tighter(d.aiDisclosureAfterInactiveDays, e.value)
        case "ai_disclosure_on_request": d.aiDisclosureOnRequest = d.aiDisclosureOnRequest || e.value > 0
        case "crisis_referral_required": d.crisisReferralRequired = d.crisisReferralRequired || e.value > 0
        case "break_reminder_interval_hours": d.breakReminderIntervalHours = tighter(d.breakReminderIntervalHours, e.value)
        case "no_ad_targeting_from_input": d.noAdTargetingFromInput = d.noAdTargetingFromInput || e.value > 0
        case "block_sexual_content_for_minors": d.blockSexualContentForMinors = d.blockSexualContentForMinors || e.value > 0
        default: break
        }
    }
}
