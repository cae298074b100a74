/// How one mandatory control stands in a profile.
public struct ControlStatus: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        case satisfied, missing
        case noEvidence = "no-evidence"
        case evidenceNotFound = "evidence-not-found"
        case stale
    }
    public var controlId: String
    public var tier: Int
    public var title: String
    public var state: State
    public var evidence: [String]
    public var location: SourceLocation
}

/// Everything `classify` and `check` learn about one profile.
public struct ProfileReport: Sendable {
    public var profile: Profile
    public var classification: Classification
    public var tierName: String
    public var controls: [ControlStatus]
    public var findings: [Finding]
    /// Verdicts of the jurisdictions the profile's markets bring in (empty without overlays).
    public var jurisdictions: [JurisdictionVerdict] = []
    /// The Therapy Mode Safety Ledger scorecard (set by the guard wiring; nil when not evaluated).
    public var ledger: LedgerScore?
    /// The derived runtime guard configuration, summarised for reports (nil when not evaluated).
    public var guardSummary: [String]?
}

public enum Checker {
    /// Classifies the profile and checks it against its tier's controls and prohibitions as of `asOf`.
    public static func check(_ profile: Profile, catalog: Catalog, overlays: OverlaySet = .empty, asOf: Day) -> ProfileReport {
        let classification = Classifier.classify(profile, catalog: catalog)
        let tier = classification.tier
        var findings: [Finding] = []
        var statuses: [ControlStatus] = []

        for control in catalog.mandatoryControls(atTier: tier) {
            let (status, found) = evaluate(control, in: profile, tier: tier, asOf: asOf)
            statuses.append(status)
            findings += found
        }
        for p in catalog.prohibitions(atTier: tier) {
            let e = p.when.evaluate(profile, vocabulary: catalog.vocabulary)
            guard e.holds else { continue }
            let loc = e.reads.sorted().first?.location ?? profile.root
            let values = e.reads.map { "\($0.field): \($0.value)" }
            let detail = values.isEmpty ? "" : " (" + values.joined(separator: ", ") + ")"
            findings.append(Finding(kind: .prohibited, subject: p.id, severity: .error,
                                    message: "ASL-MH \(tier): \(p.message)\(detail)",
                                    remediation: p.remediation, location: loc))
        }
        if let o = profile.tierOverride {
            if o.tier.value < classification.computedTier {
                findings.append(Finding(
                    kind: .downwardOverride, subject: "tier", severity: .error,
                    message: "tier_override asks for ASL-MH \(o.tier.value), below the computed ASL-MH \(classification.computedTier); a tier can be raised by a reviewer, never lowered",
                    remediation: "Remove tier_override, or change the product so the rules place it lower (see `aslmh classify`).",
                    location: o.tier.location))
            } else if let by = classification.overriddenBy {
                let who = by.approver?.value ?? "an unnamed approver"
                findings.append(Finding(
                    kind: .tierOverride, subject: "tier", severity: .note,
                    message: "tier raised from ASL-MH \(classification.computedTier) to ASL-MH \(by.tier.value) by \(who): \(by.reason?.value ?? "no reason given")",
                    remediation: "None needed; the higher tier's controls apply.", location: by.tier.location))
            }
        }
        let (verdicts, legal) = JurisdictionEvaluator.evaluate(profile, overlays: overlays, vocabulary: catalog.vocabulary, asOf: asOf)
        findings += legal
        findings.sort(by: Finding.ordered)
        return ProfileReport(profile: profile, classification: classification,
                             tierName: catalog.tier(tier)?.name ?? "ASL-MH \(tier)",
                             controls: statuses, findings: findings, jurisdictions: verdicts)
    }

    /// Whether the profile satisfies a control, ignoring review dates: declared, with evidence
    /// that is a URL or an existing path, and an owner where one is required.
    public static func isSatisfied(_ control: ControlDefinition, by profile: Profile) -> Bool {
        guard let d = profile.control(control.id), !d.evidence.isEmpty else { return false }
        if d.evidence.contains(where: { $0.exists == false }) { return false }
        if control.requiresOwner && d.owner == nil { return false }
        return true
    }

    static func evaluate(_ control: ControlDefinition, in profile: Profile, tier: Int, asOf: Day) -> (ControlStatus, [Finding]) {
        let why = "ASL-MH \(tier) requires `\(control.id)` (\(control.title), from ASL-MH \(control.tier))"
        guard let d = profile.control(control.id) else {
            let loc = profile.location(ofKey: "controls")
            return (ControlStatus(controlId: control.id, tier: control.tier, title: control.title, state: .missing, evidence: [], location: loc),
                    [Finding(kind: .missingControl, subject: control.id, severity: control.severity,
                             message: "\(why) but the profile does not declare it",
                             remediation: "Declare `controls: \(control.id):` with evidence. Satisfied by: \(control.satisfiedBy)",
                             location: loc)])
        }
        var findings: [Finding] = []
        var state = ControlStatus.State.satisfied
        if d.evidence.isEmpty {
            state = .noEvidence
            findings.append(Finding(kind: .missingEvidence, subject: control.id, severity: control.severity,
                                    message: "\(why); it is declared without evidence, so it cannot be confirmed",
                                    remediation: "Add `evidence:` with a URL or a repository path showing: \(control.satisfiedBy)",
                                    location: d.id.location))
        }
        for e in d.evidence where e.exists == false {
            state = .evidenceNotFound
            findings.append(Finding(kind: .evidenceNotFound, subject: control.id, severity: control.severity,
                                    message: "evidence for `\(control.id)` names `\(e.reference.value)`, which does not exist relative to the profile's folder",
                                    remediation: "Fix the path, commit the evidence file, or use a URL.",
                                    location: e.reference.location))
        }
        if control.requiresOwner && d.owner == nil {
            findings.append(Finding(kind: .missingOwner, subject: control.id, severity: .warning,
                                    message: "`\(control.id)` needs an accountable owner",
                                    remediation: "Add `owner:` naming the person or team accountable for \(control.title.lowercased()).",
                                    location: d.id.location))
        }
        let cycle = d.reviewCycleDays.map { min($0.value, control.maxReviewAgeDays ?? $0.value) } ?? control.maxReviewAgeDays
        if let cycle {
            if let reviewed = d.reviewed {
                let age = reviewed.value.days(until: asOf)
                if age > cycle {
                    if state == .satisfied { state = .stale }
                    findings.append(Finding(kind: .staleReview, subject: control.id, severity: .warning,
                                            message: "`\(control.id)` was last reviewed on \(reviewed.value), \(age) days before \(asOf); its review cycle is \(cycle) days",
                                            remediation: "Review the control again and update `reviewed:` (due \(reviewed.value.adding(days: cycle))).",
                                            location: reviewed.location))
                }
            } else {
                findings.append(Finding(kind: .missingReviewDate, subject: control.id, severity: .warning,
                                        message: "`\(control.id)` has a \(cycle)-day review cycle but no `reviewed:` date",
                                        remediation: "Add `reviewed: YYYY-MM-DD` with the date of the last review.",
                                        location: d.id.location))
            }
        }
        let status = ControlStatus(controlId: control.id, tier: control.tier, title: control.title, state: state,
                                   evidence: d.evidence.map(\.reference.value), location: d.id.location)
        return (status, findings)
    }
}
