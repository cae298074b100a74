import Foundation

/// How one Unicode scalar takes part in a token after folding.
enum FoldedScalar: Equatable {
    /// Letters or digits to append to the current token (already lower-cased, accents removed).
    case word(String)
    /// An apostrophe: joins "don't" into "dont" inside a word, separates elsewhere.
    case apostrophe
    /// Ends a sentence (`.`, `!`, `?`, `;`, a line break).
    case sentenceBreak
    /// Ends a clause (`,`, `:`, dashes and brackets).
    case clauseBreak
    /// Any other separator (space, symbols).
    case separator
    /// Characters that stand for letters inside a word: `@` → a, `$` → s, `!` → i.
    case leet(UInt8)
}

/// Folds scalars: NFKC compatibility mapping, lower case, diacritics removed, curly quotes and
/// dashes mapped to their ASCII roles. ASCII takes a table lookup; other scalars are folded with
/// Foundation once per distinct scalar in a message (see `FoldCache`).
enum CharacterFolding {
    static func foldASCII(_ b: UInt8) -> FoldedScalar {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .word(String(UnicodeScalar(b)))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return .word(String(UnicodeScalar(b + 32)))
        case UInt8(ascii: "'"), UInt8(ascii: "`"): return .apostrophe
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), 10, 13:
            return b == UInt8(ascii: "!") ? .leet(UInt8(ascii: "i")) : .sentenceBreak
        case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""):
            return .clauseBreak
        case UInt8(ascii: "@"): return .leet(UInt8(ascii: "a"))
        case UInt8(ascii: "$"): return .leet(UInt8(ascii: "s"))
        default: return .separator
        }
    }

    static func foldNonASCII(_ s: Unicode.Scalar) -> FoldedScalar {
        switch s.value {
        case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x00B4: return .apostrophe
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: return .clauseBreak
        case 0x2010...0x2015, 0x2212: return .clauseBreak
        case 0x2026, 0x3002, 0xFF01, 0xFF0E, 0xFF1F, 0x00A1, 0x00BF, 0x2028, 0x2029, 0x0085:
            return s.value == 0x00A1 || s.value == 0x00BF ? .separator : .sentenceBreak
        case 0x00DF: return .word("ss")
        case 0x00E6, 0x00C6: return .word("ae")
        case 0x0153, 0x0152: return .word("oe")
        case 0x00F8, 0x00D8: return .word("o")
        case 0x0131: return .word("i")
        case 0x0142, 0x0141: return .word("l")
        default: break
        }
        let props = s.properties
        if props.isWhitespace || props.generalCategory == .control || props.generalCategory == .format {
            return .separator
        }
        // NFKC (full-width letters, ligatures, compatibility digits), then lower case, then no accents.
        let mapped = String(s).precomposedStringWithCompatibilityMapping
        if mapped.unicodeScalars.count == 1, let only = mapped.unicodeScalars.first, only.isASCII {
            return foldASCII(UInt8(only.value))
        }
        let folded = mapped.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII {
                if case .word(let w) = foldASCII(UInt8(scalar.value)) { out += w }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            }
        }
        return out.isEmpty ? .separator : .word(out)
    }
}

/// Per-message memo of non-ASCII folds, so a long text in another script is folded in linear time.
struct FoldCache {
    private var memo: [UInt32: FoldedScalar] = [:]

    mutating func fold(_ s: Unicode.Scalar) -> FoldedScalar {
        if s.isASCII { return CharacterFolding.foldASCII(UInt8(s.value)) }
        if let hit = memo[s.value] { return hit }
        let value = CharacterFolding.foldNonASCII(s)
        if memo.count < 4096 { memo[s.value] = value }
        return value
    }
}
