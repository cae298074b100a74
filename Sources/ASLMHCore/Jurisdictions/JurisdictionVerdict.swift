/// How one jurisdiction's law stands for a profile.
public struct JurisdictionVerdict: Sendable {
    public struct ObligationResult: Sendable {
        public enum Status: String, Sendable {
            /// Obligation satisfied by a control with evidence.
            case met
            /// Obligation whose control is missing or unevidenced.
            case missing
            /// Prohibition that the profile triggers.
            case prohibited
            /// Prohibition that does not apply to this profile.
            case clear
            /// The obligation's own condition does not hold for this profile.
            case notApplicable = "not-applicable"
            case notYetInForce = "not-yet-in-force"
            case noLongerInForce = "no-longer-in-force"
        }

        public var id: String
        public var kind: Obligation.Kind
        public var title: String
        public var status: Status
        public var effective: Day
        public var source: Citation
        public var control: String?
        public var guardEffects: [GuardEffect]
    }

    public var overlayId: String
    public var name: String
    public var law: Overlay.Law
    public var verified: Day
    /// The profile market that brought the overlay in.
    public var market: Located<String>
    public var inForce: Bool
    public var inScope: Bool
    /// Why it is in scope (values read), or why not.
    public var scopeReads: [FieldRead]
    public var scopeUnmet: [String]
    public var obligations: [ObligationResult]

    /// Guard effects of the obligations in force that apply to the product.
    public var guardEffects: [GuardEffect] {
        obligations.filter { $0.status == .met || $0.status == .missing }.flatMap(\.guardEffects)
    }
}

public enum JurisdictionEvaluator {
    /// The verdict of every overlay one of the profile's markets brings in, and the findings.
    public static func evaluate(_ profile: Profile, overlays: OverlaySet, vocabulary: Vocabulary, asOf: Day) -> ([JurisdictionVerdict], [Finding]) {
        var verdicts: [JurisdictionVerdict] = []
        var findings: [Finding] = []
        for overlay in overlays.overlays {
            guard let market = profile.markets.first(where: { overlay.markets.contains($0.value) }) else { continue }
            let scope = overlay.scope.evaluate(profile, vocabulary: vocabulary)
            let inForce = asOf >= overlay.law.effective
            var results: [JurisdictionVerdict.ObligationResult] = []
            for o in overlay.obligations {
                let effective = o.effective ?? overlay.law.effective
                var status: JurisdictionVerdict.ObligationResult.Status
                let applies = scope.holds ? o.when.map { $0.evaluate(profile, vocabulary: vocabulary) } : nil
                if asOf < effective {
                    status = .notYetInForce
                } else if let until = o.until, asOf > until {
                    status = .noLongerInForce
                } else if !scope.holds || applies?.holds == false {
                    status = o.kind == .prohibition ? .clear : .notApplicable
                } else if o.kind == .prohibition {
                    status = .prohibited
                    let reads = (scope.reads + (applies?.reads ?? [])).sorted()
                    let why = reads.map { "\($0.field): \($0.value)" }
                    findings.append(Finding(
                        kind: .jurisdictionProhibited, subject: o.id, severity: .error,
                        message: "prohibited in \(overlay.name) (market `\(market.value)`) by \(o.source.document): \(o.message ?? o.title)"
                            + (why.isEmpty ? "" : " (" + Array(Set(why)).sorted().joined(separator: ", ") + ")"),
                        remediation: o.remediation ?? "Withdraw the product from \(overlay.name) or change what it does.",
                        location: market.location))
                } else if let control = o.control, let declared = profile.control(control),
                          !declared.evidence.isEmpty, !declared.evidence.contains(where: { $0.exists == false }) {
                    status = .met
                } else {
                    status = .missing
                    let control = o.control ?? "?"
                    let loc = profile.control(control)?.id.location ?? profile.location(ofKey: "controls")
                    let what = overlays.control(control)
                    findings.append(Finding(
                        kind: .jurisdictionObligation, subject: o.id, severity: .error,
                        message: "\(overlay.name) (market `\(market.value)`, \(o.source.document)) requires \(o.title.prefix(1).lowercased() + o.title.dropFirst()); control `\(control)` is not declared with evidence",
                        remediation: "Declare `controls: \(control):` with evidence." + (what.map { " Satisfied by: \($0.satisfiedBy)" } ?? ""),
                        location: loc))
                }
                results.append(.init(id: o.id, kind: o.kind, title: o.title, status: status, effective: effective,
                                     source: o.source, control: o.control, guardEffects: o.guardEffects))
            }
            verdicts.append(JurisdictionVerdict(overlayId: overlay.id, name: overlay.name, law: overlay.law, verified: overlay.verified,
                                                market: market, inForce: inForce, inScope: scope.holds,
                                                scopeReads: scope.reads.sorted(), scopeUnmet: scope.unmet, obligations: results))
        }
        return (verdicts, findings)
    }
}
