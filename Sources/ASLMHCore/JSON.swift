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
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return pretty ? out + "\n" : out
    }

    func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite {
                if d == d.rounded() && abs(d) < 1e15 { out += String(Int(d)) } else { out += String(d) }
            } else {
                out += "null"
            }
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if let indent { out += JSON.pad(indent + 1) }
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            if let indent { out += JSON.pad(indent) }
            out += "]"
        case .object(let dict):
            if dict.isEmpty { out += "{}"; return }
            out += "{"
            // Pairs sorted by key in one pass (no second lookup per key); keys compare by UTF-8.
            let pairs = dict.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            let inner = indent.map { $0 + 1 }
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                if let inner { out += JSON.pad(inner) }
                JSON.escape(pair.key, into: &out)
                out += indent == nil ? ":" : ": "
                pair.value.write(into: &out, indent: inner)
            }
            if let indent { out += JSON.pad(indent) }
            out += "}"
        }
    }

    private static let pads: [String] = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    /// A newline and the indentation for `level`.
    static func pad(_ level: Int) -> String { level < pads.count ? pads[level] : "\n" + String(repeating: "  ", count: level) }

    static func escape(_ s: String, into out: inout String) {
        // Fast path: most strings need no escaping at all.
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C { return false }
            return true
        } ?? !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
        if plain {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
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
