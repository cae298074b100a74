import Foundation
import Testing

@testable import ASLMHGuard

/// A small deterministic generator, so a failing fuzz case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Fuzz and limits")
struct FuzzTests {
    static let pieces = [
        "kill", "myself", "die", "k i l l", "’", "…", "😔", "\u{0301}", "\u{200B}", "\n", ".", "!", "?", "@", "$", "1", "0",
        "suicide", "jk", "ß", "ǅ", "ｋｉｌｌ", "\u{FFFD}", "\"", "\\", "\t", "  ", "I", "am", "not", "never", "pills", "#",
        "é", "漢字", "🏳️‍🌈", "\u{202E}", "-", "—", "self-harm", "988",
    ]

    @Test(arguments: 0..<8)
    func randomTextNeverCrashesAndIsBounded(seed: Int) {
        var rng = SplitMix64(state: UInt64(seed) &* 7919 &+ 1)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<60, using: &rng) {
                if Bool.random(using: &rng) {
                    text += Self.pieces.randomElement(using: &rng)!
                } else {
                    text.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0..<0xD800, using: &rng)) ?? " ")
                }
            }
            let role: Role = Bool.random(using: &rng) ? .user : .assistant
            let r = standardGuard.check(text, role: role)
            #expect(r.matches.count <= Guard.maxListedMatches)
            for m in r.matches {
                #expect(m.span.utf8Start <= m.span.utf8End && m.span.utf8End <= text.utf8.count)
                #expect(m.span.codepointEnd <= text.unicodeScalars.count)
            }
        }
    }

    @Test(arguments: 0..<4)
    func randomBytesAsLinesNeverCrashTheScanner(seed: Int) {
        var rng = SplitMix64(state: UInt64(seed) &+ 99)
        var scanner = GuardScanner(safetyGuard: standardGuard)
        for n in 1...300 {
            let bytes = (0..<Int.random(in: 0..<200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let line = String(decoding: bytes, as: UTF8.self)
            let out = scanner.scan(line: line, number: n)
            if let o = out.output { #expect((try? JSONValue.parse(o)) != nil, "output line is not JSON: \(o)") }
        }
    }

    @Test func hugeMessageFinishesInLinearTime() {
        let unit = "I keep thinking that everyone would be better off without me, honestly. "
        let text = String(repeating: unit, count: 1_048_576 / unit.utf8.count + 1)
        #expect(text.utf8.count >= 1_048_576)
        let start = ContinuousClock.now
        let r = standardGuard.check(text, role: .user)
        let elapsed = ContinuousClock.now - start
        #expect(r.level == .critical)
        #expect(r.truncated)
        #expect(r.matches.count == Guard.maxListedMatches)
        #expect(elapsed < .seconds(20), "1 MB took \(elapsed)")
    }

    @Test(arguments: [
        String(repeating: "a", count: 1_000_000),
        String(repeating: "k i l l ", count: 100_000),
        String(repeating: "kill myself ", count: 80_000),
        String(repeating: "a a ", count: 200_000),
        String(repeating: "never ", count: 150_000) + "kill myself",
        String(repeating: ".", count: 500_000),
        String(repeating: "😔", count: 200_000),
        String(repeating: "\u{0301}", count: 200_000),
        String(repeating: "want to ", count: 100_000) + "die",
    ])
    func pathologicalRepeatsFinish(_ text: String) {
        let start = ContinuousClock.now
        let r = standardGuard.check(text, role: .user)
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(r.matches.count <= Guard.maxListedMatches)
    }

    @Test func emptyAndWhitespaceAreNone() {
        #expect(standardGuard.check("", role: .user).level == .none)
        #expect(standardGuard.check("   \n\t ", role: .assistant).level == .none)
    }
}
