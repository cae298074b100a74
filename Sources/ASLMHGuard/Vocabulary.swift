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

    /// Points every known misspelling at its canonical word's id, so a token needs one lookup, and
    /// builds the byte-keyed tables the tokenizer's hot loop reads.
    mutating func linkSpellings() {
        for (variant, canonical) in spellings where ids[variant] == nil {
            if let id = ids[canonical] { ids[variant] = id }
        }
        var table = ByteKeyTable(capacity: ids.count)
        keyLexID = []
        for (word, id) in ids.sorted(by: { $0.key < $1.key }) {
            table.set(word, Int32(keyLexID.count))
            keyLexID.append(id)
        }
        keys = table
        var prefixTable = ByteKeyTable(capacity: prefixes.count)
        prefixLists = []
        for (key, list) in prefixes.sorted(by: { $0.key < $1.key }) where key.utf8.count == Self.prefixKeyLength {
            prefixTable.set(key, Int32(prefixLists.count))
            prefixLists.append(list)
        }
        fastPrefixes = prefixTable
        isFrozen = true
        clauseFlags = [Bool](repeating: false, count: Int(count))
        for id in clauseWordIDs where id >= 0 && Int(id) < clauseFlags.count { clauseFlags[Int(id)] = true }
    }

    /// Every known token key (a pattern word, a misspelling, and any word `addKeys` registers for
    /// the statistical layer) → its key index, so a token is hashed once for both layers; `keyLexID`
    /// is the pattern word id of each key (−1 for a key only the statistical layer knows). Built by
    /// `linkSpellings()`, with `prefixes` (ASCII keys) as a byte-keyed table and the clause words by id.
    private(set) var keys = ByteKeyTable(capacity: 0)
    private(set) var keyLexID: [Int32] = []
    private(set) var fastPrefixes = ByteKeyTable(capacity: 0)
    private(set) var prefixLists: [[(prefix: String, id: Int32)]] = []
    private(set) var clauseFlags: [Bool] = []
    /// Whether the byte-keyed tables are built (no word is added after `linkSpellings()`).
    private(set) var isFrozen = false

    @inline(__always) func isClauseWord(_ id: Int32) -> Bool {
        id >= 0 && Int(id) < clauseFlags.count ? clauseFlags[Int(id)] : clauseWordIDs.contains(id)
    }

    /// Registers one more key after `linkSpellings()` (a word the statistical layer knows) and returns
    /// its key index; a key already known keeps its index.
    mutating func addKey(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        precondition(isFrozen, "addKey after linkSpellings")
        let k = keys.value(forBytes: word, insert: Int32(keyLexID.count))
        if k == keyLexID.count { keyLexID.append(-1) }
        return k
    }

    var keyCount: Int { keyLexID.count }

    /// Looks a token up: its own form, then a known misspelling, then (for elongated words such as
    /// "sooo" or "kiiill") the squeezed form. Sets the token's key index when the tables are built.
    func identify(_ t: inout Token, elongated: Bool = false) {
        let key = t.key
        // The key's UTF-8 bytes straight into the byte-keyed table once it is built.
        let found: Int32
        if isFrozen, let k = key.utf8.withContiguousStorageIfAvailable({ keys.lookup($0) }) {
            t.keyIndex = k
            found = k >= 0 ? keyLexID[Int(k)] : -1
        } else {
            found = ids[key] ?? -1
        }
        if found >= 0 {
            t.id = found
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
        guard !prefixes.isEmpty && key.utf8.count >= Self.prefixKeyLength,
            let candidates = asciiPrefixCandidates(key) ?? prefixes[String(key.prefix(Self.prefixKeyLength))]
        else { return }
        // Byte-wise: keys and prefixes are folded the same way (NFKC, no accents), so comparing
        // UTF-8 bytes is exact and avoids String's grapheme-aware `hasPrefix`.
        for c in candidates where key.utf8.starts(with: c.prefix.utf8) {
            if t.altID < 0 { t.altID = c.id } else if t.altID2 < 0 { t.altID2 = c.id }
        }
    }

    /// The `prefix*` words for a key whose first characters are ASCII, from the byte-keyed table (four
    /// bytes are four characters when the fifth byte is ASCII too); nil when that does not apply.
    private func asciiPrefixCandidates(_ key: String) -> [(prefix: String, id: Int32)]?? {
        guard isFrozen else { return nil }
        return key.utf8.withContiguousStorageIfAvailable { p -> [(prefix: String, id: Int32)]?? in
            guard p.count >= Self.prefixKeyLength, p[0] < 0x80, p[1] < 0x80, p[2] < 0x80, p[3] < 0x80,
                p.count == Self.prefixKeyLength || p[4] < 0x80
            else { return nil }
            let list = fastPrefixes.lookup(UnsafeBufferPointer(rebasing: p[0..<Self.prefixKeyLength]))
            return .some(list >= 0 ? prefixLists[Int(list)] : nil)
        } ?? nil
    }
}
