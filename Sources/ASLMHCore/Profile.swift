/// A product profile (schema `aslmh/profile/v1`), with the location of every value read.
public struct Profile: Sendable, Hashable {
    /// The path the profile was read from, as given by the user (or `<stdin>`).
    public var path: String
    /// Where the document starts: findings about absent fields point here.
    public var root: SourceLocation
    public var schema: Located<String>?
    public var product: ProductIdentity
    public var intendedUse: Located<String>?
    public var audience: [Located<String>]
    public var settings: [Located<String>]
    public var capabilities: [Located<String>]
    public var autonomy: Located<String>?
    public var markets: [Located<String>]
    public var locales: [Located<String>]
    public var controls: [DeclaredControl]
    public var tierOverride: TierOverride?
    public var guardConfig: Located<String>?
    /// Where each top-level key was written (`"capabilities"` → its key's location).
    public var keyLocations: [String: SourceLocation]

    public init(
        path: String, root: SourceLocation, schema: Located<String>? = nil,
        product: ProductIdentity = ProductIdentity(), intendedUse: Located<String>? = nil,
        audience: [Located<String>] = [], settings: [Located<String>] = [],
        capabilities: [Located<String>] = [], autonomy: Located<String>? = nil,
        markets: [Located<String>] = [], locales: [Located<String>] = [],
        controls: [DeclaredControl] = [], tierOverride: TierOverride? = nil,
        guardConfig: Located<String>? = nil, keyLocations: [String: SourceLocation] = [:]
    ) {
        self.path = path
        self.root = root
        self.schema = schema
        self.product = product
        self.intendedUse = intendedUse
        self.audience = audience
        self.settings = settings
        self.capabilities = capabilities
        self.autonomy = autonomy
        self.markets = markets
        self.locales = locales
        self.controls = controls
        self.tierOverride = tierOverride
        self.guardConfig = guardConfig
        self.keyLocations = keyLocations
    }

    /// The location of a top-level key, or the document root when the key is absent.
    public func location(ofKey key: String) -> SourceLocation { keyLocations[key] ?? root }

    public func control(_ id: String) -> DeclaredControl? { controls.first { $0.id.value == id } }

    /// The product's display name for reports: its id, else its name, else the file path.
    public var displayName: String { product.id?.value ?? product.name?.value ?? path }
}

public struct ProductIdentity: Sendable, Hashable {
    public var id: Located<String>?
    public var name: Located<String>?
    public var version: Located<String>?
    public var team: Located<String>?
    public var contact: Located<String>?

    public init(id: Located<String>? = nil, name: Located<String>? = nil, version: Located<String>? = nil,
                team: Located<String>? = nil, contact: Located<String>? = nil) {
        self.id = id
        self.name = name
        self.version = version
        self.team = team
        self.contact = contact
    }
}

/// One piece of evidence: a URL, or a path in the product's repository.
public struct Evidence: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case url, path }
    public var reference: Located<String>
    public var kind: Kind
    /// For paths: whether the loader found the file (relative to the profile's folder). Nil when not checked.
    public var exists: Bool?

    public init(reference: Located<String>, kind: Kind, exists: Bool? = nil) {
        self.reference = reference
        self.kind = kind
        self.exists = exists
    }
}

/// A control as the profile declares it.
public struct DeclaredControl: Sendable, Hashable {
    public var id: Located<String>
    public var evidence: [Evidence]
    public var owner: Located<String>?
    public var reviewed: Located<Day>?
    public var reviewCycleDays: Located<Int>?
    public var notes: Located<String>?

    public init(id: Located<String>, evidence: [Evidence] = [], owner: Located<String>? = nil,
                reviewed: Located<Day>? = nil, reviewCycleDays: Located<Int>? = nil, notes: Located<String>? = nil) {
        self.id = id
        self.evidence = evidence
        self.owner = owner
        self.reviewed = reviewed
        self.reviewCycleDays = reviewCycleDays
        self.notes = notes
    }
}

/// A reviewer's decision to raise the tier. Never lowers it.
public struct TierOverride: Sendable, Hashable {
    public var tier: Located<Int>
    public var reason: Located<String>?
    public var approver: Located<String>?
    public var location: SourceLocation

    public init(tier: Located<Int>, reason: Located<String>?, approver: Located<String>?, location: SourceLocation) {
        self.tier = tier
        self.reason = reason
        self.approver = approver
        self.location = location
    }
}
