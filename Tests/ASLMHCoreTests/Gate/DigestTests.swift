import ASLMHCore
import Foundation
import Testing

@Suite("Gate: result digest")
struct DigestTests {
    /// Parses JSON text back into the `JSON` value (the gate document has no booleans or floats).
    static func value(_ any: Any) -> JSON {
        switch any {
        case is NSNull: .null
        case let s as String: .string(s)
        case let n as NSNumber: .int(n.intValue)
        case let a as [Any]: .array(a.map(value))
        case let o as [String: Any]: .object(o.mapValues(value))
        default: .null
        }
    }

    @Test func recomputingFromThePublishedDocumentMatches() throws {
        let result = try GateGolden.result()
        let text = GateJSON.render(result)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let published = try #require(parsed["digest"] as? String)
        // The recipe in docs/gate.md: drop `digest`, write compact canonical JSON, SHA-256 of the UTF-8 bytes.
        var body = parsed
        body["digest"] = nil
        #expect(SHA256.hex(Self.value(body).rendered(pretty: false)) == published)
        #expect(GateJSON.digest(body: Self.value(parsed)) == published)
        #expect(published == GateJSON.digest(result))
    }

    @Test func anyChangeToTheResultChangesTheDigest() throws {
        var result = try GateGolden.result()
        let before = GateJSON.digest(result)
        result.asOf = Day("2026-11-26")!
        #expect(GateJSON.digest(result) != before)
    }

    @Test func everyFormatCarriesTheSameDigest() throws {
        let result = try GateGolden.result()
        let digest = "sha256:" + GateJSON.digest(result)
        #expect(GateText.render(result).contains(digest))
        #expect(GateMarkdown.render(result).contains(digest))
        #expect(GateGitHub.render(result).contains(digest))
        #expect(GateJUnit.render(result).contains(digest))
        #expect(GateSARIF.render(result, catalog: Fixtures.catalog, toolVersion: "test").contains(digest))
        #expect(ReviewHTML.render(ReviewReport(gate: result)).contains(digest))
    }
}
