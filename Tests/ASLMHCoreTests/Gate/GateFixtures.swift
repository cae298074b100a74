import ASLMHCore
import ASLMHLoader
import Foundation
import Testing

/// Small in-memory profiles and governance files for the gate tests.
enum GateFixtures {
    static let asOf = Day("2026-11-25")!

    /// A passing tier-3 profile (evidence as URLs, so no file system is involved).
    static let tier3 = """
    schema: aslmh/profile/v1
    product: {id: calm-chat, name: Calm Chat, version: 1.0.0, team: Care, contact: care@calm.example}
    intended_use: Supportive conversation for adults.
    audience: [adults_only]
    settings: [consumer]
    capabilities: [conversational_support, crisis_connection]
    autonomy: none
    controls:
      ai_ethics_guidelines: {evidence: https://calm.example/ethics}
      medical_disclaimer: {evidence: https://calm.example/disclaimer}
      expert_review: {evidence: https://calm.example/review, owner: Board, reviewed: 2026-06-01}
      no_personalised_advice: {evidence: https://calm.example/scope}
      human_oversight: {evidence: https://calm.example/oversight, owner: Desk, reviewed: 2026-10-20}
      crisis_detection: {evidence: https://calm.example/detect, reviewed: 2026-11-03}
      crisis_escalation: {evidence: https://calm.example/escalate, owner: Counsellors, reviewed: 2026-10-20}
      scope_disclosure: {evidence: https://calm.example/not-therapy}
    """

    static func profile(_ text: String, path: String = "p/calm-chat.yaml") throws -> Profile {
        switch ProfileLoader(catalog: Fixtures.catalog).load(text: text, path: path, baseDirectory: nil) {
        case .success(let p): return p
        case .failure(let e):
            Issue.record("fixture does not load: \(e.all.map { "\($0.location): \($0.message)" })")
            throw e
        }
    }

    static func report(_ text: String, path: String = "p/calm-chat.yaml") throws -> ProfileReport {
        Checker.check(try profile(text, path: path), catalog: Fixtures.catalog, asOf: asOf)
    }

    static func run(_ texts: [(String, String)]) throws -> RunResult {
        let entries = try texts.map { RunResult.Entry.report(try report($0.1, path: $0.0)) }
        return RunResult(command: .check, catalogVersion: Fixtures.catalog.version, asOf: asOf, failOn: .error, entries: entries)
    }

    static func approve(_ text: String, catalogVersion: String? = nil) throws -> ApprovalBook {
        ApprovalBook([Approval.of(try report(text), catalogVersion: catalogVersion ?? Fixtures.catalog.version,
                                  reviewer: "R. Viewer", note: "ok", date: asOf)])
    }

    static func gate(_ text: String, approvals: ApprovalBook = ApprovalBook(), waivers: [Waiver] = [], baseline: Baseline? = nil) throws -> GateEntry {
        let result = Gate(approvals: approvals, waivers: waivers, baseline: baseline).evaluate(try run([("p/calm-chat.yaml", text)]))
        return result.entries[0]
    }

    /// Replaces the first occurrence of `a` with `b` (fixtures are edited like a user edits a file).
    static func edit(_ text: String, _ a: String, _ b: String) -> String {
        guard let r = text.range(of: a) else { Issue.record("`\(a)` not in fixture"); return text }
        return text.replacingCharacters(in: r, with: b)
    }

    static func waiver(_ product: String, _ finding: String, granted: String = "2026-11-01", expires: String = "2027-01-15") -> Waiver {
        Waiver(productId: product, findingId: finding, justification: "compensating control in place", approver: "A. Prover",
               granted: Day(granted)!, expires: Day(expires)!, location: SourceLocation(path: "w.yaml", line: 7, column: 5))
    }
}
