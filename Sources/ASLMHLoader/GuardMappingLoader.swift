import ASLMHCore
import Yams

/// Reads `tiers/guard.yaml` (schema `aslmh/guard-mapping/v1`) strictly, with locations.
public enum GuardMappingLoader {
    public static let schema = "aslmh/guard-mapping/v1"

    public static func embedded() -> Result<GuardMapping, InputErrors> {
        guard let file = EmbeddedData.files.first(where: { $0.path == "tiers/guard.yaml" }) else {
            return .failure(InputErrors([InputError(code: "not-found", message: "tiers/guard.yaml is not embedded", location: SourceLocation(path: "tiers/guard.yaml", line: 1, column: 1))]))
        }
        return load(text: file.text, path: file.path)
    }

    static let tierKeys = ["tier", "why", "detectors_off", "actions", "session", "escalate_to_team", "clinician_review_before_delivery", "research_only", "limits"]

    public static func load(text: String, path: String) -> Result<GuardMapping, InputErrors> {
        let node: Node
        switch YAMLDocument.compose(text, path: path, limits: YAMLLimits(maxBytes: 1 << 20)) {
        case .failure(let e): return .failure(InputErrors([e]))
        case .success(nil): return .failure(InputErrors([InputError(code: "empty", message: "empty guard mapping", location: SourceLocation(path: path, line: 1, column: 1))]))
        case .success(let n?): node = n
        }
        let base = CatalogReader(path: path)
        let r = base.reader
        guard let top = r.mapping(node, context: "the guard mapping", allowed: ["schema", "tiers"], required: ["schema", "tiers"]) else {
            return .failure(InputErrors(r.errors))
        }
        if let s = top["schema"].flatMap({ r.string($0.value, field: "schema") }), s.value != schema {
            r.fail("unknown-schema", "unsupported guard mapping schema `\(s.value)`", suggestion: "Use `schema: \(schema)`.", at: s.location)
        }
        var tiers: [GuardMapping.Tier] = []
        for item in base.list(top["tiers"], field: "tiers") {
            guard let m = r.mapping(item, context: "a tier's guard settings", allowed: tierKeys, required: ["tier", "why", "detectors_off", "actions", "session"]),
                  let tier = m["tier"].flatMap({ r.int($0.value, field: "tier", range: 1...99) }),
                  let why = m["why"].flatMap({ r.string($0.value, field: "why") }),
                  let sessionEntry = m["session"],
                  let session = r.mapping(sessionEntry.value, context: "`session`", allowed: ["escalation_window", "notify_human_after_high_turns"], required: ["escalation_window"]),
                  let window = session["escalation_window"].flatMap({ r.int($0.value, field: "escalation_window", range: 1...100) }),
                  let actionsEntry = m["actions"],
                  let roles = r.mapping(actionsEntry.value, context: "`actions`", allowed: ["user", "assistant"], required: ["user", "assistant"]) else { continue }
            var actions: [String: [String: [Located<String>]]] = [:]
            for (role, e) in roles {
                guard let levels = r.mapping(e.value, context: "`actions.\(role)`", allowed: ["critical", "high", "medium", "low", "none"],
                                             required: ["critical", "high", "medium", "low", "none"]) else { continue }
                for (level, l) in levels { actions[role, default: [:]][level] = r.names(l.value, field: "actions.\(role).\(level)", vocabulary: nil) }
            }
            var limits: [String: NodeReader.Entry] = [:]
            if let l = m["limits"] {
                limits = r.mapping(l.value, context: "`limits`", allowed: ["max_session_minutes", "max_sessions_per_day"], required: []) ?? [:]
            }
            func flag(_ key: String) -> Bool { m[key].flatMap { r.bool($0.value, field: key) }?.value ?? false }
            tiers.append(GuardMapping.Tier(
                tier: tier.value, why: why.value,
                detectorsOff: m["detectors_off"].map { r.names($0.value, field: "detectors_off", vocabulary: nil) } ?? [],
                actions: actions, escalationWindow: window.value,
                notifyHumanAfterHighTurns: session["notify_human_after_high_turns"].flatMap { r.int($0.value, field: "notify_human_after_high_turns", range: 1...100) }?.value,
                escalateToTeam: flag("escalate_to_team"), clinicianReviewBeforeDelivery: flag("clinician_review_before_delivery"),
                researchOnly: flag("research_only"),
                maxSessionMinutes: limits["max_session_minutes"].flatMap { r.int($0.value, field: "max_session_minutes", range: 1...1440) }?.value,
                maxSessionsPerDay: limits["max_sessions_per_day"].flatMap { r.int($0.value, field: "max_sessions_per_day", range: 1...1000) }?.value,
                location: r.location(item)))
        }
        if !r.errors.isEmpty { return .failure(InputErrors(r.errors)) }
        return .success(GuardMapping(tiers: tiers))
    }
}
