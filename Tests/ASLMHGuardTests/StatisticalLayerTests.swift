import ASLMHCore
import Foundation
import Testing

@testable import ASLMHGuard

/// The statistical layer (`lexicons/model/guard-model.json`) and its corpus (`guard-corpus/`).
@Suite("Statistical layer")
struct StatisticalLayerTests {
    static let lexiconOnly: Guard = {
        var c = GuardConfiguration.standard
        c.statisticalLayer = false
        do { return try Guard(configuration: c) } catch { fatalError("\(error)") }
    }()

    static var model: GuardModel {
        get throws { try #require(try LexiconData.embedded().model, "the embedded data has no model") }
    }

    /// The training script's own worked examples: Swift computes the probabilities Python did.
    @Test func reproducesTheTrainingScriptsProbabilities() throws {
        let model = try Self.model
        #expect(model.examples.count >= 8)
        for e in model.examples {
            let (hits, tokens) = standardGuard.engine.analyze(e.text, role: e.role)
            let m = model.model(for: e.role)
            var input = standardGuard.engine.modelInput(tokens: tokens, hits: hits, role: e.role)
            #expect(!input.wordOfKey.isEmpty)
            let p = m.probabilities(input)
            // Words found through the tokenizer's key index, or looked up again by their bytes: the same.
            input.wordOfKey = []
            #expect(m.probabilities(input) == p, "\(e.text)")
            for (head, expected) in e.probabilities {
                let i = try #require(m.heads.firstIndex(of: head), "unknown head \(head)")
                #expect(abs(p[i] - expected) < 0.002, "\(e.text): \(head) \(p[i]) vs \(expected)")
            }
        }
    }

    /// The model file records the SHA-256 of every corpus file it was trained on; editing the corpus
    /// without retraining (scripts/train-guard-model.py) fails here.
    @Test func wasTrainedOnTheCurrentCorpus() throws {
        let url = packageRoot.appendingPathComponent("lexicons/model/guard-model.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let training = try #require(object["training"] as? [String: Any])
        let corpus = try #require(training["corpus"] as? [[String: Any]])
        var recorded: [String: String] = [:]
        for f in corpus { recorded[try #require(f["path"] as? String)] = try #require(f["sha256"] as? String) }
        let trainDir = packageRoot.appendingPathComponent("guard-corpus/train")
        let files = try FileManager.default.contentsOfDirectory(atPath: trainDir.path).filter { $0.hasSuffix(".jsonl") }
        #expect(!files.isEmpty)
        for name in files {
            #expect(recorded["guard-corpus/train/" + name] != nil, "\(name) is not in the model; retrain")
        }
        for (path, sha) in recorded {
            let data = try Data(contentsOf: packageRoot.appendingPathComponent(path))
            let digest = ASLMHCore.SHA256.hex(Array(data))
            #expect(digest == sha, "\(path) changed since the model was trained; run scripts/train-guard-model.py")
        }
    }

    /// Every corpus line follows guard-corpus/LABELS.md.
    @Test func corpusLinesAreWellFormed() throws {
        for dir in ["guard-corpus/train", "guard-corpus/blind"] {
            let base = packageRoot.appendingPathComponent(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: base.path) where name.hasSuffix(".jsonl") {
                var ids = Set<String>()
                let lines = try #require(readLines(base.appendingPathComponent(name)))
                for (n, line) in lines.enumerated() where !line.isEmpty {
                    let r = try #require(try? GuardInputRecord.decode(line), "\(name):\(n + 1) does not decode")
                    let expect = try #require(r.expect, "\(name):\(n + 1): no expect")
                    let categories = r.expectedCategories ?? []
                    #expect(ids.insert(r.idText).inserted, "\(name):\(n + 1): duplicate id")
                    #expect(r.conversation == nil, "\(name):\(n + 1): corpus lines stand alone")
                    #expect((expect >= .medium) == !categories.isEmpty, "\(name):\(n + 1): level and categories disagree")
                    let allowed = r.role == .user ? GuardCategory.userCategories : GuardCategory.outputCategories
                    for c in categories { #expect(allowed.contains(c), "\(name):\(n + 1): \(c) is not a \(r.role) category") }
                }
            }
        }
    }

    /// The layer only raises: with it on, no message of any labelled file is lower than without it.
    @Test func onlyEverRaisesTheLevel() throws {
        var files = [heldOutURL]
        if FileManager.default.fileExists(atPath: devSetURL.path) { files.append(devSetURL) }
        for url in files {
            let lines = try #require(readLines(url))
            for line in lines {
                guard let r = try? GuardInputRecord.decode(line) else { continue }
                let text = r.text
                let with = standardGuard.check(text, role: r.role)
                let without = Self.lexiconOnly.check(text, role: r.role)
                #expect(with.level >= without.level, "\(r.id): \(with.level) < \(without.level)")
                #expect(Set(without.categories).isSubset(of: Set(with.categories)) || with.level > without.level)
            }
        }
    }

    /// A crisis message no lexicon entry covers is still caught, and the result explains why.
    @Test func explainsWhatItCaught() throws {
        let text = "Lately I keep drafting what I'd want read out at my own service. Feels right to get it done soon."
        let result = standardGuard.check(text, role: .user)
        let lexicon = Self.lexiconOnly.check(text, role: .user)
        #expect(lexicon.level < result.level)
        #expect(result.level == .critical, "\(result)")
        let m = try #require(result.matches.first { $0.rule.hasPrefix("model.") })
        #expect(result.rules.contains("model.critical"))
        #expect(m.score ?? 0 >= 0.5)
        #expect(!(m.evidence ?? []).isEmpty)
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[m.span.utf8Start..<m.span.utf8End], as: UTF8.self) == m.text)
    }

    @Test func canBeSwitchedOffAndIsDecodedStrictly() throws {
        let on = try GuardConfiguration.decode(json: GuardConfiguration.standard.jsonText())
        #expect(on.usesStatisticalLayer)
        var off = GuardConfiguration.standard
        off.statisticalLayer = false
        let decoded = try GuardConfiguration.decode(json: off.jsonText())
        #expect(decoded.statisticalLayer == false)
        #expect(throws: GuardError.self) {
            try GuardConfiguration.decode(json: off.jsonText().replacingOccurrences(of: "statisticalLayer", with: "statisticalLayers"))
        }
        #expect(throws: GuardError.self) {
            try GuardModel.decode(Data(#"{"schema":"aslmh/guard-model/v1","roles":{}}"#.utf8), file: "m.json")
        }
    }
}

/// A weight table is read byte by byte; every malformed line is refused with the feature named.
@Suite("Model file")
struct ModelFileTests {
    static func model(table: String) throws -> GuardModel {
        let thresholds = #"{"level:critical":0.5,"level:high":0.8,"level:medium":0.75}"#
        func role(_ c: String, _ h: String, _ m: String) -> String {
            let heads = ["level:critical", c, "level:high", h, "level:medium", m]
            let groups = #"{"level:critical":["\#(c)"],"level:high":["\#(h)"],"level:medium":["\#(m)"]}"#
            return #"{"heads":\#(heads),"bias":[0,0,0,0,0,0],"thresholds":\#(thresholds),"groups":\#(groups),"weights":"t.tsv","weightScale":10000}"#
        }
        let user = role("suicidal_ideation", "psychosis", "isolation")
        let assistant = role("method_information", "diagnosis", "over_validation")
        let json = #"{"schema":"aslmh/guard-model/v1","roles":{"user":\#(user),"assistant":\#(assistant)}}"#
        return try GuardModel.decode(Data(json.utf8), file: "m.json") { $0 == "t.tsv" ? table : nil }
    }

    @Test func readsEveryFeatureKind() throws {
        let m = try Self.model(table: "b:i want\t1 2 3 4 5 6\nctx:idiom\t-1 0 0 0 0 0\ns:wanti\t0 0 0 0 0 7\nsb:i want\t0 0 0 0 0 0\nw:die\t300 0 0 0 0 -32767\n")
        #expect(m.user.nameRanges.count == 5)
        #expect(m.user.name(4) == "w:die")
        #expect(m.user.weights.suffix(6) == [300, 0, 0, 0, 0, -32767])
        #expect(m.user.contexts["idiom"] == 1)
    }

    @Test(arguments: [
        ("w:die 1 2 3 4 5 6\n", "a line without a tab"),
        ("w:die\t1 2 3\n", "needs 6 numbers"),
        ("w:die\t1 2 x 4 5 6\n", "not an integer"),
        ("w:die\t1 2 3 4 5 40000\n", "not an integer within"),
        ("q:die\t1 2 3 4 5 6\n", "unknown feature 'q:die'"),
        ("die\t1 2 3 4 5 6\n", "unknown feature 'die'"),
        ("b:i  want\t1 2 3 4 5 6\n", "unknown feature 'b:i  want'"),
        ("w:two words\t1 2 3 4 5 6\n", "unknown feature 'w:two words'"),
    ])
    func refusesMalformedLines(line: String, message: String) {
        do {
            _ = try Self.model(table: line)
            Issue.record("accepted \(line)")
        } catch let GuardError.invalidData(_, text) {
            #expect(text.contains(message), "\(text)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

/// The model's hash tables agree with Swift dictionaries on random keys.
@Suite("Model tables")
struct ModelTableTests {
    @Test func byteKeyTableMatchesADictionary() {
        var rng = SplitMix64(state: 11)
        var table = ByteKeyTable(capacity: 4)
        var reference: [String: Int32] = [:]
        let letters = Array("abcdeéñü#:z")
        for i in 0..<3_000 {
            let key = String((0..<Int(rng.next() % 9)).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })
            let stored = table.value(for: key, insert: Int32(i))
            if let old = reference[key] { #expect(stored == old) } else { reference[key] = Int32(i) }
        }
        for (key, value) in reference {
            var k = key
            #expect(k.withUTF8 { table.lookup($0) } == value)
        }
        var absent = "never-inserted"
        #expect(absent.withUTF8 { table.lookup($0) } == -1)
        #expect(table.count == reference.count)
    }

    @Test func pairTableMatchesADictionary() {
        var rng = SplitMix64(state: 12)
        var table = PairTable(capacity: 2_000)
        var reference: [Int64: Int32] = [:]
        for i in 0..<2_000 {
            let key = GuardModel.pairKey(Int32(rng.next() % 300), Int32(rng.next() % 300))
            table.set(key, Int32(i))
            reference[key] = Int32(i)
        }
        for (key, value) in reference { #expect(table.lookup(key) == value) }
        #expect(table.lookup(GuardModel.pairKey(301, 301)) == -1)
    }
}
