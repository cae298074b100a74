import Testing

@testable import ASLMHGuard

@Suite("Normalisation and spans")
struct NormalizationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let rule: String
        var testDescription: String { "\(rule): \(text)" }
    }

    static let evasions: [Case] = [
        Case(text: "i don’t want to be alive anymore", rule: "si.not_want_live"),  // curly apostrophe
        Case(text: "I WANT TO KILL MYSELF", rule: "si.kill_self"),  // case
        Case(text: "i want to kiiiiill myself", rule: "si.kill_self"),  // repeated letters
        Case(text: "i want to k i l l myself", rule: "si.kill_self"),  // spaced letters
        Case(text: "i want to k.i.l.l myself", rule: "si.kill_self"),  // dotted letters
        Case(text: "i want to k1ll mys3lf", rule: "si.kill_self"),  // digits for letters
        Case(text: "i want to k!ll myself", rule: "si.kill_self"),  // sign for letter
        Case(text: "ｉ ｗａｎｔ ｔｏ ｋｉｌｌ ｍｙｓｅｌｆ", rule: "si.kill_self"),  // full-width (NFKC)
        Case(text: "thinking about sucide", rule: "si.suicide_self"),  // misspelling
        Case(text: "i'm gonna kill myslef", rule: "si.kill_self"),  // misspelling
        Case(text: "I want to end my life\u{200B}", rule: "si.kill_self"),  // zero-width space
        Case(text: "quiero MORIRME", rule: "es.si.want_die"),
        Case(text: "Ich möchte nicht mehr leben", rule: "de.si.want_die"),  // umlaut folded
        Case(text: "não quero mais viver", rule: "pt.si.want_die"),  // accents folded
    ]

    @Test(arguments: evasions)
    func evasionIsCaught(_ c: Case) {
        let r = standardGuard.check(c.text, role: .user)
        #expect(r.fired(c.rule), "\(c.rule) missed \"\(c.text)\": \(r.matches.map(\.rule))")
    }

    @Test func substringsInsideWordsDoNotMatch() {
        #expect(standardGuard.check("The skilled workers killed it at the show.", role: .user).level == .none)
        #expect(standardGuard.check("Overdosage guidelines for pharmacists", role: .user).level < .high)
    }

    @Test func spansPointIntoTheOriginalText() throws {
        let text = "Héllo — “well”, I don’t want to be alive anymore 😔"
        let r = standardGuard.check(text, role: .user)
        let m = try #require(r.matches.first { $0.rule == "si.not_want_live" })
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[m.span.utf8Start..<m.span.utf8End], as: UTF8.self) == m.text)
        let scalars = Array(text.unicodeScalars)
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[m.span.codepointStart..<m.span.codepointEnd])
        #expect(String(s) == m.text)
        #expect(m.text == "don’t want to be alive")
    }

    @Test func spacedLettersSpanCoversAllLetters() throws {
        let text = "I will k i l l myself"
        let m = try #require(standardGuard.check(text, role: .user).matches.first { $0.rule == "si.kill_self" })
        #expect(m.text == "k i l l myself")
    }

    @Test func tokenizerFoldsAndKeepsOffsets() throws {
        let data = try LexiconData.embedded()
        let engine = try Engine(data: data, isEnabled: { _ in true })
        let tokens = engine.tokenizer.tokenize("Ça m’énerve: 100mg, I’ll")
        #expect(tokens.map(\.key) == ["ca", "menerve", "100", "mg", "ill"])
        #expect(tokens[2].utf8Start < tokens[3].utf8Start)
        #expect(tokens[0].sentence == tokens[4].sentence)
        #expect(tokens[1].clause < tokens[2].clause)
    }

    @Test func sameInputSameOutput() {
        let text = "I took 30 pills and I'm scared, please help"
        let a = GuardScanner.encode(id: .string("x"), result: standardGuard.check(text, role: .user))
        let b = GuardScanner.encode(id: .string("x"), result: standardGuard.check(text, role: .user))
        #expect(a == b)
    }
}
