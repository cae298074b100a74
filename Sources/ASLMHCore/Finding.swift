/// A problem the checks found in a profile, with a stable id (for waivers, baselines and SARIF).
public struct Finding: Sendable, Hashable {
    /// Stable id, `<kind>/<subject>`, e.g. `missing-control/crisis_escalation`.
    public var id: String
    /// The catalogue item behind it (control, prohibition or rule id); the SARIF rule.
    public var ruleId: String
    public var kind: FindingKind
    public var severity: Severity
    public var message: String
    public var remediation: String
    public var location: SourceLocation

    public init(kind: FindingKind, subject: String, severity: Severity, message: String,
                remediation: String, location: SourceLocation) {
        self.id = "\(kind.rawValue)/\(subject)"
        self.ruleId = id
        self.kind = kind
        self.severity = severity
        self.message = message
        self.remediation = remediation
        self.location = location
    }

    /// Findings sort by location, then id: reports are stable.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        (a.location, a.id) < (b.location, b.id)
    }
}

public enum FindingKind: String, Sendable, Hashable, CaseIterable {
    case missingControl = "missing-control"
    case missingEvidence = "missing-evidence"
    case evidenceNotFound = "evidence-not-found"
    case missingOwner = "missing-owner"
    case staleReview = "stale-review"
    case missingReviewDate = "missing-review-date"
    case prohibited
    case downwardOverride = "downward-override"
    case tierOverride = "tier-override"
    case jurisdictionProhibited = "jurisdiction-prohibited"
    case jurisdictionObligation = "jurisdiction-obligation"
    case guardConfigWeaker = "guard-config-weaker"
    case guardConfigInvalid = "guard-config-invalid"

    /// What this kind of finding means, for SARIF rule help and `explain`.
    public var help: String {
        switch self {
        case .missingControl: "The tier makes this control mandatory and the profile does not declare it under `controls`."
        case .missingEvidence: "The control is declared without evidence. A control that cannot be confirmed counts as absent: add a URL or a repository path under `evidence`."
        case .evidenceNotFound: "The evidence names a repository path that does not exist relative to the profile's folder."
        case .missingOwner: "The control needs an accountable owner (a named person or team) under `owner`."
        case .staleReview: "The control's last review is older than its review cycle allows."
        case .missingReviewDate: "The control has a review cycle but the profile gives no `reviewed` date."
        case .prohibited: "The tier forbids this deployment. No waiver lifts a prohibition: change the product or its deployment."
        case .downwardOverride: "A tier override may only raise the tier; a lower tier than the computed one is refused and the computed tier stands."
        case .tierOverride: "A reviewer raised the tier above the computed one; the higher tier's controls apply."
        case .jurisdictionProhibited: "A law of a market the product ships to forbids it. No waiver lifts a legal prohibition: withdraw the product from that market or change what it does."
        case .jurisdictionObligation: "A law of a market the product ships to requires a control that the profile does not declare with evidence."
        case .guardConfigWeaker: "The guard configuration the product deploys (`guard_config`) is weaker than the one its tier and markets require (`aslmh guard-config` derives it)."
        case .guardConfigInvalid: "The guard configuration named by `guard_config` cannot be read, or the guard cannot honour it."
        }
    }
}
