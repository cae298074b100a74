import Foundation
import Testing

@testable import ASLMHGuard

/// Long messages are read in segments (bounded memory); these tests pin that segmenting changes no
/// finding: every phrase is found once, at its true offsets, wherever the cuts fall.
@Suite("Long messages in segments")
struct SegmentTests {
    static func check(_ segments: [Segment], _ text: String) {
        let bytes = Array(text.utf8)
        #expect(segments.first?.utf8.lowerBound == 0)
        #expect(segments.last?.utf8.upperBound == bytes.count)
        for (k, s) in segments.enumerated() {
            #expect(s.utf8.count <= Segmenter.segmentBytes)
            // Cuts fall on character boundaries, and the scalar base counts the scalars before.
            #expect(s.utf8.lowerBound == bytes.count || bytes[s.utf8.lowerBound] & 0xC0 != 0x80)
            let scalars = String(decoding: bytes[..<s.utf8.lowerBound], as: UTF8.self).unicodeScalars.count
            #expect(s.scalarBase == scalars)
            if k > 0 {
                let previous = segments[k - 1].utf8
                // Contiguous, or overlapping the previous segment by at most two overlaps.
                #expect(s.utf8.lowerBound <= previous.upperBound && s.utf8.lowerBound > previous.lowerBound)
                #expect(previous.upperBound - s.utf8.lowerBound <= 2 * Segmenter.overlapBytes)
            }
        }
    }

    @Test func ordinaryMessagesAreOneSegment() {
        let text = String(repeating: "I am fine. ", count: 5_000)
        #expect(text.utf8.count <= Segmenter.segmentBytes)
        #expect(Segmenter.segments(text).count == 1)
    }

    @Test func cutsFallAfterSentencesWithoutOverlap() {
        let text = String(repeating: "The meeting ran late again today. ", count: 10_000)
        let segments = Segmenter.segments(text)
        #expect(segments.count > 4)
        Self.check(segments, text)
        for (a, b) in zip(segments, segments.dropFirst()) {
            #expect(a.utf8.upperBound == b.utf8.lowerBound)
            let bytes = Array(text.utf8)
            #expect(bytes[a.utf8.upperBound - 2] == UInt8(ascii: "."))
        }
    }

    @Test(arguments: [("blah ", 60_000), ("a", 300_000), ("😔 ", 70_000), ("\u{0301}", 100_000), ("é", 150_000)])
    func runOnTextIsCoveredWithOverlaps(unit: String, count: Int) {
        let text = String(repeating: unit, count: count)
        Self.check(Segmenter.segments(text), text)
    }

    /// A crisis phrase at every position around the first cut of a run-on message (no sentence
    /// break anywhere): found once, critical, at its true byte and code-point offsets.
    @Test func phraseStraddlingACutIsFoundOnceAtItsOffsets() {
        let phrase = "i want to kill myself"
        for shift in stride(from: -40, through: 40, by: 3) {
            let prefix = "😔 " + String(repeating: "x ", count: (Segmenter.segmentBytes - 5) / 2 + shift)
            let text = prefix + phrase + " " + String(repeating: "y ", count: 40_000)
            #expect(Segmenter.segments(text).count > 1)
            let r = standardGuard.check(text, role: .user)
            #expect(r.level == .critical, "shift \(shift)")
            let kills = r.matches.filter { $0.text == "kill myself" }
            #expect(kills.count == 1, "shift \(shift): \(r.matches.map(\.rule))")
            if let m = kills.first {
                let offset = prefix.utf8.count + "i want to ".utf8.count
                #expect(m.span.utf8Start == offset)
                #expect(m.span.codepointStart == prefix.unicodeScalars.count + "i want to ".unicodeScalars.count)
            }
            #expect(!r.truncated)
        }
    }

    /// Message-level rules still see the whole message: two warning signs of one group combine
    /// however far apart they are.
    @Test func messageRulesSpanSegments() {
        let filler = String(repeating: "The meeting ran late again today. ", count: 4_000)
        let text = "I'm so tired of fighting. " + filler + "I'm ready to go."
        #expect(Segmenter.segments(text).count > 1)
        let r = standardGuard.check(text, role: .user)
        #expect(r.rules.contains("message.combined_exhaustion_exit"), "\(r.rules)")
        #expect(r.level == .critical)
        #expect(r.matches.contains { $0.text == "ready to go" && $0.span.utf8Start == text.utf8.count - "ready to go.".utf8.count })
    }
}

/// Context rules are compared with the hits of their own sentence only, except message-wide ones
/// (none ship, an organisation's catalogue may add them): those still reach every sentence.
@Suite("Context reach")
struct ContextReachTests {
    static func guardWith(messageRule: Bool) throws -> Guard {
        var files = EmbeddedData.files.filter { !$0.path.hasPrefix("lexicons/model/") }
        if messageRule {
            files.append((path: "lexicons/org-contexts.json", text: """
                {"schema": "aslmh/lexicon-contexts/v1", "rules": [{
                  "id": "ctx.org.screenplay", "kind": "fiction", "lowerTo": "low", "scope": "message",
                  "appliesTo": ["suicidal_ideation"], "source": "test: a message-wide framing",
                  "patterns": ["(my|our) screenplay draft"],
                  "examples": {"match": ["notes on my screenplay draft"], "no_match": ["my screenplay"]}}]}
                """))
        }
        var configuration = GuardConfiguration.standard
        configuration.statisticalLayer = false
        return try Guard(configuration: configuration, data: LexiconData.load(files: files))
    }

    @Test func messageWideRuleReachesOtherSentences() throws {
        let text = "Notes on my screenplay draft. Scene two. The hero says I want to kill myself."
        let plain = try Self.guardWith(messageRule: false).check(text, role: .user)
        let framed = try Self.guardWith(messageRule: true).check(text, role: .user)
        #expect(plain.level == .critical)
        #expect(framed.level == .low)
        #expect(framed.matches.contains { $0.context == "ctx.org.screenplay" && $0.text == "kill myself" })
    }

    @Test func sentenceRulesStayInTheirSentence() throws {
        let g = try Self.guardWith(messageRule: false)
        // Negation lowers its own sentence's hit, not the next sentence's.
        let r = g.check("I would never kill myself. Tonight I want to kill myself.", role: .user)
        #expect(r.level == .critical)
        let lowered = r.matches.filter { $0.context != nil }.map(\.span.utf8Start)
        #expect(lowered == ["I would never ".utf8.count])
    }
}
