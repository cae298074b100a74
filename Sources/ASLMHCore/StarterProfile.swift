/// The commented starter profile that `aslmh init` writes. It loads without errors, and its
/// comments list the catalogue's vocabulary so a team can fill it in without the docs.
public enum StarterProfile {
    public static func text(_ catalog: Catalog, productId: String = "my-product") -> String {
        func choices(_ terms: [Term]) -> String {
            terms.map { "#   \($0.id.padding(to: 34)) \($0.title)" }.joined(separator: "\n")
        }
        return """
        # aslmh product profile — describe what the product does; `aslmh check` derives its ASL-MH tier,
        # the controls that tier makes mandatory, and which of them this file fails to evidence.
        # Reference: `aslmh schema` (JSON Schema for editors), `aslmh explain ID` (any rule or control).
        schema: aslmh/profile/v1

        product:
          id: \(productId)                  # stable lowercase id, used by approvals and waivers
          name: My Product
          version: 0.1.0
          team: Owning team
          contact: team@example.org

        # What the product is for, in plain words (a reviewer reads this first).
        intended_use: >
          Describe who uses the product, for what, and what it must never be used for.

        # Who can use it (one or more):
        \(choices(catalog.vocabulary.audiences))
        audience: [adults_only]

        # Where it is deployed (one or more):
        \(choices(catalog.vocabulary.settings))
        settings: [consumer]

        # What it does (one or more). Declare everything it can do: the tier follows the most
        # demanding capability, and declaring less than the truth is what reviews catch.
        \(choices(catalog.vocabulary.capabilities))
        capabilities: [psychoeducation]

        # How far it acts on its own, from least to most:
        \(choices(catalog.vocabulary.autonomy))
        autonomy: none

        # Markets (ISO 3166: US, US-CA, DE, or EU) and locales (en-US, es-MX) it ships to.
        markets: [US]
        locales: [en-US]

        # Controls in place, each with evidence a reviewer can open: a URL or a path relative to
        # this file. Add `owner`, `reviewed: YYYY-MM-DD` and `review_cycle_days` where they apply.
        # `aslmh check` lists the controls your tier requires.
        controls:
          ai_ethics_guidelines:
            evidence: https://example.org/ai-principles
          medical_disclaimer:
            evidence: https://example.org/app/disclaimer
          expert_review:
            evidence: https://example.org/clinical-review
            owner: Clinical advisor
            reviewed: 2026-01-15
          no_personalised_advice:
            evidence: https://example.org/scope-policy

        # Only a reviewer may raise the tier (never lower it):
        # tier_override: {tier: 3, reason: "…", approver: "…"}

        """
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
