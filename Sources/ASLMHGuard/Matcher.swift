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
    /// Per element: index of a vocabulary bitset for long alternative lists (word classes), or -1.
    /// Membership is then one bit test instead of a scan over dozens of ids.
    private let setOf: [Int32]
    private let setBits: [UInt64]
    private let setWords: Int
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

    /// Alternative lists longer than this are tested with a bitset.
    static let bitsetMinimum = 6

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
        // Bitsets for alternative lists longer than `Self.bitsetMinimum` (deduplicated).
        let words = (Int(vocabularySize) + 1 + 63) / 64
        var setIndex: [[Int32]: Int32] = [:]
        var setOf = [Int32](repeating: -1, count: kinds.count)
        var setBits: [UInt64] = []
        for e in 0..<kinds.count where idCount[e] > Int32(Self.bitsetMinimum) {
            let list = Array(Set(ids[Int(idStart[e])..<Int(idStart[e] + idCount[e])])).sorted()
            if let known = setIndex[list] {
                setOf[e] = known
                continue
            }
            let index = Int32(setIndex.count)
            setIndex[list] = index
            var bits = [UInt64](repeating: 0, count: words)
            for id in list where id >= 0 { bits[Int(id) >> 6] |= 1 << UInt64(Int(id) & 63) }
            setBits += bits
            setOf[e] = index
        }
        self.setOf = setOf
        self.setBits = setBits
        self.setWords = words
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
        var setSeen = [UInt8](repeating: 0, count: setBits.count / max(setWords, 1))
        var viableAt: [Int32: [Int32]] = [:]
        // Short messages rarely repeat an anchor word; the per-message filter pays off on long ones.
        let cacheAnchors = tokens.count > 48

        kinds.withUnsafeBufferPointer { kinds in
            idStart.withUnsafeBufferPointer { idStart in
                idCount.withUnsafeBufferPointer { idCount in
                    argument.withUnsafeBufferPointer { argument in
                        ids.withUnsafeBufferPointer { ids in
                          setOf.withUnsafeBufferPointer { setOf in
                           setBits.withUnsafeBufferPointer { setBits in
                            tokens.withUnsafeBufferPointer { toks in
                                let ctx = Context(
                                    kinds: kinds, idStart: idStart, idCount: idCount, argument: argument, ids: ids,
                                    setOf: setOf, setBits: setBits, setWords: setWords,
                                    tokens: toks, numberID: numberID)
                                scan: for i in 0..<toks.count {
                                    let t = toks[i]
                                    for slot in 0..<3 {
                                        let id = slot == 0 ? t.id : (slot == 1 ? t.altID : t.altID2)
                                        guard id >= 0 && Int(id) < anchors.count else { continue }
                                        // The patterns anchored at this word that can occur in this message,
                                        // filtered once per message (common words anchor hundreds of patterns).
                                        let candidates: [Int32]
                                        if !cacheAnchors {
                                            candidates = anchors[Int(id)]
                                        } else if let known = viableAt[id] {
                                            candidates = known
                                        } else {
                                            var list: [Int32] = []
                                            for p in anchors[Int(id)] {
                                                let pi = Int(p)
                                                if viable[pi] == 0 {
                                                    viable[pi] = ctx.possible(
                                                        Int(patternStart[pi]), Int(patternCount[pi]), present, &setSeen) ? 1 : 2
                                                }
                                                if viable[pi] == 1 { list.append(p) }
                                            }
                                            viableAt[id] = list
                                            candidates = list
                                        }
                                        for p in candidates {
                                            let pi = Int(p)
                                            let owner = Int(ownerSlot[pi])
                                            if lastEnd[owner] > i { continue }
                                            if viable[pi] == 0 {
                                                viable[pi] = ctx.possible(
                                                    Int(patternStart[pi]), Int(patternCount[pi]), present, &setSeen) ? 1 : 2
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
        let setOf: UnsafeBufferPointer<Int32>
        let setBits: UnsafeBufferPointer<UInt64>
        let setWords: Int
        let tokens: UnsafeBufferPointer<Token>
        let numberID: Int32

        /// Every required word element has at least one of its ids somewhere in the message.
        /// `setSeen` caches, per message, whether a bitset-backed list occurs (0 unknown, 1 yes, 2 no),
        /// so the many patterns sharing a word class test it once.
        func possible(_ start: Int, _ count: Int, _ present: [UInt64], _ setSeen: inout [UInt8]) -> Bool {
            for e in start..<(start + count) where kinds[e] == Kind.word.rawValue {
                let set = Int(setOf[e])
                if set >= 0 {
                    if setSeen[set] == 0 {
                        var any = false
                        let base = set * setWords
                        for w in 0..<min(setWords, present.count) where setBits[base + w] & present[w] != 0 {
                            any = true
                            break
                        }
                        setSeen[set] = any ? 1 : 2
                    }
                    if setSeen[set] == 2 { return false }
                    continue
                }
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

        @inline(__always) func bit(_ base: Int, _ id: Int32) -> Bool {
            let word = Int(id) >> 6
            return id >= 0 && word < setWords && setBits[base + word] & (1 << UInt64(Int(id) & 63)) != 0
        }

        @inline(__always) func accepts(_ e: Int, _ t: Token) -> Bool {
            let set = Int(setOf[e])
            if set >= 0 {
                let base = set * setWords
                return bit(base, t.id) || bit(base, t.altID) || bit(base, t.altID2)
            }
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
