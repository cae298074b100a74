/// A compiled token pattern.
///
/// Syntax (space-separated elements):
/// - `word`, `a|b|c`: one token equal to one of the words (normalised like message text);
/// - `pref*`: a token starting with `pref` (at least four letters);
/// - `@class`: any word of a named word class; `#num`: a number; `#numN`: a number ≥ N;
/// - an element ending in `?` is optional;
/// - `...` skips up to 3 tokens, `...N` up to N (N ≤ 8), never past the end of a sentence;
/// - `(you are|youre)`: a group of multi-word alternatives, expanded into one pattern each;
/// - `$` (last element only): the end of a clause (a comma, a sentence break, "but", or the end of
///   the message), so "I want to be gone$" does not match "I want to be gone by five".
struct CompiledPattern: Sendable {
    enum Element: Sendable {
        case word([Int32])
        case optional([Int32])
        /// A number token at least this large (`#num5`).
        case number(Double)
        case gap(Int)
        /// The end of a clause (`$`).
        case clauseEnd
    }

    enum Owner: Sendable, Hashable {
        case entry(Int)
        case context(Int)
    }

    var owner: Owner
    var elements: [Element]
}

struct PatternCompiler {
    var vocabulary: Vocabulary
    let classes: [String: [String]]
    let normalizer: Tokenizer

    init(classes: [String: [String]], spellings: [String: [String]]) {
        var vocabulary = Vocabulary()
        for (canonical, variants) in spellings {
            for v in variants { vocabulary.spellings[v.lowercased()] = canonical }
        }
        vocabulary.registerClauseWords(Tokenizer.clauseWords)
        self.vocabulary = vocabulary
        self.classes = classes
        self.normalizer = Tokenizer(vocabulary: vocabulary)
    }

    /// Expands `(a b|c)` groups into plain patterns (at most 256 per source pattern).
    static func expand(_ pattern: String, rule: String) throws -> [String] {
        guard let open = pattern.firstIndex(of: "(") else { return [pattern] }
        guard let close = pattern[open...].firstIndex(of: ")") else {
            throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "unclosed '('")
        }
        let head = pattern[..<open]
        let tail = pattern[pattern.index(after: close)...]
        var out: [String] = []
        for alt in pattern[pattern.index(after: open)..<close].split(separator: "|") {
            out += try expand(String(head) + String(alt) + String(tail), rule: rule)
            if out.count > 256 {
                throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "expands to more than 256 patterns")
            }
        }
        return out
    }

    mutating func compile(_ pattern: String, owner: CompiledPattern.Owner, rule: String) throws -> CompiledPattern {
        let parts = pattern.split(separator: " ", omittingEmptySubsequences: true)
        var elements: [CompiledPattern.Element] = []
        for (index, part) in parts.enumerated() {
            if part == "$" {
                guard index == parts.count - 1, index > 0 else {
                    throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "'$' must be the last element")
                }
                elements.append(.clauseEnd)
                continue
            }
            if part.hasPrefix("...") {
                let rest = part.dropFirst(3)
                let n = rest.isEmpty ? 3 : Int(rest) ?? -1
                guard (1...8).contains(n) else {
                    throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "gap '\(part)' must be ... or ...1 to ...8")
                }
                elements.append(.gap(n))
                continue
            }
            if part.hasPrefix("#num"), part.count > 4, part.dropFirst(4).allSatisfy(\.isNumber) {
                guard let min = Double(part.dropFirst(4)) else {
                    throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "bad number bound '\(part)'")
                }
                elements.append(.number(min))
                continue
            }
            var text = Substring(part)
            let optional = text.hasSuffix("?")
            if optional { text = text.dropLast() }
            var ids: [Int32] = []
            for alt in text.split(separator: "|") {
                ids += try resolve(String(alt), rule: rule, pattern: pattern, depth: 0)
            }
            guard !ids.isEmpty else {
                throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "empty element '\(part)'")
            }
            elements.append(optional ? .optional(ids) : .word(ids))
        }
        guard case .word = elements.first else {
            throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "must start with a required word")
        }
        var last = elements.count - 1
        if case .clauseEnd? = elements.last { last -= 1 }
        switch elements[last] {
        case .word, .number: break
        default:
            throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "must end with a required word")
        }
        return CompiledPattern(owner: owner, elements: elements)
    }

    private mutating func resolve(_ alt: String, rule: String, pattern: String, depth: Int) throws -> [Int32] {
        if alt == "#num" { return [vocabulary.numberID] }
        if alt.hasPrefix("@") {
            let name = String(alt.dropFirst())
            guard let words = classes[name], depth < 4 else {
                throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "unknown word class @\(name)")
            }
            var ids: [Int32] = []
            for w in words { ids += try resolve(w, rule: rule, pattern: pattern, depth: depth + 1) }
            return ids
        }
        let isPrefix = alt.hasSuffix("*")
        let word = isPrefix ? String(alt.dropLast()) : alt
        let tokens = normalizer.tokenize(word)
        guard tokens.count == 1, let key = tokens.first?.key else {
            throw GuardError.invalidPattern(
                rule: rule, pattern: pattern, message: "'\(alt)' normalises to \(tokens.count) tokens, not one")
        }
        if isPrefix {
            guard key.utf8.count >= Vocabulary.prefixKeyLength else {
                throw GuardError.invalidPattern(rule: rule, pattern: pattern, message: "prefix '\(alt)' is shorter than 4 letters")
            }
            return [vocabulary.prefixID(for: key)]
        }
        return [vocabulary.id(for: key)]
    }
}
