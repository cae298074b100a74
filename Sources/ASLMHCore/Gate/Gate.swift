/// The release gate: applies approvals, waivers and a baseline to checked profiles. Pure.
public struct Gate: Sendable {
    public var policy: GatePolicy
    public var approvals: ApprovalBook
    public var waivers: [Waiver]
    public var baseline: Baseline?
    public var inputs: GateInputs

    public init(policy: GatePolicy = GatePolicy(), approvals: ApprovalBook = ApprovalBook(), waivers: [Waiver] = [],
                baseline: Baseline? = nil, inputs: GateInputs = GateInputs()) {
        self.policy = policy
        self.approvals = approvals
        self.waivers = waivers
        self.baseline = baseline
        self.inputs = inputs
    }

    /// Gates a `check` run.
    public func evaluate(_ run: RunResult) -> GateResult {
        GateResult(asOf: run.asOf, catalogVersion: run.catalogVersion, policy: policy, inputs: inputs,
                   entries: run.entries.map { evaluate($0, catalogVersion: run.catalogVersion, asOf: run.asOf) })
    }

    public func evaluate(_ entry: RunResult.Entry, catalogVersion: String, asOf: Day) -> GateEntry {
        switch entry {
        case .failure(let path, let errors):
            return GateEntry(path: path, report: nil, inputErrors: errors, approval: .notRequired, items: [], unusedWaivers: [])
        case .report(let r):
            return evaluate(r, catalogVersion: catalogVersion, asOf: asOf)
        }
    }

    public func evaluate(_ r: ProfileReport, catalogVersion: String, asOf: Day) -> GateEntry {
        let product = r.profile.product.id?.value ?? r.profile.displayName
        let mine = waivers.filter { $0.productId == product }
        var used = Set<Waiver>()
        var items: [GateItem] = []
        for f in r.findings {
            var item = GateItem(id: f.id, kind: f.kind.rawValue, severity: f.severity, message: f.message,
                                remediation: f.remediation, location: f.location, source: .check,
                                disposition: f.severity >= policy.failOn ? .blocking : .nonBlocking)
            let unwaivable = Waiver.isUnwaivable(f)
            if !unwaivable, let w = mine.first(where: { $0.findingId == f.id }) {
                used.insert(w)
                item.waiver = w
                if w.isActive(on: asOf) {
                    item.disposition = .waived
                } else {
                    items.append(GateFindings.expired(w, asOf: asOf))
                }
            }
            if item.disposition == .blocking, !unwaivable, baseline?.contains(product: product, finding: f.id) == true {
                item.disposition = .baselined
            }
            items.append(item)
        }
        // An expired waiver blocks even when its finding is gone: the file must be cleaned up.
        for w in mine where !used.contains(w) && !w.isActive(on: asOf) && !Waiver.isUnwaivable(w.findingId) {
            used.insert(w)
            items.append(GateFindings.expired(w, asOf: asOf))
        }
        let approval = approvalState(r, product: product, catalogVersion: catalogVersion)
        switch approval {
        case .missing: items.append(GateFindings.unapproved(r, policy: policy))
        case .stale(let a, let changes): items.append(GateFindings.stale(r, a, changes: changes))
        default: break
        }
        items.sort(by: GateItem.ordered)
        return GateEntry(path: r.profile.path, report: r, inputErrors: [], approval: approval, items: items,
                         unusedWaivers: mine.filter { !used.contains($0) }.sorted { $0.location < $1.location })
    }

    func approvalState(_ r: ProfileReport, product: String, catalogVersion: String) -> ApprovalState {
        let tier = r.classification.tier
        guard let a = approvals[product] else { return tier >= policy.minApprovalTier ? .missing : .notRequired }
        let digest = CanonicalProfile.digest(r.profile)
        if a.profileSHA256 == digest && a.tier == tier && a.catalogVersion == catalogVersion { return .current(a) }
        let changes = ApprovalDiff.changes(a, now: r, catalogVersion: catalogVersion)
        // A recorded approval that no longer matches blocks at any tier: it vouches for something else.
        return .stale(a, changes: changes)
    }
}
