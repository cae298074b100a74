/// Every word the compiled patterns use, with an integer id, so matching compares integers.
struct Vocabulary: Sendable {
    private(set) var ids: [String: Int32] = [:]
    /// Fully squeezed form ("kil", "so") → id, the fallback for repeated letters and misspellings.
    private(set) var squeezed: [String: Int32] = [:]
    /// `prefix*` words, indexed by their first four characters.
    private(set) var prefixes: [String: [(prefix: String, id: Int32)]] = [:]
    /// Misspelling → canonical word (both already squeezed).
    var spellings: [String: String] = [:]
    /// Id given to tokens that are numbers (`#num` in patterns).
    private(set) var numberID: Int32 = 0
    private(set) var count: Int32 = 1

    static let prefixKeyLength = 4

    mutating func id(for word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = count
        count += 1
        ids[word] = id
        if !word.hasSuffix("*") {
            let key = Tokenizer.squeeze(word)
            if squeezed[key] == nil { squeezed[key] = id }
        }
        return id
    }

    mutating func prefixID(for prefix: String) -> Int32 {
        let marker = prefix + "*"
        if let id = ids[marker] { return id }
        let id = self.id(for: marker)
        let key = String(prefix.prefix(Self.prefixKeyLength))
        prefixes[key, default: []].append((prefix, id))
        return id
    }

    /// Ids of words that start a new clause ("but", "however", …).
    private(set) var clauseWordIDs: Set<Int32> = []

    mutating func registerClauseWords(_ words: Set<String>) {
        for w in words { clauseWordIDs.insert(id(for: w)) }
    }

    /// Points every known misspelling at its canonical word's id, so a token needs one lookup.
    mutating func linkSpellings() {
        for (variant, canonical) in spellings where ids[variant] == nil {
            if let id = ids[canonical] { ids[variant] = id }
        }
    }

    /// Looks a token up: its own form, then a known misspelling, then (for elongated words such as
    /// "sooo" or "kiiill") the squeezed form.
    func identify(_ t: inout Token, elongated: Bool = false) {
        let key = t.key
        if let id = ids[key] {
            t.id = id
        } else if elongated {
            let squeezedKey = Tokenizer.squeeze(key)
            t.id = ids[squeezedKey] ?? squeezed[squeezedKey] ?? -1
        } else {
            t.id = -1
        }
        guard let first = key.utf8.first else { return }
        if first >= 48 && first <= 57 && key.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }) {
            t.altID = numberID
            return
        }
        if !prefixes.isEmpty && key.utf8.count >= Self.prefixKeyLength,
            let candidates = prefixes[String(key.prefix(Self.prefixKeyLength))]
        {
            for c in candidates where key.hasPrefix(c.prefix) {
                if t.altID < 0 { t.altID = c.id } else if t.altID2 < 0 { t.altID2 = c.id }
            }
        }
    }
}
