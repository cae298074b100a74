/// A JSON value with deterministic serialisation: object keys sorted, fixed indentation, no
/// escaped slashes. Every machine-readable output goes through it, so the same input gives
/// byte-identical output.
public indirect enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    public static func from(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }

    /// Pretty-printed with two-space indentation and a trailing newline.
    /// The canonical form: compact, keys sorted, the same escaping as `rendered()`. Digests are
    /// SHA-256 over it (what Python's `json.dumps(doc, sort_keys=True, separators=(",", ":"),
    /// ensure_ascii=False)` produces).
    public var canonical: String { rendered(pretty: false) }

    public func rendered(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        write(bytes: &out, indent: pretty ? 0 : nil)
        if pretty { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }

    func write(into out: inout String, indent: Int?) {
        var bytes: [UInt8] = []
        write(bytes: &bytes, indent: indent)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The value as UTF-8, pretty-printed from `indent` (compact when nil). Bytes, not String
    /// appends: reports of tens of thousands of profiles go through here.
    func write(bytes out: inout [UInt8], indent: Int?) {
        var none: [UInt8]? = nil
        write(&out, indent: indent, canonical: &none)
    }

    /// The value pretty-printed from `indent` and, in the same pass, in canonical form (what
    /// `CanonicalJSONHasher.compact` makes of the pretty text), for reports digested as they stream.
    public func writePrettyAndCanonical(indent: Int) -> (pretty: String, canonical: [UInt8]) {
        var pretty: [UInt8] = []
        var canonical: [UInt8]? = []
        write(&pretty, indent: indent, canonical: &canonical)
        return (String(decoding: pretty, as: UTF8.self), canonical ?? [])
    }

    private func write(_ out: inout [UInt8], indent: Int?, canonical c: inout [UInt8]?) {
        @inline(__always) func emit(_ s: StaticString) {
            s.withUTF8Buffer { out.append(contentsOf: $0) }
            if c != nil { s.withUTF8Buffer { c!.append(contentsOf: $0) } }
        }
        @inline(__always) func emitText(_ s: String) {
            out.append(contentsOf: s.utf8)
            if c != nil { c!.append(contentsOf: s.utf8) }
        }
        switch self {
        case .null: emit("null")
        case .bool(let b): if b { emit("true") } else { emit("false") }
        case .int(let i): emitText(String(i))
        case .double(let d):
            if d.isFinite {
                if d == d.rounded() && abs(d) < 1e15 { emitText(String(Int(d))) } else { emitText(String(d)) }
            } else {
                emit("null")
            }
        case .string(let s):
            let from = out.count
            JSON.escape(s, into: &out)
            if c != nil { c!.append(contentsOf: out[from...]) }
        case .array(let items):
            if items.isEmpty { emit("[]"); return }
            emit("[")
            for (i, item) in items.enumerated() {
                if i > 0 { emit(",") }
                if let indent { JSON.pad(indent + 1, into: &out) }
                item.write(&out, indent: indent.map { $0 + 1 }, canonical: &c)
            }
            if let indent { JSON.pad(indent, into: &out) }
            emit("]")
        case .object(let dict):
            if dict.isEmpty { emit("{}"); return }
            emit("{")
            // Pairs sorted by key in one pass (no second lookup per key); keys compare by UTF-8.
            let pairs = dict.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            let inner = indent.map { $0 + 1 }
            for (i, pair) in pairs.enumerated() {
                if i > 0 { emit(",") }
                if let inner { JSON.pad(inner, into: &out) }
                let from = out.count
                JSON.escape(pair.key, into: &out)
                if c != nil { c!.append(contentsOf: out[from...]) }
                if indent == nil { emit(":") } else {
                    out.append(contentsOf: [0x3A, 0x20])  // ": " pretty, ":" canonical
                    if c != nil { c!.append(0x3A) }
                }
                pair.value.write(&out, indent: inner, canonical: &c)
            }
            if let indent { JSON.pad(indent, into: &out) }
            emit("}")
        }
    }

    /// A newline and the indentation for `level`.
    static func pad(_ level: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        for _ in 0..<level { out.append(0x20); out.append(0x20) }
    }

    static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func escape(_ s: String, into out: inout [UInt8]) {
        // Fast path: most strings need no escaping at all.
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C { return false }
            return true
        } ?? !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
        out.append(0x22)
        if plain {
            out.append(contentsOf: s.utf8)
            out.append(0x22)
            return
        }
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0x0F)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}

/// Feeds pretty-printed JSON text to a SHA-256 hasher as its canonical (compact) form: whitespace
/// outside strings is dropped. Lets a streamed document be digested as it is written.
public struct CanonicalJSONHasher: Sendable {
    private var hasher = SHA256.Hasher()

    public init() {}

    public mutating func update(_ pretty: String) {
        hasher.update(Self.compact(pretty))
    }

    /// Pretty-printed JSON (as `JSON.rendered()` writes it) without the whitespace outside strings.
    public static func compact(_ pretty: String) -> [UInt8] {
        var compact: [UInt8] = []
        compact.reserveCapacity(pretty.utf8.count)
        var inString = false
        var escaped = false
        var text = pretty
        text.withUTF8 { bytes in
            for b in bytes {
                if inString {
                    compact.append(b)
                    if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                } else if b == 0x22 {
                    inString = true
                    compact.append(b)
                } else if b != 0x20 && b != 0x0A {
                    compact.append(b)
                }
            }
        }
        return compact
    }

    /// Feeds bytes that are already canonical.
    public mutating func updateCanonical(_ bytes: [UInt8]) { hasher.update(bytes) }

    /// Feeds text that is already canonical.
    public mutating func updateCanonical(_ compact: Substring) {
        var c = compact
        c.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func finalizeHex() -> String { hasher.finalizeHex() }
}
