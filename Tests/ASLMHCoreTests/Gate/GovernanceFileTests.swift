import ASLMHCore
import ASLMHLoader
import Testing

@Suite("Gate: strict governance files")
struct GovernanceFileTests {
    @Test func approvalsUnknownKeyIsLocatedWithASuggestion() throws {
        let text = """
        schema: aslmh/approvals/v1
        approvals:
          calm-chat:
            reviewer: R
            reviewr: R
            date: 2026-11-25
            note: ok
            tier: 3
            catalog_version: "2026.11.1"
            profile_sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
            declared: {capabilities: [conversational_support]}
        """
        let errors = try #require(ApprovalsFile.read(text: text, path: "a.yaml").failure)
        #expect(errors.all.map(\.code) == ["unknown-key"])
        #expect(errors.all[0].location == SourceLocation(path: "a.yaml", line: 5, column: 5))
        #expect(errors.all[0].suggestion == "did you mean `reviewer`?")
    }

    @Test func approvalsReportEveryError() throws {
        let text = """
        schema: aslmh/approvals/v2
        approvals:
          a:
            reviewer: R
            date: 2026-13-01
            note: ok
            tier: three
            catalog_version: x
            profile_sha256: ABC
            declared: {}
          a:
            reviewer: R
        """
        let errors = try #require(ApprovalsFile.read(text: text, path: "a.yaml").failure)
        #expect(errors.all.map(\.code) == ["unknown-schema", "wrong-type", "wrong-type", "invalid-value", "duplicate-key"])
        #expect(errors.all.map(\.location.line) == [1, 5, 7, 9, 11])
    }

    @Test func yaml11BooleansAreRefused() throws {
        let text = """
        schema: aslmh/waivers/v1
        waivers:
          - product: calm-chat
            finding: missing-evidence/crisis_escalation
            justification: yes
            approver: A
            granted: 2026-11-01
            expires: 2026-12-01
        """
        let errors = try #require(WaiversFile.read(text: text, path: "w.yaml").failure)
        #expect(errors.all.map(\.code) == ["yaml11-boolean"])
        #expect(errors.all[0].location == SourceLocation(path: "w.yaml", line: 5, column: 20))
    }

    @Test func baselineWrongTypeIsLocated() throws {
        let errors = try #require(BaselineFile.read(text: "schema: aslmh/baseline/v1\nfindings:\n  a: 3\n", path: "b.yaml").failure)
        #expect(errors.all.map(\.code) == ["wrong-type"])
        #expect(errors.all[0].location == SourceLocation(path: "b.yaml", line: 3, column: 6))
    }

    @Test func emptyFilesAreEmpty() throws {
        #expect(try ApprovalsFile.read(text: "", path: "a.yaml").get().approvals.isEmpty)
        #expect(try WaiversFile.read(text: "schema: aslmh/waivers/v1\nwaivers: []\n", path: "w.yaml").get().isEmpty)
    }

    @Test func aMissingFileThatWasAskedForIsAnInputError() throws {
        let errors = try #require(GovernanceFiles.waivers("no/such/waivers.yaml", maxDays: 90).failure)
        #expect(errors.all.map(\.code) == ["not-found"])
        #expect(errors.all[0].location == SourceLocation(path: "no/such/waivers.yaml", line: 1, column: 1))
    }

    @Test func shippedGovernanceFilesLoad() throws {
        let root = ExampleRun.root.path + "/"
        #expect(try GovernanceFiles.approvals(root + "governance/approvals.yaml").get().approvals.count == 5)
        #expect(try GovernanceFiles.waivers(root + "governance/waivers.yaml", maxDays: 90).get().count == 2)
    }
}
