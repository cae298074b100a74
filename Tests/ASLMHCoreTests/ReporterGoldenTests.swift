import ASLMHCore
import ASLMHLoader
import Foundation
import Testing

/// Reporters are pure functions of a run; their output on the shipped example profiles is kept as
/// golden files. Set ASLMH_UPDATE_GOLDEN=1 to rewrite them after an intended change.
enum ExampleRun {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = Day("2026-11-25")!

    /// Runs `command` over profiles/ with paths as a user in the package root would see them.
    static func run(_ command: RunResult.Command, failOn: Severity = .error, extra: [(String, String)] = []) throws -> RunResult {
        let dir = root.appendingPathComponent("profiles")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var files = try names.map { ("profiles/\($0)", try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)) }
        files += extra
        let ledgerControls = (try? LedgerLoader.embedded().get())?.controls.map(\.id) ?? []
        let loader = ProfileLoader(catalog: Fixtures.catalog, extraControls: OverlayFixtures.overlays.controls.map(\.id) + ledgerControls)
        let entries: [RunResult.Entry] = files.map { path, text in
            switch loader.load(text: text, path: path, baseDirectory: dir.path) {
            case .failure(let e): return .failure(path: path, errors: e.all)
            case .success(let p):
                var r = Checker.check(p, catalog: Fixtures.catalog, overlays: OverlayFixtures.overlays, asOf: asOf)
                if command == .classify {
                    r.findings = r.findings.filter { $0.kind == .downwardOverride || $0.kind == .tierOverride }
                    r.controls = []
                    r.jurisdictions = []
                }
                return .report(r)
            }
        }
        return RunResult(command: command, catalogVersion: Fixtures.catalog.version, asOf: asOf, failOn: failOn, entries: entries)
    }

    static let schema: JSON = ProfileSchema.document(
        Fixtures.catalog, extraControls: OverlayFixtures.overlays.controls + ((try? LedgerLoader.embedded().get())?.controls ?? []))

    static let broken = ("profiles/zz-broken.yaml", """
    schema: aslmh/profile/v1
    product: {id: broken, name: Broken, version: "1", team: T, contact: t@b.example}
    intended_use: A profile with mistakes.
    audience: [general_publik]
    settings: [consumer]
    capabilities: [psychoeducation]
    autonomy: none
    control: {}
    """)
}

@Suite("Reporters (golden files)")
struct ReporterGoldenTests {
    static func compare(_ output: String, _ name: String) throws {
        let url = ExampleRun.root.appendingPathComponent("Tests/ASLMHCoreTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["ASLMH_UPDATE_GOLDEN"] != nil {
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if output != expected {
            let a = output.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("\(name) differs from its golden file at line \(i + 1):\n got: \(i < a.count ? a[i] : "<end>")\nwant: \(i < b.count ? b[i] : "<end>")")
        }
    }

    static func run() throws -> RunResult { try ExampleRun.run(.check, extra: [ExampleRun.broken]) }

    @Test func text() throws { try Self.compare(TextReporter(color: false).render(Self.run()), "check.txt") }
    @Test func textInColour() throws { try Self.compare(TextReporter(color: true, verbose: false).render(Self.run()), "check-color.txt") }
    @Test func json() throws { try Self.compare(JSONReporter.render(Self.run()), "check.json") }
    @Test func classifyJSON() throws { try Self.compare(JSONReporter.render(ExampleRun.run(.classify)), "classify.json") }
    @Test func sarif() throws { try Self.compare(SARIFReporter.render(Self.run(), catalog: Fixtures.catalog, toolVersion: "test"), "check.sarif") }
    @Test func junit() throws { try Self.compare(JUnitReporter.render(Self.run(), catalog: Fixtures.catalog), "check.junit.xml") }
    @Test func markdown() throws { try Self.compare(MarkdownReporter.render(Self.run()), "check.md") }
    @Test func github() throws { try Self.compare(GitHubReporter.render(Self.run()), "check.github.txt") }
    @Test func schema() throws { try Self.compare(ExampleRun.schema.rendered(), "profile.schema.json") }

    /// Every shipped profile validates against the published JSON Schema (Python jsonschema + PyYAML),
    /// and a broken one does not.
    @Test func exampleProfilesValidateAgainstTheSchema() throws {
        let schema = FileManager.default.temporaryDirectory.appendingPathComponent("aslmh-schema-\(UUID().uuidString).json")
        try ExampleRun.schema.rendered().write(to: schema, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: schema) }
        let script = """
        import json, sys, glob, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        v = jsonschema.Draft202012Validator(schema)
        bad = []
        for path in sorted(glob.glob(sys.argv[2] + "/*.yaml")):
            doc = yaml.safe_load(open(path))
            # YAML dates load as datetime.date; the schema (like aslmh) reads them as YYYY-MM-DD text.
            doc = json.loads(json.dumps(doc, default=str))
            errs = list(v.iter_errors(doc))
            if errs: bad.append(path + ": " + errs[0].message)
        broken = json.loads(json.dumps(yaml.safe_load(open(sys.argv[3])), default=str))
        assert list(v.iter_errors(broken)), "the broken fixture validates"
        print("\\n".join(bad)); sys.exit(1 if bad else 0)
        """
        let (status, out) = try PythonCheck.run(script, [schema.path, ExampleRun.root.appendingPathComponent("profiles").path,
                       ExampleRun.root.appendingPathComponent("Tests/Fixtures/broken/typos-and-types.yaml").path])
        #expect(status == 0, "profiles do not validate against `aslmh schema` (needs python3 with jsonschema and PyYAML): \(out)")
    }

    @Test func outputIsDeterministic() throws {
        let a = JSONReporter.render(try Self.run())
        let b = JSONReporter.render(try Self.run())
        #expect(a == b)
    }
}

@Suite("JSON contract")
struct JSONContractTests {
    @Test func documentHasTheDocumentedShape() throws {
        let run = try ExampleRun.run(.check, extra: [ExampleRun.broken])
        let data = Data(JSONReporter.render(run).utf8)
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(doc["catalogVersion"] as? String == Fixtures.catalog.version)
        #expect(doc["command"] as? String == "check")
        let profiles = try #require(doc["profiles"] as? [[String: Any]])
        #expect(profiles.count == 14)
        for p in profiles {
            #expect(p["path"] is String)
            #expect(p["matchedRules"] is [Any])
            let findings = try #require(p["findings"] as? [[String: Any]])
            for f in findings {
                #expect(f["id"] is String && f["severity"] is String && f["message"] is String)
                let loc = try #require(f["location"] as? [String: Any])
                #expect(loc["path"] as? String == p["path"] as? String)
                #expect((loc["line"] as? Int ?? 0) >= 1 && (loc["column"] as? Int ?? 0) >= 1)
            }
        }
        let tiers = Set(profiles.compactMap { $0["tier"] as? Int })
        #expect(tiers == Set(1...6))
        let broken = try #require(profiles.first { $0["path"] as? String == "profiles/zz-broken.yaml" })
        #expect(broken["tier"] is NSNull)
        #expect((broken["errors"] as? [Any])?.count == 2)
        let summary = try #require(doc["summary"] as? [String: Any])
        #expect(summary["profiles"] as? Int == 14)
        #expect(summary["inputErrors"] as? Int == 1)
        #expect(summary["exitCode"] as? Int == 2)
    }

    /// The digest is SHA-256 of the canonical JSON without `digest`: recompute it as an auditor would.
    @Test func digestRecomputesInPython() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("aslmh-\(UUID().uuidString).json")
        try JSONReporter.render(ExampleRun.run(.check, extra: [ExampleRun.broken])).write(to: out, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: out) }
        let script = """
        import json, hashlib, sys
        d = json.load(open(sys.argv[1])); digest = d.pop("digest")
        canon = json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert digest == hashlib.sha256(canon.encode()).hexdigest(), "digest mismatch"
        print("ok")
        """
        let (status, text) = try PythonCheck.run(script, [out.path])
        #expect(status == 0, "\(text)")
    }

    /// SARIF and JUnit carry the digest of the same result as the JSON document.
    @Test func everyMachineReadableFormatCarriesTheResultDigest() throws {
        let run = try ExampleRun.run(.check, extra: [ExampleRun.broken])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter.render(run).utf8)) as? [String: Any])
        let digest = try #require(json["digest"] as? String)
        #expect(digest.count == 64)
        #expect(SARIFReporter.render(run, catalog: Fixtures.catalog, toolVersion: "test").contains("\"resultDigest\": \"\(digest)\""))
        #expect(JUnitReporter.render(run, catalog: Fixtures.catalog).contains("result digest \(digest)"))
        #expect(JSONReporter.digest(run) == digest)
    }

    @Test func exitCodes() throws {
        #expect(try ExampleRun.run(.check).exitCode == 1)
        #expect(try ExampleRun.run(.check, extra: [ExampleRun.broken]).exitCode == 2)
        #expect(try ExampleRun.run(.classify).exitCode == 0)
    }
}

@Suite("SARIF validates against the official 2.1.0 schema")
struct SARIFSchemaTests {
    @Test func validatesWithJSONSchema() throws {
        let schema = ExampleRun.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")
        try #require(FileManager.default.fileExists(atPath: schema.path), "needs ../shared/schemas/sarif-schema-2.1.0.json")
        let sarif = FileManager.default.temporaryDirectory.appendingPathComponent("aslmh-\(UUID().uuidString).sarif")
        try SARIFReporter.render(ExampleRun.run(.check, extra: [ExampleRun.broken]), catalog: Fixtures.catalog, toolVersion: "test")
            .write(to: sarif, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: sarif) }
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
        jsonschema.validators.validator_for(schema)(schema).validate(doc)
        assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in doc["runs"][0]["results"])
        assert all("help" in rule for rule in doc["runs"][0]["tool"]["driver"]["rules"])
        print("valid", len(doc["runs"][0]["results"]))
        """
        let (status, out) = try PythonCheck.run(script, [schema.path, sarif.path])
        #expect(status == 0, "SARIF does not validate (python3 with jsonschema is required): \(out)")
    }
}
