/// A control as it was declared when the profile was approved.
public struct ApprovedControl: Sendable, Hashable {
    public var evidence: [String]
    public var owner: String?
    public var reviewed: Day?
    public var reviewCycleDays: Int?

    public init(evidence: [String] = [], owner: String? = nil, reviewed: Day? = nil, reviewCycleDays: Int? = nil) {
        self.evidence = evidence.sorted()
        self.owner = owner
        self.reviewed = reviewed
        self.reviewCycleDays = reviewCycleDays
    }

    public init(_ c: DeclaredControl) {
        self.init(evidence: c.evidence.map(\.reference.value), owner: c.owner?.value,
                  reviewed: c.reviewed?.value, reviewCycleDays: c.reviewCycleDays?.value)
    }

    var json: JSON {
        .object(["evidence": .array(evidence.map(JSON.string)), "owner": .from(owner),
                 "reviewed": .from(reviewed?.description), "reviewCycleDays": reviewCycleDays.map(JSON.int) ?? .null])
    }
}

/// What the reviewer saw: enough of the profile to say what changed since.
public struct ApprovedDeclaration: Sendable, Hashable {
    public var audience: [String]
    public var settings: [String]
    public var capabilities: [String]
    public var autonomy: String?
    public var markets: [String]
    public var locales: [String]
    public var tierOverride: Int?
    public var controls: [String: ApprovedControl]

    public init(audience: [String] = [], settings: [String] = [], capabilities: [String] = [], autonomy: String? = nil,
                markets: [String] = [], locales: [String] = [], tierOverride: Int? = nil, controls: [String: ApprovedControl] = [:]) {
        self.audience = audience.sorted()
        self.settings = settings.sorted()
        self.capabilities = capabilities.sorted()
        self.autonomy = autonomy
        self.markets = markets.sorted()
        self.locales = locales.sorted()
        self.tierOverride = tierOverride
        self.controls = controls
    }

    public init(_ p: Profile) {
        var controls: [String: ApprovedControl] = [:]
        for c in p.controls { controls[c.id.value] = ApprovedControl(c) }
        self.init(audience: p.audience.map(\.value), settings: p.settings.map(\.value), capabilities: p.capabilities.map(\.value),
                  autonomy: p.autonomy?.value, markets: p.markets.map(\.value), locales: p.locales.map(\.value),
                  tierOverride: p.tierOverride?.tier.value, controls: controls)
    }
}

/// A reviewer's approval of one product: bound to the canonical profile's SHA-256, the tier and
/// the catalogue version. Any change to them makes the approval stale.
public struct Approval: Sendable, Hashable {
    public var productId: String
    public var reviewer: String
    public var date: Day
    public var note: String
    public var tier: Int
    public var catalogVersion: String
    public var profileSHA256: String
    /// The product version approved, for the record (not part of the binding).
    public var productVersion: String?
    /// Finding ids present when the reviewer approved (recorded, not lifted: only waivers lift).
    public var acceptedFindings: [String]
    public var declared: ApprovedDeclaration
    /// Where the entry is written in the approvals file (nil when built in memory).
    public var location: SourceLocation?

    public init(productId: String, reviewer: String, date: Day, note: String, tier: Int, catalogVersion: String,
                profileSHA256: String, productVersion: String?, acceptedFindings: [String], declared: ApprovedDeclaration,
                location: SourceLocation? = nil) {
        self.productId = productId
        self.reviewer = reviewer
        self.date = date
        self.note = note
        self.tier = tier
        self.catalogVersion = catalogVersion
        self.profileSHA256 = profileSHA256
        self.productVersion = productVersion
        self.acceptedFindings = acceptedFindings.sorted()
        self.declared = declared
        self.location = location
    }

    /// The approval of a checked profile, as `aslmh approve` records it.
    public static func of(_ report: ProfileReport, catalogVersion: String, reviewer: String, note: String, date: Day) -> Approval {
        let p = report.profile
        return Approval(productId: p.product.id?.value ?? p.displayName, reviewer: reviewer, date: date, note: note,
                        tier: report.classification.tier, catalogVersion: catalogVersion,
                        profileSHA256: CanonicalProfile.digest(p), productVersion: p.product.version?.value,
                        acceptedFindings: Array(Set(report.findings.map(\.id))), declared: ApprovedDeclaration(p))
    }
}

/// The approvals file: one approval per product id.
public struct ApprovalBook: Sendable, Hashable {
    public static let schemaID = "aslmh/approvals/v1"
    public var approvals: [String: Approval]

    public init(_ approvals: [Approval] = []) {
        var byId: [String: Approval] = [:]
        for a in approvals { byId[a.productId] = a }
        self.approvals = byId
    }

    /// Adds the approval, or replaces the product's previous one.
    public mutating func record(_ a: Approval) { approvals[a.productId] = a }

    public subscript(productId: String) -> Approval? { approvals[productId] }
}
