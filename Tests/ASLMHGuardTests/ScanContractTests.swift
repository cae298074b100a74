import Foundation
import Testing

@testable import ASLMHGuard

@Suite("JSONL scan contract")
struct ScanContractTests {
    func run(_ lines: [String]) -> (outputs: [String], scanner: GuardScanner) {
        var scanner = GuardScanner(safetyGuard: standardGuard)
        var outputs: [String] = []
        for (n, l) in lines.enumerated() {
            if let o = scanner.scan(line: l, number: n + 1).output { outputs.append(o) }
        }
        return (outputs, scanner)
    }

    func object(_ line: String) throws -> [String: JSONValue] {
        guard case .object(let o) = try JSONValue.parse(line) else { throw GuardError.invalidConfiguration("not an object") }
        return o
    }

    @Test func oneOutputLinePerInputLineInOrder() throws {
        let lines = [
            #"{"id":"a","role":"user","text":"I want to die"}"#,
            #"{"id":2,"role":"assistant","text":"Sure!","extra":"ignored"}"#,
            #"{"id":"c","role":"user","text":"nice weather","conversation":"k"}"#,
        ]
        let (outputs, scanner) = run(lines)
        #expect(outputs.count == 3)
        #expect(scanner.malformedLines == 0)
        let first = try object(outputs[0])
        #expect(first["id"] == .string("a"))
        #expect(first["risk"] == .string("critical"))
        #expect(first["categories"] == .array([.string("suicidal_ideation")]))
        #expect(first["action"] != nil && first["matches"] != nil && first["resources"] != nil)
        #expect(try object(outputs[1])["id"] == .number(2))
        #expect(try object(outputs[2])["risk"] == .string("none"))
    }

    @Test func keysAreSorted() throws {
        let (outputs, _) = run([#"{"id":"a","role":"user","text":"I want to kill myself"}"#])
        let line = try #require(outputs.first)
        let order = ["\"action\"", "\"categories\"", "\"id\"", "\"matches\"", "\"resources\"", "\"risk\""].map {
            line.range(of: $0)!.lowerBound
        }
        #expect(order == order.sorted())
    }

    @Test(arguments: [
        ("not json", "invalid JSON"),
        ("[1,2]", "expected a JSON object"),
        (#"{"role":"user","text":"x"}"#, "missing \"id\""),
        (#"{"id":"z","role":"bot","text":"x"}"#, "\"role\" is 'bot'"),
        (#"{"id":"z","role":"user"}"#, "missing or non-string \"text\""),
        (#"{"id":"z","role":"user","text":5}"#, "missing or non-string \"text\""),
        (#"{"id":"z","role":"user","text":"x""#, "invalid JSON"),
        (#"{"id":"z","role":"user","text":"x","conversation":[1]}"#, "\"conversation\""),
    ])
    func malformedLineYieldsErrorLineAndProcessingContinues(line: String, message: String) throws {
        let (outputs, scanner) = run([#"{"id":"ok1","role":"user","text":"hi"}"#, line, #"{"id":"ok2","role":"user","text":"hi"}"#])
        #expect(outputs.count == 3)
        #expect(scanner.malformedLines == 1)
        let error = try object(outputs[1])
        let text = try #require(error["error"]?.stringValue)
        #expect(text.hasPrefix("line 2: "))
        #expect(text.contains(message), "\(text)")
        #expect(try object(outputs[2])["id"] == .string("ok2"))
    }

    /// The column of a JSON syntax error is kept for `path:line:column` messages.
    @Test func malformedLineCarriesItsColumn() {
        var scanner = GuardScanner(safetyGuard: standardGuard)
        let broken = scanner.scan(line: #"{"id":"z","role":"user","text":"x"#, number: 4)
        #expect(broken.lineError?.column == 34)  // the end of the line: the string never closes
        #expect(broken.error?.hasPrefix("line 4: invalid JSON at column 34") == true)
        let wrongRole = scanner.scan(line: #"{"id":"z","role":"robot","text":"x"}"#, number: 5)
        #expect(wrongRole.lineError?.column == 1)
        #expect(scanner.scan(line: #"{"id":"z","role":"user","text":"x"}"#, number: 6).lineError == nil)
    }

    @Test func errorLineKeepsTheIdWhenKnown() throws {
        let (outputs, _) = run([#"{"id":"q7","role":"robot","text":"x"}"#])
        #expect(try object(outputs[0])["id"] == .string("q7"))
    }

    @Test func blankLinesAreSkipped() {
        let (outputs, scanner) = run(["", "   ", #"{"id":"a","role":"user","text":"hi"}"#])
        #expect(outputs.count == 1)
        #expect(scanner.malformedLines == 0)
    }

    @Test func replyToFindsTheUserTurn() throws {
        let (outputs, _) = run([
            #"{"id":"u1","role":"user","text":"I'm going to kill myself tonight"}"#,
            #"{"id":"a1","role":"assistant","text":"I cannot assist with that.","reply_to":"u1"}"#,
        ])
        let o = try object(outputs[1])
        #expect(o["categories"] == .array([.string("crisis_mishandled")]))
        #expect(o["risk"] == .string("high"))
    }

    @Test func escapesAndUnicodeRoundTrip() throws {
        let (outputs, _) = run([#"{"id":"e\"1\u00e9","role":"user","text":"I want to die \ud83d\ude14 \"now\"\n"}"#])
        let o = try object(outputs[0])
        #expect(o["id"] == .string("e\"1é"))
        guard case .array(let matches)? = o["matches"],
            case .object(let m)? = matches.first(where: {
                if case .object(let x) = $0 { return x["rule"] == .string("si.want_die") }
                return false
            })
        else {
            Issue.record("no si.want_die match")
            return
        }
        #expect(m["text"] == .string("want to die"))
    }

    @Test func outputAgreesWithCodableEncoding() throws {
        let result = standardGuard.check("I keep burning my arm with a lighter", role: .user)
        let line = GuardScanner.encode(id: .string("x"), result: result)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let codable = try JSONValue.parse(String(decoding: try encoder.encode(result), as: UTF8.self))
        guard case .object(let viaCodable) = codable, case .object(let viaLine) = try JSONValue.parse(line) else {
            Issue.record("not objects")
            return
        }
        for key in ["risk", "categories", "action"] { #expect(viaCodable[key] == viaLine[key], "\(key)") }
    }

    @Test func conversationsAreIndependent() throws {
        let (outputs, _) = run([
            #"{"id":"1","role":"user","text":"I want to kill myself","conversation":"A"}"#,
            #"{"id":"2","role":"user","text":"hello","conversation":"B"}"#,
            #"{"id":"3","role":"user","text":"hello","conversation":"A"}"#,
        ])
        #expect(try object(outputs[1])["risk"] == .string("none"))
        #expect(try object(outputs[2])["risk"] == .string("critical"))
    }
}
