import ASLMHCore
import ASLMHLoader
import Testing

@Suite("Gate: approvals bound to the canonical profile")
struct ApprovalTests {
    typealias F = GateFixtures

    @Test func unchangedProfilePasses() throws {
        let e = try F.gate(F.tier3, approvals: F.approve(F.tier3))
        #expect(e.approval.name == "current")
        #expect(e.decision == .ship)
        #expect(e.reasons.isEmpty)
    }

    @Test func unapprovedTier3Blocks() throws {
        let e = try F.gate(F.tier3)
        #expect(e.approval == .missing)
        #expect(e.decision == .blocked)
        #expect(e.items.contains { $0.id == "approval/missing" && $0.location.line == 2 })
        #expect(e.reasons.first?.hasPrefix("unapproved: ASL-MH 3") == true)
    }

    @Test func minimumApprovalTierIsAFlag() throws {
        let run = try F.run([("p/calm-chat.yaml", F.tier3)])
        let result = Gate(policy: GatePolicy(minApprovalTier: 4)).evaluate(run)
        #expect(result.entries[0].approval == .notRequired)
        #expect(result.decision == .ship)
    }

    @Test func commentsWhitespaceAndOrderDoNotChangeTheDigest() throws {
        let reordered = "# a comment\n" + F.edit(F.edit(F.tier3, "[conversational_support, crisis_connection]", "[crisis_connection,   conversational_support]  # both"),
                                                "  ai_ethics_guidelines: {evidence: https://calm.example/ethics}\n", "") + "\n" + "  ai_ethics_guidelines:\n    evidence: https://calm.example/ethics\n"
        #expect(try CanonicalProfile.digest(F.profile(reordered)) == CanonicalProfile.digest(F.profile(F.tier3)))
        #expect(try F.gate(reordered, approvals: F.approve(F.tier3)).decision == .ship)
    }

    @Test func addingACapabilityBlocksAndSaysWhat() throws {
        let changed = F.edit(F.tier3, "[conversational_support, crisis_connection]", "[conversational_support, crisis_connection, diagnosis_suggestion]")
        let e = try F.gate(changed, approvals: F.approve(F.tier3))
        guard case .stale(_, let changes) = e.approval else { Issue.record("approval should be stale"); return }
        #expect(changes.contains("capability `diagnosis_suggestion` added"))
        #expect(changes.contains("tier 3 → 4"))
        #expect(e.decision == .blocked)
        #expect(e.reasons.contains { $0.hasPrefix("approval stale: ") && $0.contains("capability `diagnosis_suggestion` added") })
    }

    @Test func tierChangeFromAnOverrideIsShown() throws {
        let raised = F.tier3 + "\ntier_override: {tier: 4, reason: cautious, approver: Board}\n"
        let e = try F.gate(raised, approvals: F.approve(F.tier3))
        guard case .stale(_, let changes) = e.approval else { Issue.record("approval should be stale"); return }
        #expect(changes == ["tier 3 → 4", "tier override none → 4"])
    }

    @Test func catalogueVersionChangeBlocks() throws {
        let e = try F.gate(F.tier3, approvals: F.approve(F.tier3, catalogVersion: "2026.10.0"))
        guard case .stale(_, let changes) = e.approval else { Issue.record("approval should be stale"); return }
        #expect(changes == ["catalogue 2026.10.0 → \(Fixtures.catalog.version)"])
    }

    @Test func controlEvidenceChangeIsShown() throws {
        let changed = F.edit(F.tier3, "https://calm.example/escalate", "https://calm.example/escalate-v2")
        let e = try F.gate(changed, approvals: F.approve(F.tier3))
        guard case .stale(_, let changes) = e.approval else { Issue.record("approval should be stale"); return }
        #expect(changes == ["control `crisis_escalation` evidence changed"])
    }

    @Test func productVersionAloneNeedsNoNewApproval() throws {
        let bumped = F.edit(F.tier3, "version: 1.0.0", "version: 1.1.0")
        #expect(try F.gate(bumped, approvals: F.approve(F.tier3)).decision == .ship)
    }

    @Test func intendedUseChangeIsStale() throws {
        let changed = F.edit(F.tier3, "Supportive conversation for adults.", "Supportive conversation for everyone.")
        guard case .stale(_, let changes) = try F.gate(changed, approvals: F.approve(F.tier3)).approval else {
            Issue.record("approval should be stale"); return
        }
        #expect(changes.count == 1 && changes[0].hasPrefix("profile content changed"))
    }

    @Test func approvalsFileRoundTrips() throws {
        var book = try F.approve(F.tier3)
        book.record(Approval.of(try F.report(F.tier3, path: "p/other.yaml"), catalogVersion: "x", reviewer: "Q \"quoted\" R", note: "line\nbreak: yes", date: F.asOf))
        let text = ApprovalsFile.render(book)
        let back = try ApprovalsFile.read(text: text, path: "a.yaml").get()
        #expect(ApprovalsFile.render(back) == text)
        #expect(back["calm-chat"]?.reviewer == "Q \"quoted\" R")
        #expect(back["calm-chat"]?.note == "line\nbreak: yes")
    }
}
