/// One normalised word of a message, with its place in the original text.
struct Token {
    /// Normalised form: NFKC, lower case, no accents, digits-for-letters undone, repeated letters
    /// squeezed, known misspellings corrected.
    var key: String
    /// Byte offsets into the original text's UTF-8.
    var utf8Start: Int
    var utf8End: Int
    /// Unicode scalar (code point) offsets into the original text.
    var scalarStart: Int
    var scalarEnd: Int
    var sentence: Int32
    var clause: Int32
    /// Vocabulary id of `key` (−1 when no pattern uses it).
    var id: Int32 = -1
    /// Vocabulary id of a `prefix*` pattern word this token starts with, or of `#num`.
    var altID: Int32 = -1
    var altID2: Int32 = -1

    @inline(__always) func has(_ wanted: Int32) -> Bool {
        id == wanted || altID == wanted || altID2 == wanted
    }
}
