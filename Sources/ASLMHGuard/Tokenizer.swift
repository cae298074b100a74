/// Splits a message into normalised tokens in one pass over its Unicode scalars, keeping every
/// token's span in the original text. Linear in the text's length.
struct Tokenizer {
    let vocabulary: Vocabulary

    /// Words that start a new clause, so context such as negation does not reach past them.
    static let clauseWords: Set<String> = ["but", "however", "though", "although", "except", "pero", "mais", "aber", "mas"]

    func tokenize(_ text: String) -> [Token] {
        var raw = rawTokens(text)
        mergeSpacedLetters(&raw)
        var extraClause: Int32 = 0
        raw.withUnsafeMutableBufferPointer { tokens in
            for i in tokens.indices {
                finalize(&tokens[i])
                if tokens[i].id >= 0 && vocabulary.isClauseWord(tokens[i].id) { extraClause += 1 }
                tokens[i].clause += extraClause
            }
        }
        return raw
    }

    // MARK: - Pass 1: scalars to raw tokens

    fileprivate struct Builder {
        var bytes: [UInt8] = []
        var hasLetter = false
        var hasDigit = false
        var start = 0, end = 0, scalarStart = 0, scalarEnd = 0
        var isEmpty: Bool { bytes.isEmpty }

        mutating func reset() {
            bytes.removeAll(keepingCapacity: true)
            hasLetter = false
            hasDigit = false
        }
    }

    /// ASCII classes: 0 separator, 1 letter or digit, 2 apostrophe, 3 sentence break, 4 clause
    /// break, 5 leet sign ('@', '$', '!').
    private static let asciiClass: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 128)
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(c)] = 1 }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(c)] = 1 }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(c)] = 1 }
        t[Int(UInt8(ascii: "'"))] = 2
        t[Int(UInt8(ascii: "`"))] = 2
        for c in [".", "?", ";"] { t[Int(UInt8(ascii: Unicode.Scalar(c)!))] = 3 }
        t[10] = 3
        t[13] = 3
        for c in [",", ":", "(", ")", "[", "]", "\"", "-"] { t[Int(UInt8(ascii: Unicode.Scalar(c)!))] = 4 }
        t[Int(UInt8(ascii: "-"))] = 0
        for c in ["@", "$", "!"] { t[Int(UInt8(ascii: Unicode.Scalar(c)!))] = 5 }
        return t
    }()

    /// The state of pass 1, kept in one value so the hot loop touches no captured boxes.
    fileprivate struct RawState {
        var tokens: [Token] = []
        var b = Builder()
        var sentence: Int32 = 0
        var clause: Int32 = 0
        var utf8 = 0
        var scalarIndex = 0
        /// A scalar whose role depends on the next one: apostrophe, leet sign, '.' in a number or
        /// after a single letter.
        var pendingFold: FoldedScalar? = nil
        var pendingByte: UInt8? = nil

        mutating func flush() {
            guard !b.isEmpty else { return }
            // The builder's bytes are read in place (copying the builder would retain its buffer).
            let shape = Tokenizer.Shape(
                hasLetter: b.hasLetter, hasDigit: b.hasDigit, start: b.start, end: b.end, scalarStart: b.scalarStart,
                scalarEnd: b.scalarEnd)
            b.bytes.withUnsafeBufferPointer { Tokenizer.emit(&tokens, $0, shape, sentence: sentence, clause: clause) }
            b.reset()
        }

        @inline(__always) mutating func appendWordByte(_ u: UInt8, width: Int) {
            if pendingFold != nil {
                let byte = pendingByte
                pendingFold = nil
                pendingByte = nil
                if let byte, !b.isEmpty {
                    if byte != UInt8(ascii: "'") { b.bytes.append(byte) }
                } else {
                    flush()
                }
            }
            if b.isEmpty { b.start = utf8; b.scalarStart = scalarIndex }
            b.bytes.append(u)
            if u >= 48 && u <= 57 { b.hasDigit = true } else { b.hasLetter = true }
            b.end = utf8 + width
            b.scalarEnd = scalarIndex + 1
        }

        mutating func handle(_ folded: FoldedScalar, scalar: Unicode.Scalar) {
            // Resolve an earlier pending scalar that was not followed by a word character.
            if let p = pendingFold {
                pendingFold = nil
                pendingByte = nil
                flush()
                if case .sentenceBreak = p { sentence += 1; clause += 1 }
            }
            switch folded {
            case .word: break
            case .apostrophe:
                if !b.isEmpty { pendingFold = .separator; pendingByte = UInt8(ascii: "'") }
            case .leet(let letter):
                let isBang = letter == UInt8(ascii: "i") && scalar == "!"
                if !b.isEmpty && b.hasLetter {
                    pendingFold = isBang ? .sentenceBreak : .separator
                    pendingByte = letter
                } else {
                    flush()
                    if isBang { sentence += 1; clause += 1 }
                }
            case .sentenceBreak:
                if scalar == ".", !b.isEmpty, !b.hasLetter {
                    pendingFold = .sentenceBreak  // "2.5"
                    pendingByte = UInt8(ascii: ".")
                } else if scalar == ".", b.bytes.count == 1, b.hasLetter {
                    flush()
                    pendingFold = .sentenceBreak  // "k.i.l.l", "U.S.A.": a break only if no letter follows
                    pendingByte = nil
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
    }

    private func rawTokens(_ text: String) -> [Token] {
        var st = RawState()
        // At most one token per two bytes: reserving that much never copies the array while it
        // grows, and pages that stay unused are never touched (they cost no resident memory).
        st.tokens.reserveCapacity(text.utf8.count / 2 + 4)
        var cache = FoldCache()
        let table = Self.asciiClass
        for scalar in text.unicodeScalars {
            if scalar.value < 128 {
                let u = UInt8(truncatingIfNeeded: scalar.value)
                if table[Int(u)] == 1 {
                    st.appendWordByte(u >= 65 && u <= 90 ? u + 32 : u, width: 1)
                } else {
                    st.handle(CharacterFolding.foldASCII(u), scalar: scalar)
                }
                st.utf8 += 1
            } else {
                let width = scalar.utf8.count
                let folded = cache.fold(scalar)
                if case .word(let w) = folded {
                    for u in w.utf8 { st.appendWordByte(u, width: width) }
                } else {
                    st.handle(folded, scalar: scalar)
                }
                st.utf8 += width
            }
            st.scalarIndex += 1
        }
        if let p = st.pendingFold, case .sentenceBreak = p { st.flush(); st.sentence += 1 }
        st.flush()
        return st.tokens
    }

    /// Where a raw token lies and what it holds.
    fileprivate struct Shape {
        var hasLetter: Bool
        var hasDigit: Bool
        var start: Int, end: Int, scalarStart: Int, scalarEnd: Int
    }

    fileprivate static func emit(
        _ tokens: inout [Token], _ bytes: UnsafeBufferPointer<UInt8>, _ b: Shape, sentence: Int32, clause: Int32
    ) {
        if b.hasLetter && b.hasDigit {
            // "100mg", "6am": a leading number and a unit become two tokens.
            var digits = 0
            while digits < bytes.count, Self.isDigit(bytes[digits]) || bytes[digits] == UInt8(ascii: ".") { digits += 1 }
            if digits > 0 && digits < bytes.count && bytes[digits...].allSatisfy({ !Self.isDigit($0) }) {
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
            let letters = bytes.map { u -> UInt8 in
                switch u {
                case UInt8(ascii: "0"): UInt8(ascii: "o")
                case UInt8(ascii: "1"): UInt8(ascii: "i")
                case UInt8(ascii: "3"): UInt8(ascii: "e")
                case UInt8(ascii: "4"): UInt8(ascii: "a")
                case UInt8(ascii: "5"): UInt8(ascii: "s")
                case UInt8(ascii: "7"): UInt8(ascii: "t")
                default: u
                }
            }
            tokens.append(Token(
                key: String(decoding: letters, as: UTF8.self), utf8Start: b.start, utf8End: b.end,
                scalarStart: b.scalarStart, scalarEnd: b.scalarEnd, sentence: sentence, clause: clause))
            return
        }
        tokens.append(Token(
            key: String(decoding: bytes, as: UTF8.self), utf8Start: b.start, utf8End: b.end,
            scalarStart: b.scalarStart, scalarEnd: b.scalarEnd, sentence: sentence, clause: clause))
    }

    @inline(__always) private static func isDigit(_ u: UInt8) -> Bool { u >= 48 && u <= 57 }

    // MARK: - Pass 2: "k i l l", "k.i.l.l" become one token

    /// Longest run of single letters merged into one word: spaced-out words are short, and a
    /// longer run (`k i l l k i l l …` repeated) is noise that must not build one huge token.
    static let maxSpacedRun = 32

    private func mergeSpacedLetters(_ tokens: inout [Token]) {
        var run = 0
        var hasRun = false
        for t in tokens {
            run = isSingleLetter(t) ? run + 1 : 0
            if run >= 3 { hasRun = true; break }
        }
        if !hasRun { return }
        // Compacted in place: no second array of tokens (memory stays flat on pathological input).
        var write = 0
        var i = 0
        while i < tokens.count {
            var j = i
            while j < tokens.count, isSingleLetter(tokens[j]),
                j == i || (tokens[j].utf8Start - tokens[j - 1].utf8End <= 3 && tokens[j].sentence == tokens[i].sentence)
            {
                j += 1
            }
            if j - i >= 3 && j - i <= Self.maxSpacedRun {
                var merged = tokens[i]
                merged.key = tokens[i..<j].map(\.key).joined()
                merged.utf8End = tokens[j - 1].utf8End
                merged.scalarEnd = tokens[j - 1].scalarEnd
                tokens[write] = merged
                write += 1
                i = j
            } else if j - i > Self.maxSpacedRun {
                // Keep the letters as they are.
                while i < j {
                    tokens[write] = tokens[i]
                    write += 1
                    i += 1
                }
            } else {
                tokens[write] = tokens[i]
                write += 1
                i += 1
            }
        }
        tokens.removeLast(tokens.count - write)
    }

    private func isSingleLetter(_ t: Token) -> Bool {
        t.key.utf8.count == 1 && !Self.isDigit(t.key.utf8.first!)
    }

    // MARK: - Pass 3: squeeze, spelling, vocabulary

    private func finalize(_ t: inout Token) {
        let collapsed = Self.collapseLongRuns(t.key)
        let elongated = collapsed.utf8.count != t.key.utf8.count
        t.key = collapsed
        vocabulary.identify(&t, elongated: elongated)
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
