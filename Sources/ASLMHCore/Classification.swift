/// A rule that matched, with the profile values it read.
public struct RuleMatch: Sendable, Hashable {
    public var ruleId: String
    public var tier: Int
    public var title: String
    public var reads: [FieldRead]
}

/// A rule of the next tier up that did not match, and what it would have needed.
public struct RuleMiss: Sendable, Hashable {
    public var ruleId: String
    public var tier: Int
    public var title: String
    public var unmet: [String]
}

/// The tier a profile gets, and why.
public struct Classification: Sendable {
    /// The tier after any reviewer override (never below `computedTier`).
    public var tier: Int
    /// The highest tier whose rules matched.
    public var computedTier: Int
    /// Every rule that matched, highest tier first.
    public var matchedRules: [RuleMatch]
    /// Why the next tier up did not match (empty at the top tier).
    public var nextTierMisses: [RuleMiss]
    /// Set when a valid upward override raised the tier.
    public var overriddenBy: TierOverride?
}

public enum Classifier {
    /// Highest matching tier wins. Rules are monotone predicates, so the result is monotone in the
    /// declared capabilities, audiences, settings and autonomy.
    public static func classify(_ profile: Profile, catalog: Catalog) -> Classification {
        var matches: [RuleMatch] = []
        for rule in catalog.rules {
            let e = rule.when.evaluate(profile, vocabulary: catalog.vocabulary)
            if e.holds {
                matches.append(RuleMatch(ruleId: rule.id, tier: rule.tier, title: rule.title, reads: e.reads.sorted()))
            }
        }
        matches.sort { ($1.tier, $0.ruleId) < ($0.tier, $1.ruleId) }
        let minTier = catalog.tiers.first?.level ?? 1
        let computed = matches.map(\.tier).max() ?? minTier
        var misses: [RuleMiss] = []
        if let next = catalog.tiers.first(where: { $0.level > computed }) {
            for rule in next.rules.sorted(by: { $0.id < $1.id }) {
                let e = rule.when.evaluate(profile, vocabulary: catalog.vocabulary)
                misses.append(RuleMiss(ruleId: rule.id, tier: rule.tier, title: rule.title, unmet: e.unmet))
            }
        }
        var tier = computed
        var overriddenBy: TierOverride?
        if let o = profile.tierOverride, o.tier.value > computed, catalog.tier(o.tier.value) != nil {
            tier = o.tier.value
            overriddenBy = o
        }
        return Classification(tier: tier, computedTier: computed, matchedRules: matches,
                              nextTierMisses: misses, overriddenBy: overriddenBy)
    }
}
