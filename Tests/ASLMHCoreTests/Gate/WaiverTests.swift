import ASLMHCore
import ASLMHLoader
import Testing

@Suite("Gate: waivers")
struct WaiverTests {
    typealias F = GateFixtures

    /// Tier 3 with crisis_escalation declared without evidence (a waivable error).
    static let noEvidence = F.edit(F.tier3, "crisis_escalation: {evidence: https://calm.example/escalate, owner: Counsellors, reviewed: 2026-10-20}",
                                   "crisis_escalation: {owner: Counsellors, reviewed: 2026-10-20}")

    @Test func validWaiverLiftsAndStaysVisible() throws {
        let e = try F.gate(Self.noEvidence, approvals: F.approve(Self.noEvidence), waivers: [F.waiver("calm-chat", "missing-evidence/crisis_escalation")])
        #expect(e.decision == .ship)
        let item = try #require(e.items.first { $0.id == "missing-evidence/crisis_escalation" })
        #expect(item.disposition == .waived)
        #expect(item.waiver?.expires == Day("2027-01-15"))
    }

    @Test func waiverLastsThroughItsExpiryDay() throws {
        let w = F.waiver("calm-chat", "missing-evidence/crisis_escalation", granted: "2026-11-01", expires: "2026-11-25")
        #expect(try F.gate(Self.noEvidence, approvals: F.approve(Self.noEvidence), waivers: [w]).decision == .ship)
    }

    @Test func expiredWaiverBlocksAtTheWaiversLine() throws {
        let w = F.waiver("calm-chat", "missing-evidence/crisis_escalation", granted: "2026-08-01", expires: "2026-10-31")
        let e = try F.gate(Self.noEvidence, approvals: F.approve(Self.noEvidence), waivers: [w])
        #expect(e.decision == .blocked)
        #expect(e.items.first { $0.id == "missing-evidence/crisis_escalation" }?.disposition == .blocking)
        let expired = try #require(e.items.first { $0.id == "expired-waiver/missing-evidence/crisis_escalation" })
        #expect(expired.location == SourceLocation(path: "w.yaml", line: 7, column: 5))
        #expect(expired.message.contains("expired on 2026-10-31"))
    }

    @Test func prohibitionIsNeverLifted() throws {
        let inpatient = F.edit(F.tier3, "settings: [consumer]", "settings: [inpatient]")
        let w = F.waiver("calm-chat", "prohibited/T3.high-acuity-setting")
        let e = try F.gate(inpatient, approvals: F.approve(inpatient), waivers: [w])
        let item = try #require(e.items.first { $0.id == "prohibited/T3.high-acuity-setting" })
        #expect(item.disposition == .blocking)
        #expect(item.waiver == nil)
        #expect(e.decision == .blocked)
        #expect(Waiver.isUnwaivable("jurisdiction-prohibited/IL.ai-therapy-to-public"))
    }

    @Test func baselineNeverLiftsAProhibition() throws {
        let inpatient = F.edit(F.tier3, "settings: [consumer]", "settings: [inpatient]")
        let e = try F.gate(inpatient, approvals: F.approve(inpatient), baseline: Baseline(["calm-chat": ["prohibited/T3.high-acuity-setting"]]))
        #expect(e.items.first { $0.id == "prohibited/T3.high-acuity-setting" }?.disposition == .blocking)
    }

    static let file = """
    schema: aslmh/waivers/v1
    waivers:
      - product: calm-chat
        finding: missing-evidence/crisis_escalation
        justification: Protocol signed, upload pending.
        approver: A. Prover
        granted: 2026-11-01
        expires: 2027-01-15
    """

    @Test func fileReadsWithLocations() throws {
        let ws = try WaiversFile.read(text: Self.file, path: "w.yaml").get()
        #expect(ws.count == 1)
        #expect(ws[0].location == SourceLocation(path: "w.yaml", line: 3, column: 5))
    }

    @Test func tooLongIsRefusedWithItsLocation() throws {
        let text = F.edit(Self.file, "expires: 2027-01-15", "expires: 2027-03-01")
        let errors = try #require(WaiversFile.read(text: text, path: "w.yaml").failure)
        #expect(errors.all.map(\.code) == ["waiver-too-long"])
        #expect(errors.all[0].location == SourceLocation(path: "w.yaml", line: 8, column: 14))
        #expect(errors.all[0].suggestion?.contains("2027-01-30") == true)
        // The maximum is configurable.
        #expect(WaiversFile.read(text: text, path: "w.yaml", maxDays: 180).failure == nil)
    }

    @Test func blankJustificationIsRefused() throws {
        let text = F.edit(Self.file, "justification: Protocol signed, upload pending.", "justification: \"  \"")
        let errors = try #require(WaiversFile.read(text: text, path: "w.yaml").failure)
        #expect(errors.all.map(\.code) == ["missing-value"])
        #expect(errors.all[0].location.line == 5)
    }

    @Test func missingExpiryIsRefused() throws {
        let text = F.edit(Self.file, "    expires: 2027-01-15", "")
        let errors = try #require(WaiversFile.read(text: text, path: "w.yaml").failure)
        #expect(errors.all.map(\.code) == ["missing-field"])
        #expect(errors.all[0].message.contains("`expires`"))
    }

    @Test func waiverOfAProhibitionIsAnInputError() throws {
        let text = F.edit(Self.file, "missing-evidence/crisis_escalation", "prohibited/T3.high-acuity-setting")
        let errors = try #require(WaiversFile.read(text: text, path: "w.yaml").failure)
        #expect(errors.all.map(\.code) == ["unwaivable"])
        #expect(errors.all[0].location == SourceLocation(path: "w.yaml", line: 4, column: 14))
    }

    @Test func duplicateWaiverIsAnInputError() throws {
        let entry = Self.file.components(separatedBy: "waivers:\n")[1]
        let errors = try #require(WaiversFile.read(text: Self.file + "\n" + entry, path: "w.yaml").failure)
        #expect(errors.all.map(\.code) == ["duplicate-waiver"])
        #expect(errors.all[0].location.line == 9)
    }
}

extension Result {
    var failure: Failure? { if case .failure(let e) = self { e } else { nil } }
}
