/// One normalised word of a message, with its place in the original text.
struct Token {
    /// Normalised form: NFKC, lower case, no accents, digits-for-letters undone, repeated letters
    /// squeezed, known misspellings corrected.
    var key: String
    // Offsets are stored as Int32 (a message is far below 2 GiB): a token is 56 bytes instead of
    // 72, which keeps memory flat on pathological input (hundreds of thousands of one-letter words).
    private var u8Start: Int32
    private var u8End: Int32
    private var scStart: Int32
    private var scEnd: Int32
    var sentence: Int32
    var clause: Int32

    /// Byte offsets into the original text's UTF-8.
    var utf8Start: Int {
        get { Int(u8Start) }
        set { u8Start = Int32(truncatingIfNeeded: newValue) }
    }
    var utf8End: Int {
        get { Int(u8End) }
        set { u8End = Int32(truncatingIfNeeded: newValue) }
    }
    /// Unicode scalar (code point) offsets into the original text.
    var scalarStart: Int {
        get { Int(scStart) }
        set { scStart = Int32(truncatingIfNeeded: newValue) }
    }
    var scalarEnd: Int {
        get { Int(scEnd) }
        set { scEnd = Int32(truncatingIfNeeded: newValue) }
    }

    init(key: String, utf8Start: Int, utf8End: Int, scalarStart: Int, scalarEnd: Int, sentence: Int32, clause: Int32) {
        self.key = key
        u8Start = Int32(truncatingIfNeeded: utf8Start)
        u8End = Int32(truncatingIfNeeded: utf8End)
        scStart = Int32(truncatingIfNeeded: scalarStart)
        scEnd = Int32(truncatingIfNeeded: scalarEnd)
        self.sentence = sentence
        self.clause = clause
    }
    /// Vocabulary id of `key` (−1 when no pattern uses it).
    var id: Int32 = -1
    /// Vocabulary id of a `prefix*` pattern word this token starts with, or of `#num`.
    var altID: Int32 = -1
    var altID2: Int32 = -1
    /// Index of `key` in the vocabulary's key table (shared with the statistical layer), or −1.
    var keyIndex: Int32 = -1

    @inline(__always) func has(_ wanted: Int32) -> Bool {
        id == wanted || altID == wanted || altID2 == wanted
    }
}
