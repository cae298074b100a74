/// A pattern hit: which pattern owner, and the token range it covers.
struct RawMatch {
    var owner: CompiledPattern.Owner
    var start: Int
    var end: Int  // exclusive
}

/// Finds every pattern occurrence in a token sequence, in time linear in the number of tokens.
///
/// Patterns are stored flat (no per-pattern arrays, so no reference counting while matching) and
/// indexed by the word ids of their first element. Before a candidate pattern is tried, a bitset
/// of the ids present in the message rules out patterns whose required words do not occur at all,
/// which is most of them for ordinary text. Gaps are bounded (≤ 8 tokens) and patterns short, so
/// the work per token is bounded by a constant.
struct Matcher: Sendable {
    enum Kind: UInt8 { case word = 0, optional = 1, number = 2, gap = 3, clauseEnd = 4 }

    // Flat element storage.
    private let kinds: [UInt8]
    private let idStart: [Int32]
    private let idCount: [Int32]
    private let argument: [Double]  // gap size or number minimum
    private let ids: [Int32]
    // Per pattern.
    private let patternStart: [Int32]
    private let patternCount: [Int32]
    private let owners: [CompiledPattern.Owner]
    private let ownerSlot: [Int32]
    private let slotCount: Int
    /// Vocabulary id → indices of patterns whose first element accepts that id.
    private let anchors: [[Int32]]
    private let numberID: Int32
    private let vocabularySize: Int

    /// Upper bound on matches kept per message, whatever its length.
    static let maxMatches = 4096

    init(patterns: [CompiledPattern], vocabularySize: Int32, numberID: Int32) {
        var kinds: [UInt8] = []
        var idStart: [Int32] = []
        var idCount: [Int32] = []
        var argument: [Double] = []
        var ids: [Int32] = []
        var patternStart: [Int32] = []
        var patternCount: [Int32] = []
        var anchors = [[Int32]](repeating: [], count: Int(vocabularySize) + 1)
        var slots: [CompiledPattern.Owner: Int32] = [:]
        var ownerSlot: [Int32] = []
        for (index, p) in patterns.enumerated() {
            patternStart.append(Int32(kinds.count))
            patternCount.append(Int32(p.elements.count))
            for e in p.elements {
                switch e {
                case .word(let list), .optional(let list):
                    if case .word = e { kinds.append(Kind.word.rawValue) } else { kinds.append(Kind.optional.rawValue) }
                    idStart.append(Int32(ids.count))
                    idCount.append(Int32(list.count))
                    argument.append(0)
                    ids += list
                case .number(let min):
                    kinds.append(Kind.number.rawValue)
                    idStart.append(0)
                    idCount.append(0)
                    argument.append(min)
                case .gap(let n):
                    kinds.append(Kind.gap.rawValue)
                    idStart.append(0)
                    idCount.append(0)
                    argument.append(Double(n))
                case .clauseEnd:
                    kinds.append(Kind.clauseEnd.rawValue)
                    idStart.append(0)
                    idCount.append(0)
                    argument.append(0)
                }
            }
            if case .word(let first) = p.elements[0] {
                for id in Set(first) { anchors[Int(id)].append(Int32(index)) }
            }
            if slots[p.owner] == nil { slots[p.owner] = Int32(slots.count) }
            ownerSlot.append(slots[p.owner]!)
        }
        self.kinds = kinds
        self.idStart = idStart
        self.idCount = idCount
        self.argument = argument
        self.ids = ids
        self.patternStart = patternStart
        self.patternCount = patternCount
        self.owners = patterns.map(\.owner)
        self.ownerSlot = ownerSlot
        self.slotCount = slots.count
        self.anchors = anchors
        self.numberID = numberID
        self.vocabularySize = Int(vocabularySize) + 1
    }

    func matches(in tokens: [Token]) -> [RawMatch] {
        var found: [RawMatch] = []
        guard !tokens.isEmpty else { return found }
        // Which vocabulary ids occur in this message.
        var present = [UInt64](repeating: 0, count: (vocabularySize + 63) / 64)
        for t in tokens {
            if t.id >= 0 { present[Int(t.id) >> 6] |= 1 << UInt64(Int(t.id) & 63) }
            if t.altID >= 0 { present[Int(t.altID) >> 6] |= 1 << UInt64(Int(t.altID) & 63) }
            if t.altID2 >= 0 { present[Int(t.altID2) >> 6] |= 1 << UInt64(Int(t.altID2) & 63) }
        }
        // Per pattern: 0 unknown, 1 viable, 2 impossible in this message.
        var viable = [UInt8](repeating: 0, count: patternStart.count)
        var lastEnd = [Int](repeating: -1, count: slotCount)

        kinds.withUnsafeBufferPointer { kinds in
            idStart.withUnsafeBufferPointer { idStart in
                idCount.withUnsafeBufferPointer { idCount in
                    argument.withUnsafeBufferPointer { argument in
                        ids.withUnsafeBufferPointer { ids in
                            tokens.withUnsafeBufferPointer { toks in
                                let ctx = Context(
                                    kinds: kinds, idStart: idStart, idCount: idCount, argument: argument, ids: ids,
                                    tokens: toks, numberID: numberID)
                                scan: for i in 0..<toks.count {
                                    let t = toks[i]
                                    for slot in 0..<3 {
                                        let id = slot == 0 ? t.id : (slot == 1 ? t.altID : t.altID2)
                                        guard id >= 0 && Int(id) < anchors.count else { continue }
                                        for p in anchors[Int(id)] {
                                            let pi = Int(p)
                                            let owner = Int(ownerSlot[pi])
                                            if lastEnd[owner] > i { continue }
                                            if viable[pi] == 0 {
                                                viable[pi] = ctx.possible(
                                                    Int(patternStart[pi]), Int(patternCount[pi]), present) ? 1 : 2
                                            }
                                            if viable[pi] == 2 { continue }
                                            let start = Int(patternStart[pi])
                                            let end = start + Int(patternCount[pi])
                                            guard let stop = ctx.match(start + 1, end, i + 1, t.sentence) else { continue }
                                            found.append(RawMatch(owner: owners[pi], start: i, end: stop))
                                            lastEnd[owner] = stop
                                            if found.count >= Self.maxMatches { break scan }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    private struct Context {
        let kinds: UnsafeBufferPointer<UInt8>
        let idStart: UnsafeBufferPointer<Int32>
        let idCount: UnsafeBufferPointer<Int32>
        let argument: UnsafeBufferPointer<Double>
        let ids: UnsafeBufferPointer<Int32>
        let tokens: UnsafeBufferPointer<Token>
        let numberID: Int32

        /// Every required word element has at least one of its ids somewhere in the message.
        func possible(_ start: Int, _ count: Int, _ present: [UInt64]) -> Bool {
            for e in start..<(start + count) where kinds[e] == Kind.word.rawValue {
                var any = false
                let s = Int(idStart[e])
                for k in s..<(s + Int(idCount[e])) {
                    let id = Int(ids[k])
                    if present[id >> 6] & (1 << UInt64(id & 63)) != 0 { any = true; break }
                }
                if !any { return false }
            }
            return true
        }

        @inline(__always) func accepts(_ e: Int, _ t: Token) -> Bool {
            let s = Int(idStart[e])
            for k in s..<(s + Int(idCount[e])) where t.has(ids[k]) { return true }
            return false
        }

        func match(_ e: Int, _ end: Int, _ pos: Int, _ sentence: Int32) -> Int? {
            if e == end { return pos }
            switch kinds[e] {
            case Kind.word.rawValue:
                guard pos < tokens.count, tokens[pos].sentence == sentence, accepts(e, tokens[pos]) else { return nil }
                return match(e + 1, end, pos + 1, sentence)
            case Kind.optional.rawValue:
                if pos < tokens.count, tokens[pos].sentence == sentence, accepts(e, tokens[pos]),
                    let stop = match(e + 1, end, pos + 1, sentence)
                {
                    return stop
                }
                return match(e + 1, end, pos, sentence)
            case Kind.number.rawValue:
                guard pos < tokens.count, tokens[pos].sentence == sentence, tokens[pos].has(numberID),
                    let value = Double(tokens[pos].key), value >= argument[e]
                else { return nil }
                return match(e + 1, end, pos + 1, sentence)
            case Kind.clauseEnd.rawValue:
                guard pos > 0, pos == tokens.count || tokens[pos].clause != tokens[pos - 1].clause else { return nil }
                return match(e + 1, end, pos, sentence)
            default:
                var p = pos
                for k in 0...Int(argument[e]) {
                    if k > 0 {
                        guard p < tokens.count, tokens[p].sentence == sentence else { return nil }
                        p += 1
                    }
                    if let stop = match(e + 1, end, p, sentence) { return stop }
                }
                return nil
            }
        }
    }
}
