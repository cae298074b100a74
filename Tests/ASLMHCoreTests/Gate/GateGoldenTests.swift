import ASLMHCore
import ASLMHLoader
import Foundation
import Testing

/// The gate over the shipped example profiles with the shipped governance files, as of 2026-11-25.
enum GateGolden {
    static func file(_ path: String) throws -> String {
        try String(contentsOf: ExampleRun.root.appendingPathComponent(path), encoding: .utf8)
    }

    static func waivers() throws -> [Waiver] { try WaiversFile.read(text: file("governance/waivers.yaml"), path: "governance/waivers.yaml").get() }

    static func result() throws -> GateResult {
        let approvals = try ApprovalsFile.read(text: file("governance/approvals.yaml"), path: "governance/approvals.yaml").get()
        let gate = Gate(approvals: approvals, waivers: try waivers(),
                        inputs: GateInputs(approvals: "governance/approvals.yaml", waivers: "governance/waivers.yaml"))
        return gate.evaluate(try ExampleRun.run(.check))
    }

    static func report() throws -> ReviewReport {
        let r = try result()
        return ReviewReport(gate: r, waivers: try waivers(), supplements: ReviewSupplement.evaluated(r), linkPrefix: "../")
    }
}

@Suite("Gate: shipped governance files and golden outputs")
struct GateGoldenTests {
    static func compare(_ text: String, _ name: String) throws { try ReporterGoldenTests.compare(text, "gate/" + name) }

    @Test func text() throws { try Self.compare(GateText.render(GateGolden.result()), "gate.txt") }
    @Test func json() throws { try Self.compare(GateJSON.render(GateGolden.result()), "gate.json") }
    @Test func sarif() throws { try Self.compare(GateSARIF.render(GateGolden.result(), catalog: Fixtures.catalog, toolVersion: "test"), "gate.sarif") }
    @Test func junit() throws { try Self.compare(GateJUnit.render(GateGolden.result()), "gate.junit.xml") }
    @Test func github() throws { try Self.compare(GateGitHub.render(GateGolden.result()), "gate.github.txt") }
    @Test func markdown() throws { try Self.compare(GateMarkdown.render(GateGolden.result()), "gate.md") }
    @Test func html() throws { try Self.compare(ReviewHTML.render(GateGolden.report()), "report.html") }
    @Test func reportMarkdown() throws { try Self.compare(ReviewMarkdown.render(GateGolden.report()), "report.md") }

    @Test func shippedApprovalsHoldForTheApprovedProfiles() throws {
        let r = try GateGolden.result()
        for id in ["harbor-chat", "phq-assist", "cbt-coach-pro", "aurora-research", "teen-sleep-coach"] {
            #expect(r.entries.first { $0.productId == id }?.approval.name == "current", "\(id)")
        }
    }

    @Test func shippedValidWaiverLiftsAndExpiredWaiverBlocks() throws {
        let r = try GateGolden.result()
        let moodlog = try #require(r.entries.first { $0.productId == "moodlog-schools" })
        #expect(moodlog.items.first { $0.id == "missing-evidence/crisis_escalation" }?.disposition == .waived)
        let calm = try #require(r.entries.first { $0.productId == "calm-breath" })
        #expect(calm.decision == .blocked)
        let expired = try #require(calm.items.first { $0.id == "expired-waiver/missing-control/no_personalised_advice" })
        #expect(expired.location.path == "governance/waivers.yaml")
        #expect(r.exitCode == 1)
    }

    @Test func waivedFindingsStayVisibleInEveryFormat() throws {
        let r = try GateGolden.result()
        let outputs = [GateText.render(r), GateJSON.render(r), GateSARIF.render(r, catalog: Fixtures.catalog, toolVersion: "t"),
                       GateJUnit.render(r), GateGitHub.render(r), GateMarkdown.render(r), ReviewHTML.render(try GateGolden.report()),
                       ReviewMarkdown.render(try GateGolden.report())]
        for out in outputs {
            #expect(out.contains("missing-evidence/crisis_escalation"))
            #expect(out.contains("2027-01-31"))
        }
    }

    @Test func changingAnApprovedCapabilityBlocksWithTheChangeShown() throws {
        let text = try GateGolden.file("profiles/harbor-chat.yaml")
        let changed = GateFixtures.edit(text, "capabilities: [conversational_support,", "capabilities: [diagnosis_suggestion, conversational_support,")
        let profile = try ProfileLoader(catalog: Fixtures.catalog, extraControls: OverlayFixtures.overlays.controls.map(\.id) + Fixtures.ledgerControls)
            .load(text: changed, path: "profiles/harbor-chat.yaml", baseDirectory: ExampleRun.root.appendingPathComponent("profiles").path).get()
        let report = Checker.check(profile, catalog: Fixtures.catalog, overlays: OverlayFixtures.overlays, asOf: ExampleRun.asOf)
        let approvals = try ApprovalsFile.read(text: GateGolden.file("governance/approvals.yaml"), path: "governance/approvals.yaml").get()
        let e = Gate(approvals: approvals).evaluate(report, catalogVersion: Fixtures.catalog.version, asOf: ExampleRun.asOf)
        #expect(e.decision == .blocked)
        #expect(e.reasons.first?.contains("capability `diagnosis_suggestion` added") == true)
        #expect(GateText.render(GateResult(asOf: ExampleRun.asOf, catalogVersion: "v", policy: GatePolicy(), inputs: GateInputs(), entries: [e]))
            .contains("approval stale: tier 3 → 4; capability `diagnosis_suggestion` added"))
    }

    @Test func reportIsSelfContainedAndEscaped() throws {
        let html = ReviewHTML.render(try GateGolden.report())
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link"))
        #expect(html.contains("<svg"))
        #expect(html.contains(ReviewReport.notEvaluated))  // ledger and guard summary, until they land
        #expect(ReviewHTML.esc("<b a=\"x\">&'") == "&lt;b a=&quot;x&quot;&gt;&amp;&#39;")
    }

    @Test func reportEscapesHostileText() throws {
        let hostile = GateFixtures.edit(GateFixtures.tier3, "Supportive conversation for adults.", "\"<script>alert('x')</script> & <img src=x>\"")
        let r = Gate().evaluate(try GateFixtures.run([("p/<evil>.yaml", hostile)]))
        let html = ReviewHTML.render(ReviewReport(gate: r))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x&gt;"))
        #expect(!ReviewMarkdown.render(ReviewReport(gate: r)).contains("<script>"))
    }

    @Test func optionalSectionsRenderWhenGiven() throws {
        let r = Gate().evaluate(try GateFixtures.run([("p/calm-chat.yaml", GateFixtures.tier3)]))
        let s = ReviewSupplement(ledger: ReportLedgerScorecard(summary: "12/12", rows: [.init(test: "T1", result: "pass", detail: "d")]),
                                 jurisdictions: [ReportJurisdictionVerdict(jurisdiction: "Illinois", verdict: "compliant", detail: "225 ILCS 155")],
                                 guardSummary: ReportGuardSummary(configuration: "guard.yaml", sha256: "abc", settings: [("threshold", "high")]))
        let html = ReviewHTML.render(ReviewReport(gate: r, supplements: ["calm-chat": s]))
        #expect(!html.contains(ReviewReport.notEvaluated))
        #expect(html.contains("225 ILCS 155") && html.contains("threshold") && html.contains("12/12"))
    }

    @Test func deterministic() throws {
        #expect(ReviewHTML.render(try GateGolden.report()) == ReviewHTML.render(try GateGolden.report()))
        #expect(GateJSON.render(try GateGolden.result()) == GateJSON.render(try GateGolden.result()))
    }
}
