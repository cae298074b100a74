import ASLMHCore
import Foundation
import Testing

/// Checks with an independent implementation (python3, as CI images have it): the gate's SARIF
/// against the official schema, and the digest recipe in docs/gate.md.
@Suite("Gate: SARIF schema and the documented digest recipe (python3)")
struct GatePythonTests {
    static func python(_ script: String, _ args: [String]) throws -> (Int32, String) { try PythonCheck.run(script, args) }

    static func temporary(_ text: String, _ ext: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aslmh-gate-\(UUID().uuidString).\(ext)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func sarifValidates() throws {
        let schema = ExampleRun.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")
        try #require(FileManager.default.fileExists(atPath: schema.path), "needs ../shared/schemas/sarif-schema-2.1.0.json")
        let sarif = try Self.temporary(GateSARIF.render(try GateGolden.result(), catalog: Fixtures.catalog, toolVersion: "test"), "sarif")
        defer { try? FileManager.default.removeItem(at: sarif) }
        let (status, out) = try Self.python("""
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
        jsonschema.validators.validator_for(schema)(schema).validate(doc)
        results = doc["runs"][0]["results"]
        assert any(r.get("suppressions") for r in results), "waived findings are suppressed results"
        print("valid", len(results))
        """, [schema.path, sarif.path])
        #expect(status == 0, "gate SARIF does not validate: \(out)")
    }

    @Test func documentedDigestRecipeMatches() throws {
        let json = try Self.temporary(GateJSON.render(try GateGolden.result()), "json")
        defer { try? FileManager.default.removeItem(at: json) }
        let (status, out) = try Self.python("""
        import json, hashlib, sys
        d = json.load(open(sys.argv[1])); g = d.pop("digest")
        c = json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        print(g == hashlib.sha256(c.encode()).hexdigest())
        """, [json.path])
        #expect(status == 0 && out.trimmingCharacters(in: .whitespacesAndNewlines) == "True", "python recomputation: \(out)")
    }
}
