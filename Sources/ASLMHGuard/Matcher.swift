/// A pattern hit: which pattern owner, and the token range it covers.
struct RawMatch {
    var owner: CompiledPattern.Owner
    var start: Int
    var end: Int  // exclusive
}

/// Finds every pattern occurrence in a token sequence. Patterns are indexed by their first
/// element's word ids, so each token costs a constant number of array lookups; a pattern's
/// remaining elements are bounded (gaps ≤ 8 tokens), so the whole scan is linear in the text.
struct Matcher: Sendable {
    let patterns: [CompiledPattern]
    /// Vocabulary id → indices of patterns whose first element accepts that id.
    let anchors: [[Int32]]
    let numberID: Int32
    /// Upper bound on matches kept per message, whatever its length.
    static let maxMatches = 4096

    init(patterns: [CompiledPattern], vocabularySize: Int32, numberID: Int32) {
        self.numberID = numberID
        var anchors = [[Int32]](repeating: [], count: Int(vocabularySize) + 1)
        for (index, p) in patterns.enumerated() {
            guard case .word(let ids) = p.elements[0] else { continue }
            for id in Set(ids) { anchors[Int(id)].append(Int32(index)) }
        }
        self.patterns = patterns
        self.anchors = anchors
    }

    func matches(in tokens: [Token]) -> [RawMatch] {
        var found: [RawMatch] = []
        var lastEndByOwner: [CompiledPattern.Owner: Int] = [:]
        tokens.withUnsafeBufferPointer { buf in
            for i in 0..<buf.count {
                let t = buf[i]
                for slot in 0..<3 {
                    let id = slot == 0 ? t.id : (slot == 1 ? t.altID : t.altID2)
                    guard id >= 0 && Int(id) < anchors.count else { continue }
                    for p in anchors[Int(id)] {
                        let pattern = patterns[Int(p)]
                        // One match per owner per region: skip if this owner already covers token i.
                        if let last = lastEndByOwner[pattern.owner], last > i { continue }
                        guard let end = match(pattern.elements, 1, i + 1, buf, sentence: t.sentence) else { continue }
                        found.append(RawMatch(owner: pattern.owner, start: i, end: end))
                        lastEndByOwner[pattern.owner] = end
                        if found.count >= Self.maxMatches { return }
                    }
                }
            }
        }
        return found
    }

    private func match(
        _ elements: [CompiledPattern.Element], _ e: Int, _ pos: Int, _ tokens: UnsafeBufferPointer<Token>,
        sentence: Int32
    ) -> Int? {
        if e == elements.count { return pos }
        switch elements[e] {
        case .word(let ids):
            guard pos < tokens.count, tokens[pos].sentence == sentence, accepts(ids, tokens[pos]) else { return nil }
            return match(elements, e + 1, pos + 1, tokens, sentence: sentence)
        case .optional(let ids):
            if pos < tokens.count, tokens[pos].sentence == sentence, accepts(ids, tokens[pos]),
                let end = match(elements, e + 1, pos + 1, tokens, sentence: sentence)
            {
                return end
            }
            return match(elements, e + 1, pos, tokens, sentence: sentence)
        case .number(let min):
            guard pos < tokens.count, tokens[pos].sentence == sentence, tokens[pos].has(numberID),
                let value = Double(tokens[pos].key), value >= min
            else { return nil }
            return match(elements, e + 1, pos + 1, tokens, sentence: sentence)
        case .gap(let maxSkip):
            var p = pos
            for k in 0...maxSkip {
                if k > 0 {
                    guard p < tokens.count, tokens[p].sentence == sentence else { return nil }
                    p += 1
                }
                if let end = match(elements, e + 1, p, tokens, sentence: sentence) { return end }
            }
            return nil
        }
    }

    @inline(__always) private func accepts(_ ids: [Int32], _ t: Token) -> Bool {
        for id in ids where t.has(id) { return true }
        return false
    }
}
