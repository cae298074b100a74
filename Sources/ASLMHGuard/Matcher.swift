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

    /// The flat tables, frozen into memory the hot loop reads through pointers (no reference
    /// counting, no exclusivity checks per access).
    private let tables: Tables
    private let slotCount: Int
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
        var anchorStart: [Int32] = [0]
        anchorStart.reserveCapacity(anchors.count + 1)
        for list in anchors { anchorStart.append(anchorStart.last! + Int32(list.count)) }
        // Per pattern, its required word elements after the anchor, rarest first (a word many patterns
        // use, such as "i", "to" or "my", is a common word), spelled out so a test reads one contiguous
        // run: a bitset-backed element as −(set + 1), any other as its id count followed by the ids.
        var usage = [Int](repeating: 0, count: Int(vocabularySize) + 1)
        for id in ids where id >= 0 && Int(id) < usage.count { usage[Int(id)] += 1 }
        var requirements: [Int32] = []
        var requirementStart: [Int32] = [0]
        for p in 0..<patternStart.count {
            let first = Int(patternStart[p])
            var elements: [(cost: Int, element: Int)] = []
            for e in (first + 1)..<(first + Int(patternCount[p])) where kinds[e] == Kind.word.rawValue {
                var cost = 0
                for k in Int(idStart[e])..<Int(idStart[e] + idCount[e]) where ids[k] >= 0 && Int(ids[k]) < usage.count {
                    cost += usage[Int(ids[k])]
                }
                elements.append((cost, e))
            }
            for (_, e) in elements.sorted(by: { ($0.cost, $0.element) < ($1.cost, $1.element) }) {
                if setOf[e] >= 0 {
                    requirements.append(-(setOf[e] + 1))
                } else {
                    requirements.append(idCount[e])
                    requirements += ids[Int(idStart[e])..<Int(idStart[e] + idCount[e])]
                }
            }
            requirementStart.append(Int32(requirements.count))
        }
        self.tables = Tables(
            kinds: kinds, idStart: idStart, idCount: idCount, argument: argument, ids: ids, setOf: setOf,
            setBits: setBits, setWords: words, required: requirements, requiredStart: requirementStart,
            patternStart: patternStart, patternCount: patternCount, owners: patterns.map(\.owner), ownerSlot: ownerSlot,
            anchorStart: anchorStart, anchored: anchors.flatMap { $0 })
        self.slotCount = slots.count
        self.numberID = numberID
        self.vocabularySize = Int(vocabularySize) + 1
    }

    func matches(in tokens: [Token]) -> [RawMatch] {
        guard !tokens.isEmpty else { return [] }
        return tokens.withUnsafeBufferPointer { toks in
            var run = Run(tables, tokens: toks, slotCount: slotCount, vocabularySize: vocabularySize, numberID: numberID)
            defer { run.deallocate() }
            run.scan()
            return run.found
        }
    }
}

/// Frozen copies of arrays, freed with their owner: read through pointers in the hot loop.
private func frozen<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
    let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
    _ = p.initialize(from: array)
    return UnsafeBufferPointer(rebasing: p[0..<array.count])
}

extension Matcher {
    /// The matcher's flat storage. Written once in `init`, read-only afterwards (hence Sendable).
    final class Tables: @unchecked Sendable {
        // Per element.
        let kinds: UnsafeBufferPointer<UInt8>
        let idStart: UnsafeBufferPointer<Int32>
        let idCount: UnsafeBufferPointer<Int32>
        let argument: UnsafeBufferPointer<Double>  // gap size or number minimum
        /// Per element: index of a vocabulary bitset for long alternative lists (word classes), or −1.
        /// Membership is then one bit test instead of a scan over dozens of ids.
        let setOf: UnsafeBufferPointer<Int32>
        let ids: UnsafeBufferPointer<Int32>
        let setBits: UnsafeBufferPointer<UInt64>
        let setWords: Int
        /// Per pattern, its required word elements after the first (the anchor, present by
        /// construction), rarest first, so `possible` usually rules a pattern out at its first test:
        /// `required[requiredStart[p]..<requiredStart[p + 1]]`, each spelled out as −(bitset + 1) or
        /// as an id count followed by the ids.
        let required: UnsafeBufferPointer<Int32>
        let requiredStart: UnsafeBufferPointer<Int32>
        // Per pattern.
        let patternStart: UnsafeBufferPointer<Int32>
        let patternCount: UnsafeBufferPointer<Int32>
        let owners: UnsafeBufferPointer<CompiledPattern.Owner>
        let ownerSlot: UnsafeBufferPointer<Int32>
        /// Vocabulary id → indices of patterns whose first element accepts that id:
        /// `anchored[anchorStart[id]..<anchorStart[id + 1]]`.
        let anchorStart: UnsafeBufferPointer<Int32>
        let anchored: UnsafeBufferPointer<Int32>

        init(
            kinds: [UInt8], idStart: [Int32], idCount: [Int32], argument: [Double], ids: [Int32], setOf: [Int32],
            setBits: [UInt64], setWords: Int, required: [Int32], requiredStart: [Int32], patternStart: [Int32],
            patternCount: [Int32], owners: [CompiledPattern.Owner], ownerSlot: [Int32], anchorStart: [Int32],
            anchored: [Int32]
        ) {
            self.kinds = frozen(kinds)
            self.idStart = frozen(idStart)
            self.idCount = frozen(idCount)
            self.argument = frozen(argument)
            self.ids = frozen(ids)
            self.setOf = frozen(setOf)
            self.setBits = frozen(setBits)
            self.setWords = setWords
            self.required = frozen(required)
            self.requiredStart = frozen(requiredStart)
            self.patternStart = frozen(patternStart)
            self.patternCount = frozen(patternCount)
            self.owners = frozen(owners)
            self.ownerSlot = frozen(ownerSlot)
            self.anchorStart = frozen(anchorStart)
            self.anchored = frozen(anchored)
        }

        deinit {
            kinds.baseAddress?.deallocate()
            argument.baseAddress?.deallocate()
            setBits.baseAddress?.deallocate()
            owners.baseAddress?.deallocate()
            for p in [idStart, idCount, ids, setOf, required, requiredStart, patternStart, patternCount, ownerSlot, anchorStart, anchored] {
                p.baseAddress?.deallocate()
            }
        }
    }

    /// One message being matched: the tables, the tokens and per-message scratch memory.
    private struct Run {
        let t: Tables
        let tokens: UnsafeBufferPointer<Token>
        let numberID: Int32
        var found: [RawMatch] = []
        /// Which vocabulary ids occur in this message.
        let present: UnsafeMutableBufferPointer<UInt64>
        /// Per pattern: 0 unknown, 1 viable, 2 impossible in this message.
        let viable: UnsafeMutableBufferPointer<UInt8>
        /// Per owner: the end of its last match (an owner matches once per stretch of tokens).
        let lastEnd: UnsafeMutableBufferPointer<Int>
        /// Per bitset: 0 unknown, 1 some id of it occurs, 2 none does.
        let setSeen: UnsafeMutableBufferPointer<UInt8>
        /// Long messages repeat anchor words: the patterns of an anchor that can occur in this message
        /// are then filtered once, into `filtered[filteredStart[id]..<filteredEnd[id]]` (start −1: not
        /// yet). Short messages rarely repeat one, and skip the set-up.
        let cacheAnchors: Bool
        let filteredStart: UnsafeMutableBufferPointer<Int32>
        let filteredEnd: UnsafeMutableBufferPointer<Int32>
        let filtered: UnsafeMutableBufferPointer<Int32>
        var filteredCount = 0

        init(_ t: Tables, tokens: UnsafeBufferPointer<Token>, slotCount: Int, vocabularySize: Int, numberID: Int32) {
            self.t = t
            self.tokens = tokens
            self.numberID = numberID
            func zeroed<T>(_ n: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
                let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(n, 1))
                p.initialize(repeating: value)
                return p
            }
            present = zeroed((vocabularySize + 63) / 64, 0)
            for tok in tokens {
                if tok.id >= 0 { present[Int(tok.id) >> 6] |= 1 << UInt64(Int(tok.id) & 63) }
                if tok.altID >= 0 { present[Int(tok.altID) >> 6] |= 1 << UInt64(Int(tok.altID) & 63) }
                if tok.altID2 >= 0 { present[Int(tok.altID2) >> 6] |= 1 << UInt64(Int(tok.altID2) & 63) }
            }
            viable = zeroed(t.patternStart.count, 0)
            lastEnd = zeroed(slotCount, -1)
            setSeen = zeroed(t.setBits.count / max(t.setWords, 1), 0)
            cacheAnchors = tokens.count > 48
            filteredStart = zeroed(cacheAnchors ? vocabularySize : 0, -1)
            filteredEnd = zeroed(cacheAnchors ? vocabularySize : 0, 0)
            // Written before it is read (filled up to `filteredCount`): no need to clear it.
            filtered = UnsafeMutableBufferPointer<Int32>.allocate(capacity: cacheAnchors ? max(t.anchored.count, 1) : 1)
        }

        func deallocate() {
            present.deallocate()
            viable.deallocate()
            lastEnd.deallocate()
            setSeen.deallocate()
            filteredStart.deallocate()
            filteredEnd.deallocate()
            filtered.deallocate()
        }

        @inline(__always) mutating func isViable(_ p: Int) -> Bool {
            if viable[p] == 0 { viable[p] = possible(Int(t.requiredStart[p]), Int(t.requiredStart[p + 1])) ? 1 : 2 }
            return viable[p] == 1
        }

        mutating func scan() {
            for i in 0..<tokens.count {
                let tok = tokens[i]
                for slot in 0..<3 {
                    let id = Int(slot == 0 ? tok.id : (slot == 1 ? tok.altID : tok.altID2))
                    guard id >= 0 && id + 1 < t.anchorStart.count else { continue }
                    var from = Int(t.anchorStart[id]), to = Int(t.anchorStart[id + 1])
                    if from == to { continue }
                    var list = t.anchored
                    if cacheAnchors {
                        if filteredStart[id] < 0 {
                            filteredStart[id] = Int32(filteredCount)
                            for k in from..<to where isViable(Int(t.anchored[k])) {
                                filtered[filteredCount] = t.anchored[k]
                                filteredCount += 1
                            }
                            filteredEnd[id] = Int32(filteredCount)
                        }
                        (from, to) = (Int(filteredStart[id]), Int(filteredEnd[id]))
                        list = UnsafeBufferPointer(filtered)
                    }
                    for k in from..<to {
                        let p = Int(list[k])
                        let owner = Int(t.ownerSlot[p])
                        if lastEnd[owner] > i || !isViable(p) { continue }
                        let start = Int(t.patternStart[p])
                        guard let stop = match(start + 1, start + Int(t.patternCount[p]), i + 1, tok.sentence) else { continue }
                        found.append(RawMatch(owner: t.owners[p], start: i, end: stop))
                        lastEnd[owner] = stop
                        if found.count >= Matcher.maxMatches { return }
                    }
                }
            }
        }

        /// Every required word element after the anchor (`required[from..<to]`) has at least one of
        /// its ids somewhere in the message. Bitset-backed lists are tested once per message, so the
        /// many patterns sharing a word class pay for it once.
        func possible(_ from: Int, _ to: Int) -> Bool {
            var r = from
            while r < to {
                let head = Int(t.required[r])
                if head < 0 {
                    let set = -head - 1
                    r += 1
                    if setSeen[set] == 0 {
                        var any = false
                        let base = set * t.setWords
                        for w in 0..<min(t.setWords, present.count) where t.setBits[base + w] & present[w] != 0 {
                            any = true
                            break
                        }
                        setSeen[set] = any ? 1 : 2
                    }
                    if setSeen[set] == 2 { return false }
                    continue
                }
                var any = false
                for k in (r + 1)..<(r + 1 + head) {
                    let id = Int(t.required[k])
                    if present[id >> 6] & (1 << UInt64(id & 63)) != 0 {
                        any = true
                        break
                    }
                }
                if !any { return false }
                r += 1 + head
            }
            return true
        }

        @inline(__always) func bit(_ base: Int, _ id: Int32) -> Bool {
            let word = Int(id) >> 6
            return id >= 0 && word < t.setWords && t.setBits[base + word] & (1 << UInt64(Int(id) & 63)) != 0
        }

        @inline(__always) func accepts(_ e: Int, _ tok: Token) -> Bool {
            let set = Int(t.setOf[e])
            if set >= 0 {
                let base = set * t.setWords
                return bit(base, tok.id) || bit(base, tok.altID) || bit(base, tok.altID2)
            }
            let s = Int(t.idStart[e])
            for k in s..<(s + Int(t.idCount[e])) where tok.has(t.ids[k]) { return true }
            return false
        }

        func match(_ e: Int, _ end: Int, _ pos: Int, _ sentence: Int32) -> Int? {
            if e == end { return pos }
            switch t.kinds[e] {
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
                    let value = Double(tokens[pos].key), value >= t.argument[e]
                else { return nil }
                return match(e + 1, end, pos + 1, sentence)
            case Kind.clauseEnd.rawValue:
                guard pos > 0, pos == tokens.count || tokens[pos].clause != tokens[pos - 1].clause else { return nil }
                return match(e + 1, end, pos, sentence)
            default:
                var p = pos
                for k in 0...Int(t.argument[e]) {
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
