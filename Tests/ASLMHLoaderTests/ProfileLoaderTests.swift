import ASLMHCore
import ASLMHLoader
import Testing

@Suite("Profile loading: every input error located")
struct ProfileLoaderTests {
    @Test func validProfileLoadsWithLocations() throws {
        let p = try TestCatalog.load(TestCatalog.valid).get()
        #expect(p.product.id?.value == "demo")
        #expect(p.capabilities.map(\.value) == ["conversational_support"])
        #expect(p.capabilities[0].location == SourceLocation(path: "p.yaml", line: 11, column: 16))
        #expect(p.control("medical_disclaimer")?.evidence.first?.kind == .url)
    }

    @Test func reportsAllErrorsNotJustTheFirst() {
        let text = TestCatalog.valid
            .replacingOccurrences(of: "intended_use:", with: "intendeduse:")
            .replacingOccurrences(of: "[conversational_support]", with: "[conversational_suport, mood_tracking]")
            .replacingOccurrences(of: "autonomy: none", with: "autonomy: yes")
        let errors = TestCatalog.errors(text)
        let codes = errors.map(\.code)
        #expect(codes.contains("unknown-key"))
        #expect(codes.contains("unknown-value"))
        #expect(codes.contains("yaml11-boolean"))
        #expect(codes.contains("missing-field"))
        let unknownKey = errors.first { $0.code == "unknown-key" }
        #expect(unknownKey?.location.line == 8)
        #expect(unknownKey?.suggestion == "did you mean `intended_use`?")
        let unknownValue = errors.first { $0.code == "unknown-value" }
        #expect(unknownValue?.suggestion == "did you mean `conversational_support`?")
        #expect(unknownValue?.location == SourceLocation(path: "p.yaml", line: 11, column: 16))
    }

    @Test func duplicateKeysAreAllReported() {
        let text = TestCatalog.valid + "autonomy: acts_alone\ncapabilities: [mood_tracking]\n"
        let dups = TestCatalog.errors(text).filter { $0.code == "duplicate-key" }
        #expect(dups.map(\.location.line) == [16, 17])
        #expect(dups.first?.message.contains("first defined at 12:1") == true)
    }

    @Test func wrongTypesAreLocated() {
        let text = TestCatalog.valid.replacingOccurrences(of: "settings: [consumer]", with: "settings:\n  consumer: true")
        let e = TestCatalog.errors(text)
        #expect(e.contains { $0.code == "wrong-type" && $0.location.line == 11 })
    }

    @Test func syntaxErrorHasLineAndColumn() throws {
        let e = TestCatalog.errors("schema: aslmh/profile/v1\nproduct: [unclosed\nintended_use: x\n")
        let first = try #require(e.first)
        #expect(first.code == "yaml-syntax")
        #expect(first.location.line >= 2)
    }

    @Test func downwardOverrideIsAnErrorFindingAndTierStands() throws {
        let text = TestCatalog.valid + "tier_override: {tier: 2, reason: cheaper, approver: someone}\n"
        let p = try TestCatalog.load(text).get()
        let r = Checker.check(p, catalog: TestCatalog.catalog, asOf: Day("2026-11-25")!)
        #expect(r.classification.tier == 3)
        #expect(r.findings.contains { $0.id == "downward-override/tier" && $0.severity == .error && $0.location.line == 16 })
    }

    @Test func upwardOverrideRaisesTier() throws {
        let text = TestCatalog.valid + "tier_override: {tier: 5, reason: reviewer judgement, approver: Board}\n"
        let r = Checker.check(try TestCatalog.load(text).get(), catalog: TestCatalog.catalog, asOf: Day("2026-11-25")!)
        #expect(r.classification.tier == 5 && r.classification.computedTier == 3)
        #expect(r.controls.contains { $0.controlId == "co_managed_care" })
    }

    @Test func emptyAndNonMappingDocuments() {
        #expect(TestCatalog.errors("").first?.code == "empty")
        #expect(TestCatalog.errors("- a\n- b\n").first?.code == "wrong-type")
        #expect(TestCatalog.errors("just text").first?.code == "wrong-type")
    }

    @Test func unknownControlIdSuggestsTheClosest() {
        let text = TestCatalog.valid.replacingOccurrences(of: "medical_disclaimer:", with: "medical_disclaimr:")
        let e = TestCatalog.errors(text).first { $0.code == "unknown-key" }
        #expect(e?.suggestion == "did you mean `medical_disclaimer`?")
        #expect(e?.location.line == 14)
    }
}

@Suite("Hostile YAML is refused fast")
struct HostileYAMLTests {
    @Test func aliasBombIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let clock = ContinuousClock()
        let t = clock.measure { #expect(TestCatalog.errors(text).first?.code == "too-many-nodes") }
        #expect(t < .seconds(2))
    }

    @Test func deepFlowNestingIsRefusedBeforeParsing() {
        let text = "schema: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(TestCatalog.errors(text).first?.code == "too-deep")
    }

    @Test func deepBlockNestingIsRefused() {
        var text = ""
        for i in 0..<200 { text += String(repeating: " ", count: i) + "k\(i):\n" }
        #expect(TestCatalog.errors(text).first?.code == "too-deep")
    }

    @Test func dashChainsAreRefused() {
        let text = "capabilities: " + String(repeating: "- ", count: 50_000) + "x\n"
        let codes = TestCatalog.errors(text).map(\.code)
        #expect(codes.first == "too-deep" || codes.first == "yaml-syntax")
    }

    @Test func hugeFileIsRefused() {
        let text = "intended_use: " + String(repeating: "a", count: 2 << 20)
        #expect(TestCatalog.errors(text).first?.code == "too-large")
    }
}

@Suite("Random and malformed input never crashes")
struct ProfileFuzzTests {
    /// A small deterministic generator, so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: 0..<8)
    func mutatedProfilesLoadOrFailCleanly(seed: Int) {
        var rng = SplitMix(state: UInt64(seed))
        let base = Array(TestCatalog.valid.utf8)
        let alphabet = Array(":-[]{}&*!|>'\"#\n \t,?%@`".utf8) + Array("abcxyz019".utf8)
        for _ in 0..<250 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[i] = alphabet.randomElement(using: &rng)!
                case 1: bytes.remove(at: i)
                default: bytes.insert(alphabet.randomElement(using: &rng)!, at: i)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            switch TestCatalog.load(text) {
            case .success(let p):
                // A profile that loads can always be checked.
                _ = Checker.check(p, catalog: TestCatalog.catalog, asOf: Day("2026-01-01")!)
            case .failure(let e):
                #expect(!e.all.isEmpty)
                for err in e.all { #expect(err.location.line >= 1 && err.location.column >= 1 && !err.message.isEmpty) }
            }
        }
    }

    @Test(arguments: 0..<4)
    func randomBytesFailCleanly(seed: Int) {
        var rng = SplitMix(state: UInt64(1000 + seed))
        for _ in 0..<200 {
            let n = Int.random(in: 0..<400, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if case .failure(let e) = TestCatalog.load(String(decoding: bytes, as: UTF8.self)) {
                #expect(!e.all.isEmpty)
            }
        }
    }
}
