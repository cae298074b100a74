/// The sparse features the statistical layer (`GuardModel`) reads from a message: normalised words,
/// their first five letters (a crude stem, so "killing" and "killed" share evidence), adjacent pairs
/// of both within a sentence, and the kind of every lexicon context that lowered a match (idiom,
/// fiction, …). Names are stable strings, so a model file can be reviewed and every score explained
/// by the features that carried it.
extension Engine {
    /// Only the first tokens of a very long message feed the model (the lexicon reads all of them).
    static let maxFeatureTokens = 512
    static let stemLength = 5

    /// What the statistical layer reads: the tokens, which of them a context rule explained away (the
    /// tokens of a match that an idiom, negation, fiction, … rule lowered to low or none: what a
    /// reviewed rule settled, the model does not re-read), and the kinds of the contexts that fired.
    func modelInput(tokens: [Token], hits: [Hit], role: Role) -> ModelInput {
        var explained: [Bool] = []
        var kinds: Set<String> = []
        for h in hits {
            guard let c = h.context else { continue }
            kinds.insert(contexts[c].kind)
            guard h.level <= .low else { continue }
            if explained.isEmpty { explained = [Bool](repeating: false, count: tokens.count) }
            for i in h.start..<h.end { explained[i] = true }
        }
        return ModelInput(
            tokens: tokens, explained: explained, contextKinds: kinds.sorted(),
            wordOfKey: role == .user ? userModelWords : assistantModelWords)
    }

    func features(tokens: [Token], hits: [Hit]) -> Set<String> {
        let input = modelInput(tokens: tokens, hits: hits, role: .user)
        var out: Set<String> = []
        out.reserveCapacity(min(tokens.count, Self.maxFeatureTokens) * 4)
        var previous: (word: String, stem: String)? = nil
        var previousSentence: Int32 = -1
        for (i, t) in tokens.prefix(Self.maxFeatureTokens).enumerated() {
            if input.isExplained(i) {
                previousSentence = -1
                continue
            }
            let word = Self.featureWord(t.key)
            let stem = Self.stem(word)
            out.insert("w:" + word)
            out.insert("s:" + stem)
            if let p = previous, previousSentence == t.sentence {
                out.insert("b:" + p.word + " " + word)
                out.insert("sb:" + p.stem + " " + stem)
            }
            previous = (word, stem)
            previousSentence = t.sentence
        }
        for kind in input.contextKinds { out.insert("ctx:" + kind) }
        return out
    }

    @inline(__always) static func featureWord(_ key: String) -> String {
        key.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ? "#num" : key
    }

    @inline(__always) static func stem(_ word: String) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.prefix(stemLength)))
    }

    /// `stem` on UTF-8 bytes: the bytes of the first `stemLength` Unicode scalars (lead bytes counted).
    @inline(__always) static func stemBytes(_ p: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var scalars = 0
        for j in 0..<p.count where p[j] & 0xC0 != 0x80 {
            if scalars == stemLength { return UnsafeBufferPointer(rebasing: p[0..<j]) }
            scalars += 1
        }
        return p
    }
}

/// The statistical layer's view of one message (see `Engine.modelInput`).
struct ModelInput {
    var tokens: [Token]
    /// Per token, whether a context rule explained it away; empty when none did.
    var explained: [Bool]
    var contextKinds: [String]
    /// Key index → the model's word id for this role (`Engine.userModelWords`); empty when the engine
    /// was built without the model, and words are then looked up by their bytes.
    var wordOfKey: [Int32] = []

    @inline(__always) func isExplained(_ i: Int) -> Bool { !explained.isEmpty && explained[i] }
}

extension Guard {
    /// A guard for reading features: the embedded lexicons without the model (features never depend on
    /// it, and a model file being retrained need not load).
    public static func featureReader() throws -> Guard {
        var configuration = GuardConfiguration.standard
        configuration.statisticalLayer = false
        let files = EmbeddedData.files.filter { !$0.path.hasPrefix("lexicons/model/") }
        return try Guard(configuration: configuration, data: LexiconData.load(files: files))
    }

    /// The features the statistical layer reads from a message (sorted), for review and training.
    public func features(_ text: String, role: Role) -> [String] {
        let (hits, tokens) = engine.analyze(text, role: role, enabled: enabledEntries)
        return engine.features(tokens: tokens, hits: hits).sorted()
    }
}
