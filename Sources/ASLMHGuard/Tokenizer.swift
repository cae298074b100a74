/// Splits a message into normalised tokens in one pass over its Unicode scalars, keeping every
/// token's span in the original text. Linear in the text's length.
struct Tokenizer {
    let vocabulary: Vocabulary

    /// Words that start a new clause, so context such as negation does not reach past them.
    static let clauseWords: Set<String> = ["but", "however", "though", "although", "except", "pero", "mais", "aber", "mas"]

    func tokenize(_ text: String) -> [Token] {
        var raw = rawTokens(text)
        raw = mergeSpacedLetters(raw)
        var extraClause: Int32 = 0
        for i in raw.indices {
            finalize(&raw[i])
            if Self.clauseWords.contains(raw[i].key) { extraClause += 1 }
            raw[i].clause += extraClause
        }
        return raw
    }

    // MARK: - Pass 1: scalars to raw tokens

    private struct Builder {
        var bytes: [UInt8] = []
        var extra: String = ""  // non-ASCII letters, kept in order with bytes via `bytes` marker
        var hasLetter = false
        var hasDigit = false
        var start = 0, end = 0, scalarStart = 0, scalarEnd = 0
        var isEmpty: Bool { bytes.isEmpty }
    }

    private func rawTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(min(text.utf8.count / 4 + 4, 1 << 16))
        var cache = FoldCache()
        var b = Builder()
        var sentence: Int32 = 0
        var clause: Int32 = 0
        var utf8 = 0
        var scalarIndex = 0
        // A scalar whose role depends on the next one: apostrophe, leet sign, or '.' in a number.
        var pending: (fold: FoldedScalar, byte: UInt8?)? = nil

        func flush() {
            guard !b.isEmpty else { return }
            emit(&tokens, b, sentence: sentence, clause: clause)
            b = Builder()
        }

        for scalar in text.unicodeScalars {
            let width = scalar.utf8.count
            let folded = cache.fold(scalar)
            defer { utf8 += width; scalarIndex += 1 }
            if case .word(let w) = folded {
                if let p = pending {
                    pending = nil
                    if let byte = p.byte, !b.isEmpty {
                        if byte != UInt8(ascii: "'") { b.bytes.append(byte) }
                    } else {
                        flush()
                    }
                }
                if b.isEmpty { b.start = utf8; b.scalarStart = scalarIndex }
                for u in w.utf8 {
                    b.bytes.append(u)
                    if u >= UInt8(ascii: "0") && u <= UInt8(ascii: "9") { b.hasDigit = true } else { b.hasLetter = true }
                }
                b.end = utf8 + width
                b.scalarEnd = scalarIndex + 1
                continue
            }
            // Resolve an earlier pending scalar that was not followed by a word character.
            if let p = pending {
                pending = nil
                flush()
                if case .sentenceBreak = p.fold { sentence += 1; clause += 1 }
            }
            switch folded {
            case .word: break
            case .apostrophe:
                if !b.isEmpty { pending = (.separator, UInt8(ascii: "'")) }
            case .leet(let letter):
                let isBang = letter == UInt8(ascii: "i") && scalar == "!"
                if !b.isEmpty && b.hasLetter {
                    pending = (isBang ? .sentenceBreak : .separator, letter)
                } else {
                    flush()
                    if isBang { sentence += 1; clause += 1 }
                }
            case .sentenceBreak:
                if scalar == ".", !b.isEmpty, !b.hasLetter {
                    pending = (.sentenceBreak, UInt8(ascii: "."))  // "2.5"
                } else if scalar == ".", b.bytes.count == 1, b.hasLetter {
                    flush()
                    pending = (.sentenceBreak, nil)  // "k.i.l.l", "U.S.A.": a break only if no letter follows
                } else {
                    flush()
                    sentence += 1
                    clause += 1
                }
            case .clauseBreak:
                flush()
                clause += 1
            case .separator:
                flush()
            }
        }
        if let p = pending, case .sentenceBreak = p.fold { flush(); sentence += 1 }
        flush()
        return tokens
    }

    private func emit(_ tokens: inout [Token], _ b: Builder, sentence: Int32, clause: Int32) {
        var bytes = b.bytes
        if b.hasLetter && b.hasDigit {
            // "100mg", "6am": a leading number and a unit become two tokens.
            var digits = 0
            while digits < bytes.count, isDigit(bytes[digits]) || bytes[digits] == UInt8(ascii: ".") { digits += 1 }
            if digits > 0 && digits < bytes.count && bytes[digits...].allSatisfy({ !isDigit($0) }) {
                let split = b.start + digits
                tokens.append(Token(
                    key: String(decoding: bytes[..<digits], as: UTF8.self), utf8Start: b.start, utf8End: split,
                    scalarStart: b.scalarStart, scalarEnd: b.scalarStart + digits, sentence: sentence, clause: clause))
                tokens.append(Token(
                    key: String(decoding: bytes[digits...], as: UTF8.self), utf8Start: split, utf8End: b.end,
                    scalarStart: b.scalarStart + digits, scalarEnd: b.scalarEnd, sentence: sentence, clause: clause))
                return
            }
            // "k1ll", "su1c1de": digits used for letters.
            for i in bytes.indices {
                switch bytes[i] {
                case UInt8(ascii: "0"): bytes[i] = UInt8(ascii: "o")
                case UInt8(ascii: "1"): bytes[i] = UInt8(ascii: "i")
                case UInt8(ascii: "3"): bytes[i] = UInt8(ascii: "e")
                case UInt8(ascii: "4"): bytes[i] = UInt8(ascii: "a")
                case UInt8(ascii: "5"): bytes[i] = UInt8(ascii: "s")
                case UInt8(ascii: "7"): bytes[i] = UInt8(ascii: "t")
                default: break
                }
            }
        }
        tokens.append(Token(
            key: String(decoding: bytes, as: UTF8.self), utf8Start: b.start, utf8End: b.end,
            scalarStart: b.scalarStart, scalarEnd: b.scalarEnd, sentence: sentence, clause: clause))
    }

    @inline(__always) private func isDigit(_ u: UInt8) -> Bool { u >= 48 && u <= 57 }

    // MARK: - Pass 2: "k i l l", "k.i.l.l" become one token

    private func mergeSpacedLetters(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            var j = i
            while j < tokens.count, isSingleLetter(tokens[j]),
                j == i || (tokens[j].utf8Start - tokens[j - 1].utf8End <= 3 && tokens[j].sentence == tokens[i].sentence)
            {
                j += 1
            }
            if j - i >= 3 {
                var merged = tokens[i]
                merged.key = tokens[i..<j].map(\.key).joined()
                merged.utf8End = tokens[j - 1].utf8End
                merged.scalarEnd = tokens[j - 1].scalarEnd
                out.append(merged)
                i = j
            } else {
                out.append(tokens[i])
                i += 1
            }
        }
        return out
    }

    private func isSingleLetter(_ t: Token) -> Bool {
        t.key.utf8.count == 1 && !isDigit(t.key.utf8.first!)
    }

    // MARK: - Pass 3: squeeze, spelling, vocabulary

    private func finalize(_ t: inout Token) {
        var key = Self.collapseLongRuns(t.key)
        if let canonical = vocabulary.spellings[key] ?? vocabulary.spellings[Self.squeeze(key)] { key = canonical }
        t.key = key
        vocabulary.identify(&t)
    }

    /// Runs of three or more of the same letter become two ("sooo" → "soo", "killll" → "kill");
    /// the vocabulary then also tries the fully squeezed form ("soo" → "so").
    static func collapseLongRuns(_ s: String) -> String {
        var prev: UInt8 = 0
        var run = 0
        var changed = false
        for u in s.utf8 {
            run = u == prev ? run + 1 : 1
            prev = u
            if run >= 3 && u < 0x80 && !(u >= 48 && u <= 57) { changed = true; break }
        }
        if !changed { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        prev = 0
        run = 0
        for u in s.utf8 {
            run = u == prev ? run + 1 : 1
            prev = u
            if run >= 3 && u < 0x80 && !(u >= 48 && u <= 57) { continue }
            out.append(u)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Collapses runs of the same letter ("sooo" → "so", "kill" → "kil"); digits are kept.
    static func squeeze(_ s: String) -> String {
        var prev: UInt8 = 0
        var changed = false
        for u in s.utf8 {
            if u == prev && !(u >= 48 && u <= 57) { changed = true; break }
            prev = u
        }
        if !changed { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        prev = 0
        for u in s.utf8 {
            if u == prev && !(u >= 48 && u <= 57) && u < 0x80 { continue }
            out.append(u)
            prev = u
        }
        return String(decoding: out, as: UTF8.self)
    }
}
