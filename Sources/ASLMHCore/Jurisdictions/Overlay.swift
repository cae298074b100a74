/// A jurisdiction's law as data: where it applies, what it forbids, what it requires, from when.
public struct Overlay: Sendable {
    public struct Law: Sendable, Hashable {
        public var title: String
        public var citation: String
        public var url: String
        public var effective: Day

        public init(title: String, citation: String, url: String, effective: Day) {
            self.title = title
            self.citation = citation
            self.url = url
            self.effective = effective
        }
    }

    public var id: String
    public var name: String
    public var law: Law
    public var verified: Day
    public var verifiedAgainst: String
    /// Profile markets that bring this overlay in.
    public var markets: [String]
    public var scopeDescription: String
    public var scope: Predicate
    public var scopeExamples: Examples
    public var obligations: [Obligation]
    public var location: SourceLocation

    public init(id: String, name: String, law: Law, verified: Day, verifiedAgainst: String, markets: [String],
                scopeDescription: String, scope: Predicate, scopeExamples: Examples, obligations: [Obligation], location: SourceLocation) {
        self.id = id
        self.name = name
        self.law = law
        self.verified = verified
        self.verifiedAgainst = verifiedAgainst
        self.markets = markets
        self.scopeDescription = scopeDescription
        self.scope = scope
        self.scopeExamples = scopeExamples
        self.obligations = obligations
        self.location = location
    }
}

/// A runtime-guard setting a law requires (see docs/overlays.md for the names).
public struct GuardEffect: Sendable, Hashable, Comparable {
    public var name: String
    public var value: Int

    public init(name: String, value: Int) {
        self.name = name
        self.value = value
    }

    public static func < (a: GuardEffect, b: GuardEffect) -> Bool { (a.name, a.value) < (b.name, b.value) }

    /// The effect names the guard configuration understands.
    public static let known = ["ai_disclosure_at_session_start", "ai_disclosure_interval_hours", "ai_disclosure_after_inactive_days",
                               "ai_disclosure_on_request", "crisis_referral_required", "break_reminder_interval_hours",
                               "no_ad_targeting_from_input", "block_sexual_content_for_minors"]
}

/// One duty or ban of an overlay.
public struct Obligation: Sendable {
    public enum Kind: String, Sendable, Hashable { case prohibition, obligation }

    public var id: String
    public var kind: Kind
    public var title: String
    public var source: Citation
    /// Overrides the law's effective date for this obligation.
    public var effective: Day?
    public var until: Day?
    /// Applies only when this holds too (within the overlay's scope).
    public var when: Predicate?
    /// For obligations: the control that satisfies it.
    public var control: String?
    public var message: String?
    public var remediation: String?
    public var guardEffects: [GuardEffect]
    public var examples: Examples
    public var location: SourceLocation

    public init(id: String, kind: Kind, title: String, source: Citation, effective: Day?, until: Day?, when: Predicate?,
                control: String?, message: String?, remediation: String?, guardEffects: [GuardEffect], examples: Examples, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.title = title
        self.source = source
        self.effective = effective
        self.until = until
        self.when = when
        self.control = control
        self.message = message
        self.remediation = remediation
        self.guardEffects = guardEffects
        self.examples = examples
        self.location = location
    }
}

/// A control an overlay obligation requires.
public struct OverlayControl: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String
    public var satisfiedBy: String

    public init(id: String, title: String, description: String, satisfiedBy: String) {
        self.id = id
        self.title = title
        self.description = description
        self.satisfiedBy = satisfiedBy
    }
}

/// Every overlay and overlay control, built once and passed in.
public struct OverlaySet: Sendable {
    public let overlays: [Overlay]
    public let controls: [OverlayControl]

    public init(overlays: [Overlay], controls: [OverlayControl]) {
        self.overlays = overlays.sorted { $0.id < $1.id }
        self.controls = controls.sorted { $0.id < $1.id }
    }

    public static let empty = OverlaySet(overlays: [], controls: [])

    public func control(_ id: String) -> OverlayControl? { controls.first { $0.id == id } }

    public var obligations: [Obligation] { overlays.flatMap(\.obligations) }
}
