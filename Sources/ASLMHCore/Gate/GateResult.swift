/// What the gate is asked to enforce.
public struct GatePolicy: Sendable, Hashable {
    /// The lowest finding severity that blocks.
    public var failOn: Severity
    /// Profiles at or above this tier need a current approval.
    public var minApprovalTier: Int

    public init(failOn: Severity = .error, minApprovalTier: Int = 3) {
        self.failOn = failOn
        self.minApprovalTier = minApprovalTier
    }
}

/// The governance files a gate run used (paths as given, for the record).
public struct GateInputs: Sendable, Hashable {
    public var approvals: String?
    public var waivers: String?
    public var baseline: String?

    public init(approvals: String? = nil, waivers: String? = nil, baseline: String? = nil) {
        self.approvals = approvals
        self.waivers = waivers
        self.baseline = baseline
    }
}

/// How a finding stands at the gate.
public enum Disposition: String, Sendable, Hashable {
    /// Counts against the release.
    case blocking
    /// Lifted by an active waiver (still shown, with the expiry).
    case waived
    /// Present in the baseline: not new, so it does not block.
    case baselined
    /// Below `--fail-on`: reported, never blocks.
    case nonBlocking = "non-blocking"
}

/// One thing the gate reports about a product: a check finding or a gate finding.
public struct GateItem: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable { case check, gate }

    public var id: String
    public var kind: String
    public var severity: Severity
    public var message: String
    public var remediation: String
    public var location: SourceLocation
    public var source: Source
    public var disposition: Disposition
    /// The waiver that applies (active when waived; expired when it no longer lifts the finding).
    public var waiver: Waiver?

    public init(id: String, kind: String, severity: Severity, message: String, remediation: String, location: SourceLocation,
                source: Source, disposition: Disposition, waiver: Waiver? = nil) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.message = message
        self.remediation = remediation
        self.location = location
        self.source = source
        self.disposition = disposition
        self.waiver = waiver
    }

    static func ordered(_ a: GateItem, _ b: GateItem) -> Bool { (a.location, a.id) < (b.location, b.id) }
}

/// Whether the product's approval holds.
public enum ApprovalState: Sendable, Hashable {
    /// Below the approval tier and never approved.
    case notRequired
    /// Needed and absent.
    case missing
    case current(Approval)
    case stale(Approval, changes: [String])

    public var name: String {
        switch self {
        case .notRequired: "not-required"
        case .missing: "missing"
        case .current: "current"
        case .stale: "stale"
        }
    }

    public var approval: Approval? {
        switch self {
        case .current(let a), .stale(let a, _): a
        default: nil
        }
    }
}

public enum GateDecision: String, Sendable, Hashable {
    case ship, blocked, error
}

/// The gate's verdict on one input file.
public struct GateEntry: Sendable {
    public var path: String
    /// The checked profile, or nil when it could not be read.
    public var report: ProfileReport?
    public var inputErrors: [InputError]
    public var approval: ApprovalState
    public var items: [GateItem]
    /// Waivers for this product that no finding used (reported so they can be removed).
    public var unusedWaivers: [Waiver]

    public var productId: String? { report?.profile.product.id?.value }

    public var decision: GateDecision {
        if report == nil || !inputErrors.isEmpty { return .error }
        return reasons.isEmpty ? .ship : .blocked
    }

    /// Every reason the product is blocked, in words.
    public var reasons: [String] {
        var out: [String] = []
        switch approval {
        case .missing:
            out.append("unapproved: ASL-MH \(report?.classification.tier ?? 0) needs a reviewer's approval (`aslmh approve`)")
        case .stale(_, let changes):
            out.append("approval stale: " + changes.joined(separator: "; "))
        default: break
        }
        for i in items where i.disposition == .blocking && i.kind != GateFindings.approvalKind {
            out.append("\(i.id) at \(i.location): \(i.message)")
        }
        return out
    }

    public func count(_ d: Disposition) -> Int { items.filter { $0.disposition == d }.count }
}

/// A whole gate run: the decision, every product's reasons, and the digest of its canonical JSON.
public struct GateResult: Sendable {
    public var asOf: Day
    public var catalogVersion: String
    public var policy: GatePolicy
    public var inputs: GateInputs
    public var entries: [GateEntry]

    public init(asOf: Day, catalogVersion: String, policy: GatePolicy, inputs: GateInputs, entries: [GateEntry]) {
        self.asOf = asOf
        self.catalogVersion = catalogVersion
        self.policy = policy
        self.inputs = inputs
        self.entries = entries.sorted { $0.path < $1.path }
    }

    public var decision: GateDecision {
        if entries.contains(where: { $0.decision == .error }) { return .error }
        return entries.contains(where: { $0.decision == .blocked }) ? .blocked : .ship
    }

    /// 0 ship, 1 blocked, 2 an input error.
    public var exitCode: Int32 {
        switch decision {
        case .ship: 0
        case .blocked: 1
        case .error: 2
        }
    }

    public func count(_ d: GateDecision) -> Int { entries.filter { $0.decision == d }.count }
}
