import ASLMHCore
import ASLMHGuard
import Foundation

extension Wiring {
    /// Adds the derived guard summary, the ledger scorecard and, when the profile names the guard
    /// configuration it deploys, an error finding for every place where it is weaker than the derived one.
    public func enrich(_ report: inout ProfileReport, baseDirectory: String) {
        let derived: GuardConfiguration
        do {
            derived = try deriver.derive(report, provenance: false)
        } catch {
            report.findings.append(Finding(kind: .guardConfigInvalid, subject: "derived", severity: .error,
                                           message: "cannot derive the guard configuration: \(error)",
                                           remediation: "Fix tiers/guard.yaml (or the organisation's catalogue).", location: report.profile.root))
            return
        }
        report.guardSummary = Self.summary(derived)
        report.ledger = ledgerScore(report, configuration: derived)
        guard let ref = report.profile.guardConfig else { return }
        let path = ref.value.hasPrefix("/") ? ref.value : baseDirectory + "/" + ref.value
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            report.findings.append(Finding(kind: .guardConfigInvalid, subject: "unreadable", severity: .error,
                                           message: "`guard_config` names `\(ref.value)`, which cannot be read relative to the profile's folder",
                                           remediation: "Commit the deployed configuration, or write it with `aslmh guard-config \(report.profile.path) -o \(ref.value)`.",
                                           location: ref.location))
            return
        }
        let deployed: GuardConfiguration
        do {
            deployed = try GuardConfiguration.decode(json: text)
            try deployed.validate(environment: GuardEnvironment(isResearch: deployed.environment?.researchOnly == true))
        } catch {
            report.findings.append(Finding(kind: .guardConfigInvalid, subject: "invalid", severity: .error,
                                           message: "the deployed guard configuration `\(ref.value)` is invalid: \(error)",
                                           remediation: "Regenerate it with `aslmh guard-config`, or fix the named key.", location: ref.location))
            return
        }
        for w in GuardComparison.weaknesses(deployed: deployed, derived: derived) {
            report.findings.append(Finding(kind: .guardConfigWeaker, subject: w.subject, severity: .error,
                                           message: "the deployed guard configuration `\(ref.value)` is weaker than ASL-MH \(report.classification.tier) requires: \(w.message)",
                                           remediation: "Bring `\(w.subject)` up to the derived configuration (`aslmh guard-config \(report.profile.path)`).",
                                           location: ref.location))
        }
    }

    /// A few lines a reviewer reads: what the derived guard does for this product.
    static func summary(_ c: GuardConfiguration) -> [String] {
        var lines: [String] = []
        let off = (GuardCategory.userCategories + GuardCategory.outputCategories).filter { !c.isEnabled($0) }.map(\.rawValue)
        lines.append("detectors: all on" + (off.isEmpty ? "" : " except " + off.joined(separator: ", ")))
        lines.append("critical user turns: " + c.actions.user.critical.map(\.rawValue).joined(separator: ", "))
        lines.append("high assistant outputs: " + c.actions.assistant.high.map(\.rawValue).joined(separator: ", "))
        lines.append("session: critical latch \(c.session.criticalLatch ? "on" : "off"), window \(c.session.escalationWindow) turns"
            + (c.session.notifyHumanAfterHighTurns.map { ", human notified after \($0) high turns" } ?? ""))
        lines.append("crisis resources: " + (c.crisisResources ?? []).map { "\($0.name) (\($0.country))" }.joined(separator: "; "))
        if let d = c.deployment {
            if let t = d.escalationTeam { lines.append("escalation team: \(t)") }
            if let m = d.maxSessionMinutes { lines.append("session limits: \(m) minutes, \(d.maxSessionsPerDay.map(String.init) ?? "no") sessions a day") }
            if d.clinicianReviewBeforeDelivery { lines.append("clinician review before therapeutic plans are delivered") }
            var notices: [String] = []
            if d.aiDisclosureAtSessionStart { notices.append("at session start") }
            if let h = d.aiDisclosureIntervalHours { notices.append("every \(h) h") }
            if let days = d.aiDisclosureAfterInactiveDays { notices.append("after \(days) days away") }
            if d.aiDisclosureOnRequest { notices.append("on request") }
            if !notices.isEmpty { lines.append("AI notices: " + notices.joined(separator: ", ")) }
            if let b = d.breakReminderIntervalHours { lines.append("break reminders every \(b) h (minors)") }
            if d.blockSexualContentForMinors { lines.append("sexual content blocked for minors") }
            if d.noAdTargetingFromInput { lines.append("no ad targeting from user input") }
        }
        if c.environment?.researchOnly == true { lines.append("research environments only: the guard refuses to run elsewhere") }
        return lines
    }
}
