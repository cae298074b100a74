import Foundation

/// The guard's statistical layer (`lexicons/model/guard-model.json`, schema `aslmh/guard-model/v1`):
/// one-vs-rest logistic regression over the features of `Engine.features` (words, five-letter stems,
/// adjacent pairs of both, lexicon contexts), trained by `scripts/train-guard-model.py` on the
/// labelled corpus under `guard-corpus/`. It only ever raises a message above what the lexicon
/// found, and every verdict names its probability, the features that carried it and the sentence
/// they came from.
public struct GuardModel: Sendable {
    public static let schema = "aslmh/guard-model/v1"

    /// A level head ("the message is at least critical") with its threshold and the category heads
    /// of that level.
    struct LevelHead: Sendable {
        var level: RiskLevel
        var head: Int
        var threshold: Double
        var categories: [(category: GuardCategory, head: Int)]
    }

    /// The weights for one role, indexed so a message costs one hash of its bytes per word and stem
    /// and one integer lookup per pair; nothing is allocated per feature.
    struct RoleModel: Sendable {
        var heads: [String]
        var bias: [Double]
        var levels: [LevelHead]
        /// Feature row → weights (`weights[row * heads.count + head]`) and name.
        /// In units of 1/`scale` (the file's integers as they are: exact, and half the cache of Float).
        var weights: [Int16]
        var scale: Double
        /// Feature names: byte ranges (start << 32 | end) into `nameSource`, the weight table's text.
        var nameSource: String
        var nameRanges: [UInt64]

        func name(_ row: Int) -> String {
            let r = nameRanges[row]
            let utf8 = nameSource.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: Int(r >> 32))
            let end = utf8.index(utf8.startIndex, offsetBy: Int(r & 0xFFFF_FFFF))
            return String(decoding: utf8[start..<end], as: UTF8.self)
        }
        /// Word and stem ids (every word or stem some feature names) and their unigram rows.
        var words: ByteKeyTable
        var stems: ByteKeyTable
        var wordRow: [Int32]
        var stemRow: [Int32]
        /// Word id → the id of its stem (−1 when no feature names that stem).
        var wordStem: [Int32]
        var wordPairs: PairTable
        var stemPairs: PairTable
        var contexts: [String: Int32]
        var numberWord: Int32
        var numberStem: Int32
    }

    /// A worked example from the training script: the probabilities it computed for `text`.
    public struct Example: Sendable {
        public var role: Role
        public var text: String
        public var probabilities: [String: Double]
    }

    let user: RoleModel
    let assistant: RoleModel
    public let examples: [Example]

    func model(for role: Role) -> RoleModel { role == .user ? user : assistant }

    /// Decodes the model file; throws `GuardError.invalidData` naming what is wrong.
    /// `table(name)` returns the text of a weight table the file names (nil when missing).
    public static func decode(_ bytes: Data, file: String, table: (String) -> String? = { _ in nil }) throws -> GuardModel {
        func fail(_ message: String) -> GuardError { .invalidData(file: file, message: message) }
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            throw fail("not a JSON object")
        }
        guard object["schema"] as? String == schema else { throw fail("expected schema '\(schema)'") }
        guard let roles = object["roles"] as? [String: Any] else { throw fail("missing 'roles'") }
        func role(_ name: String, _ role: Role) throws -> RoleModel {
            guard let r = roles[name] as? [String: Any], let heads = r["heads"] as? [String],
                let bias = (r["bias"] as? [NSNumber])?.map(\.doubleValue), bias.count == heads.count,
                let thresholds = r["thresholds"] as? [String: NSNumber], let groups = r["groups"] as? [String: [String]]
            else { throw fail("roles.\(name): needs heads, bias, thresholds, groups and weights") }
            var levels: [LevelHead] = []
            for level in [RiskLevel.critical, .high, .medium] {
                let key = "level:" + level.rawValue
                guard let head = heads.firstIndex(of: key), let threshold = thresholds[key]?.doubleValue,
                    let names = groups[key]
                else { throw fail("roles.\(name): missing head, threshold or group '\(key)'") }
                var categories: [(GuardCategory, Int)] = []
                for n in names {
                    guard let c = GuardCategory(rawValue: n),
                        (role == .user ? GuardCategory.userCategories : GuardCategory.outputCategories).contains(c),
                        let h = heads.firstIndex(of: n)
                    else {
                        throw fail("roles.\(name): '\(n)' is not a \(name) category with a head")
                    }
                    categories.append((c, h))
                }
                levels.append(LevelHead(level: level, head: head, threshold: threshold, categories: categories))
            }
            guard let tableName = r["weights"] as? String, let scale = (r["weightScale"] as? NSNumber)?.doubleValue, scale > 0
            else { throw fail("roles.\(name): 'weights' must name a weight table, with a 'weightScale'") }
            guard var tableText = table(tableName) else { throw fail("roles.\(name): weight table '\(tableName)' not found") }
            tableText.makeContiguousUTF8()
            let source = tableText
            return try tableText.withUTF8 { try decodeTable($0, source: source, name: name, heads: heads, bias: bias, levels: levels, scale: scale, fail: fail) }
        }
        func decodeTable(
            _ tableBytes: UnsafeBufferPointer<UInt8>, source: String, name: String, heads: [String], bias: [Double], levels: [LevelHead],
            scale: Double, fail: (String) -> GuardError
        ) throws -> RoleModel {
            // Lines are visited in place (no array of slices: the table is large and loading should
            // not leave a transient peak behind).
            func forEachLine(_ body: (Slice<UnsafeBufferPointer<UInt8>>) throws -> Void) rethrows {
                var start = tableBytes.startIndex
                while start < tableBytes.endIndex {
                    var end = start
                    while end < tableBytes.endIndex && tableBytes[end] != UInt8(ascii: "\n") { end += 1 }
                    if end > start { try body(tableBytes[start..<end]) }
                    start = end + 1
                }
            }
            // Tables sized by what they will hold (the byte-keyed ones grow as needed): one counting pass.
            var lineCount = 0, wordPairCount = 0, stemPairCount = 0
            let b = Array("b:".utf8), sb = Array("sb:".utf8)
            forEachLine { line in
                lineCount += 1
                if line.starts(with: b) { wordPairCount += 1 } else if line.starts(with: sb) { stemPairCount += 1 }
            }
            var m = RoleModel(
                heads: heads, bias: bias, levels: levels, weights: [], scale: scale, nameSource: source, nameRanges: [], words: ByteKeyTable(capacity: 1024),
                stems: ByteKeyTable(capacity: 1024), wordRow: [], stemRow: [], wordStem: [],
                wordPairs: PairTable(capacity: wordPairCount + 1), stemPairs: PairTable(capacity: stemPairCount + 1), contexts: [:],
                numberWord: -1, numberStem: -1)
            m.weights.reserveCapacity(lineCount * heads.count)
            m.nameRanges.reserveCapacity(lineCount)
            func wordID(_ w: UnsafeBufferPointer<UInt8>) -> Int32 {
                let id = m.words.value(forBytes: w, insert: Int32(m.wordRow.count))
                if id == m.wordRow.count { m.wordRow.append(-1) }
                return id
            }
            func stemID(_ s: UnsafeBufferPointer<UInt8>) -> Int32 {
                let id = m.stems.value(forBytes: s, insert: Int32(m.stemRow.count))
                if id == m.stemRow.count { m.stemRow.append(-1) }
                return id
            }
            // Lines are read as bytes: no String and no array per line (the table has tens of
            // thousands of lines, and every process that checks a message loads it).
            let tab = UInt8(ascii: "\t"), space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
            let w = Array("w".utf8), s = Array("s".utf8), bKind = Array("b".utf8), sbKind = Array("sb".utf8), ctx = Array("ctx".utf8)
            try forEachLine { line in
                func feature() -> String { String(decoding: line.prefix { $0 != tab }, as: UTF8.self) }
                guard let tabAt = line.firstIndex(of: tab) else { throw fail("roles.\(name).weights: a line without a tab") }
                var fields = 0
                var field = line.index(after: tabAt)
                while field < line.endIndex {
                    var end = field
                    while end < line.endIndex && line[end] != space { end += 1 }
                    if end > field {
                        guard let v = parseInteger(line[field..<end]), let q = Int16(exactly: v) else {
                            throw fail("roles.\(name).weights['\(feature())']: not an integer within ±32767")
                        }
                        m.weights.append(q)
                        fields += 1
                    }
                    field = end + 1
                }
                guard fields == heads.count else {
                    throw fail("roles.\(name).weights['\(feature())']: needs \(heads.count) numbers")
                }
                let row = Int32(m.nameRanges.count)
                let start = UInt64(line.startIndex - tableBytes.startIndex)
                m.nameRanges.append(start << 32 | (start + UInt64(tabAt - line.startIndex)))
                guard let colonAt = line[..<tabAt].firstIndex(of: colon) else {
                    throw fail("roles.\(name).weights: unknown feature '\(feature())'")
                }
                let kind = line[line.startIndex..<colonAt]
                let body = UnsafeBufferPointer(rebasing: line[line.index(after: colonAt)..<tabAt])
                let gap = body.firstIndex(of: space)
                // A pair: two names separated by exactly one space.
                func halves() throws -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) {
                    guard let gap, body[body.index(after: gap)...].firstIndex(of: space) == nil else {
                        throw fail("roles.\(name).weights: unknown feature '\(feature())'")
                    }
                    return (UnsafeBufferPointer(rebasing: body[..<gap]), UnsafeBufferPointer(rebasing: body[body.index(after: gap)...]))
                }
                if kind.elementsEqual(w) && gap == nil {
                    m.wordRow[Int(wordID(body))] = row
                } else if kind.elementsEqual(s) && gap == nil {
                    m.stemRow[Int(stemID(body))] = row
                } else if kind.elementsEqual(ctx) && gap == nil {
                    m.contexts[String(decoding: body, as: UTF8.self)] = row
                } else if kind.elementsEqual(bKind) {
                    let (x, y) = try halves()
                    m.wordPairs.set(pairKey(wordID(x), wordID(y)), row)
                } else if kind.elementsEqual(sbKind) {
                    let (x, y) = try halves()
                    m.stemPairs.set(pairKey(stemID(x), stemID(y)), row)
                } else {
                    throw fail("roles.\(name).weights: unknown feature '\(feature())'")
                }
            }
            // Each word's stem (its first five Unicode scalars), when a feature names that stem.
            m.wordStem = [Int32](repeating: -1, count: m.wordRow.count)
            let stems = m.stems
            var wordStem = m.wordStem
            m.words.forEachEntry { word, id in
                wordStem[Int(id)] = stems.lookup(Engine.stemBytes(word))
            }
            m.wordStem = wordStem
            m.numberWord = Array("#num".utf8).withUnsafeBufferPointer { m.words.lookup($0) }
            m.numberStem = Array("#num".utf8).withUnsafeBufferPointer { m.stems.lookup($0) }
            return m
        }
        var examples: [Example] = []
        for e in object["examples"] as? [[String: Any]] ?? [] {
            guard let r = (e["role"] as? String).flatMap(Role.init(rawValue:)), let t = e["text"] as? String,
                let p = e["probabilities"] as? [String: NSNumber]
            else { throw fail("examples: each needs role, text and probabilities") }
            examples.append(Example(role: r, text: t, probabilities: p.mapValues(\.doubleValue)))
        }
        return GuardModel(user: try role("user", .user), assistant: try role("assistant", .assistant), examples: examples)
    }

    @inline(__always) static func pairKey(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }
}

/// A decimal integer (optionally negative) from ASCII bytes.
private func parseInteger<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    var v = 0
    var negative = false
    var digits = 0
    for (k, b) in bytes.enumerated() {
        if k == 0 && b == UInt8(ascii: "-") {
            negative = true
            continue
        }
        let d = Int(b) - 48
        guard d >= 0 && d <= 9, digits < 18 else { return nil }
        v = v * 10 + d
        digits += 1
    }
    return digits == 0 ? nil : (negative ? -v : v)
}

extension GuardModel.RoleModel {
    /// The rows of every feature of a message, each once (the first occurrence), with the tokens it
    /// came from, in order of first occurrence.
    @inline(__always) func rows(_ input: ModelInput, visit: (Int32, Int, Int) -> Void) {
        let tokens = input.tokens
        // Each feature counts once, at its first occurrence: a bitset over the rows.
        var seen = [UInt64](repeating: 0, count: (nameRanges.count + 63) >> 6)
        @inline(__always) func emit(_ row: Int32, _ start: Int, _ end: Int) {
            let word = Int(row) >> 6, bit = UInt64(1) << UInt64(Int(row) & 63)
            if seen[word] & bit == 0 {
                seen[word] |= bit
                visit(row, start, end)
            }
        }
        var previousWord: Int32 = -1
        var previousStem: Int32 = -1
        var previousSentence: Int32 = -1
        for i in 0..<min(tokens.count, Engine.maxFeatureTokens) {
            if input.isExplained(i) {
                previousSentence = -1
                continue
            }
            var word: Int32 = -1
            var stem: Int32 = -1
            let sentence = tokens[i].sentence
            _ = tokens[i].key.utf8.withContiguousStorageIfAvailable { p in
                if !p.isEmpty && p.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                    word = numberWord
                    stem = numberStem
                    return
                }
                // The tokenizer already found the key: its index names the word (every model word is
                // a key, so no index means no such word).
                if !input.wordOfKey.isEmpty {
                    let k = Int(tokens[i].keyIndex)
                    word = k >= 0 ? input.wordOfKey[k] : -1
                } else {
                    word = words.lookup(p)
                }
                if word >= 0 {
                    stem = wordStem[Int(word)]
                    return
                }
                stem = stems.lookup(Engine.stemBytes(p))
            }
            if word >= 0, wordRow[Int(word)] >= 0 { emit(wordRow[Int(word)], i, i + 1) }
            if stem >= 0, stemRow[Int(stem)] >= 0 { emit(stemRow[Int(stem)], i, i + 1) }
            if previousSentence == sentence {
                if word >= 0, previousWord >= 0 {
                    let row = wordPairs.lookup(GuardModel.pairKey(previousWord, word))
                    if row >= 0 { emit(row, i - 1, i + 1) }
                }
                if stem >= 0, previousStem >= 0 {
                    let row = stemPairs.lookup(GuardModel.pairKey(previousStem, stem))
                    if row >= 0 { emit(row, i - 1, i + 1) }
                }
            }
            previousWord = word
            previousStem = stem
            previousSentence = sentence
        }
        for kind in input.contextKinds {
            if let row = contexts[kind] { emit(row, 0, 0) }
        }
    }

    func probabilities(_ input: ModelInput) -> [Double] {
        let n = heads.count
        // Integer sums: exact, and independent of the order features are met in.
        var sums = [Int32](repeating: 0, count: n)
        sums.withUnsafeMutableBufferPointer { zp in
            weights.withUnsafeBufferPointer { w in
                rows(input) { row, _, _ in
                    let base = Int(row) * n
                    for h in 0..<n { zp[h] &+= Int32(w[base + h]) }
                }
            }
        }
        return (0..<n).map { h in 1 / (1 + exp(-(bias[h] + Double(sums[h]) / scale))) }
    }
}

/// What the statistical layer concluded about one message.
struct ModelVerdict {
    var level: RiskLevel
    var categories: [GuardCategory]
    /// The probability of the level head that decided.
    var probability: Double
    /// The features that pushed the deciding head up most, strongest first.
    var evidence: [String]
    /// Tokens of the sentence that carried the most weight.
    var start: Int
    var end: Int
}

extension GuardModel {
    /// The highest level whose head clears its threshold, with the categories the category heads of
    /// that level name (at least the likeliest enabled one); nil when no head fires.
    func verdict(_ input: ModelInput, role: Role, isEnabled: (GuardCategory) -> Bool) -> ModelVerdict? {
        guard !input.tokens.isEmpty else { return nil }
        let m = model(for: role)
        let p = m.probabilities(input)
        for level in m.levels where p[level.head] >= level.threshold {
            // The categories the heads name (at least the likeliest); a switched-off detector's
            // category is dropped, and the level with it when nothing else is left.
            guard let best = level.categories.max(by: { p[$0.head] < p[$1.head] }) else { continue }
            var categories = level.categories.filter { p[$0.head] >= 0.5 }.map(\.category)
            if categories.isEmpty { categories = [best.category] }
            categories = categories.filter(isEnabled)
            if categories.isEmpty { continue }
            let (evidence, start, end) = explain(m, head: level.head, input)
            return ModelVerdict(
                level: level.level, categories: categories.sorted(), probability: p[level.head], evidence: evidence,
                start: start, end: end)
        }
        return nil
    }

    /// "0.53" for 0.5314: fixed, locale-free formatting for evidence weights.
    static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let frac = hundredths % 100
        return "\(hundredths / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
    }

    private func explain(_ m: RoleModel, head: Int, _ input: ModelInput) -> ([String], Int, Int) {
        let tokens = input.tokens
        var contributions: [(row: Int32, weight: Double)] = []
        var bySentence: [Int32: Double] = [:]
        let n = m.heads.count
        m.rows(input) { row, start, end in
            let w = Double(m.weights[Int(row) * n + head]) / m.scale
            guard w > 0 else { return }
            contributions.append((row, w))
            if end > start { bySentence[tokens[end - 1].sentence, default: 0] += w }
        }
        // Strongest first; equal weights by row, which is the features' sorted order.
        let evidence = contributions.sorted { ($0.weight, $1.row) > ($1.weight, $0.row) }
            .prefix(5).map { m.name(Int($0.row)) + " +" + Self.twoDecimals($0.weight) }
        let limit = min(tokens.count, Engine.maxFeatureTokens)
        let sentence = bySentence.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? tokens[0].sentence
        var start = limit, end = 0
        for i in 0..<limit where tokens[i].sentence == sentence {
            start = min(start, i)
            end = i + 1
        }
        if end == 0 { (start, end) = (0, limit) }
        return (Array(evidence), start, end)
    }
}
