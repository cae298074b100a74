import ASLMHCore
import ASLMHLoader
import Testing

@Suite("Gate: baseline")
struct BaselineTests {
    typealias F = GateFixtures

    @Test func onlyNewFindingsBlock() throws {
        let before = WaiverTests.noEvidence
        let approvals = try F.approve(before)
        let first = Gate(approvals: approvals).evaluate(try F.run([("p/calm-chat.yaml", before)]))
        #expect(first.decision == .blocked)
        let baseline = try BaselineFile.read(text: BaselineFile.render(Baseline.of(first)), path: "b.yaml").get()
        #expect(baseline.contains(product: "calm-chat", finding: "missing-evidence/crisis_escalation"))

        // Same findings: baselined, ship.
        let again = Gate(approvals: approvals, baseline: baseline).evaluate(try F.run([("p/calm-chat.yaml", before)]))
        #expect(again.decision == .ship)
        #expect(again.entries[0].items.first { $0.id == "missing-evidence/crisis_escalation" }?.disposition == .baselined)

        // A new finding blocks; the baselined one is still shown as baselined.
        let worse = F.edit(before, "\n  scope_disclosure: {evidence: https://calm.example/not-therapy}", "")
        let third = Gate(approvals: try F.approve(worse), baseline: baseline).evaluate(try F.run([("p/calm-chat.yaml", worse)]))
        #expect(third.decision == .blocked)
        #expect(third.entries[0].reasons.count == 1)
        #expect(third.entries[0].reasons.first?.hasPrefix("missing-control/scope_disclosure") == true)
    }

    @Test func writtenDeterministically() throws {
        let b = Baseline(["b": ["z/1", "a/2"], "a": ["m/3"], "empty": []])
        #expect(BaselineFile.render(b).hasSuffix("findings:\n  \"a\": [\"m/3\"]\n  \"b\": [\"a/2\", \"z/1\"]\n"))
    }
}
