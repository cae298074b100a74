/// A time-limited, justified exception for one finding of one product.
public struct Waiver: Sendable, Hashable {
    public var productId: String
    public var findingId: String
    public var justification: String
    public var approver: String
    public var granted: Day
    public var expires: Day
    /// Where the waiver is written (the list item's first key): expired-waiver findings point here.
    public var location: SourceLocation

    public init(productId: String, findingId: String, justification: String, approver: String,
                granted: Day, expires: Day, location: SourceLocation) {
        self.productId = productId
        self.findingId = findingId
        self.justification = justification
        self.approver = approver
        self.granted = granted
        self.expires = expires
        self.location = location
    }

    /// A waiver lifts its finding up to and including its expiry day.
    public func isActive(on day: Day) -> Bool { day <= expires }

    /// Findings nothing can lift: tier prohibitions and jurisdiction bans.
    public static func isUnwaivable(_ findingId: String) -> Bool {
        findingId.hasPrefix("prohibited/") || findingId.hasPrefix("jurisdiction-prohibited/")
    }

    public static func isUnwaivable(_ f: Finding) -> Bool { f.kind == .prohibited || isUnwaivable(f.id) }
}

/// The finding keys recorded by `--write-baseline`: only findings not in it block.
public struct Baseline: Sendable, Hashable {
    public static let schemaID = "aslmh/baseline/v1"
    /// Product id → finding ids.
    public var findings: [String: Set<String>]

    public init(_ findings: [String: Set<String>] = [:]) { self.findings = findings }

    public func contains(product: String, finding: String) -> Bool { findings[product]?.contains(finding) ?? false }

    /// The baseline of a gate result: every liftable finding of every readable profile.
    public static func of(_ result: GateResult) -> Baseline {
        var out: [String: Set<String>] = [:]
        for e in result.entries {
            guard let id = e.productId else { continue }
            for item in e.items where item.source == .check && !Waiver.isUnwaivable(item.id) {
                out[id, default: []].insert(item.id)
            }
        }
        return Baseline(out)
    }
}
