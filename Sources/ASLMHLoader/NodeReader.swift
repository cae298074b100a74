import ASLMHCore
import Yams

/// Strict reading of a composed YAML tree: every problem is recorded with its location and
/// reading goes on, so one pass reports all of a file's errors.
final class NodeReader {
    let path: String
    private(set) var errors: [InputError] = []

    init(path: String) { self.path = path }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func fail(_ code: String, _ message: String, suggestion: String? = nil, at location: SourceLocation) {
        errors.append(InputError(code: code, message: message, suggestion: suggestion, location: location))
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let s): isNull(s) ? "nothing (null)" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    static func isNull(_ s: Node.Scalar) -> Bool {
        s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// YAML 1.1 reads these plain scalars as booleans; we refuse them everywhere.
    static let yaml11Booleans: Set<String> = ["yes", "no", "on", "off", "y", "n"]

    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
        var location: SourceLocation
    }

    /// Reads a mapping: reports a wrong type, duplicate keys, unknown keys (with "did you mean")
    /// and missing required keys. Returns the known entries by key.
    /// `allowed: nil` accepts any key (maps keyed by the user's own names, such as product ids).
    func mapping(_ node: Node, context: String, allowed: [String]?, required: [String],
                 missingAt: SourceLocation? = nil) -> [String: Entry]? {
        guard case .mapping(let m) = node else {
            fail("wrong-type", "\(context) must be a mapping, found \(Self.kind(node))", at: location(node))
            return nil
        }
        var entries: [String: Entry] = [:]
        for (k, v) in m {
            guard case .scalar(let ks) = k else {
                fail("wrong-type", "keys in \(context) must be plain names, found \(Self.kind(k))", at: location(k))
                continue
            }
            let key = ks.string
            let loc = location(k)
            if let first = entries[key] {
                fail("duplicate-key", "duplicate key `\(key)` in \(context); first defined at \(first.location.line):\(first.location.column)",
                     suggestion: "Keep one `\(key)` and merge the values.", at: loc)
                continue
            }
            if let allowed, !allowed.contains(key) {
                let hint = Suggest.closest(to: key, in: allowed).map { "did you mean `\($0)`?" }
                    ?? "allowed keys: " + allowed.joined(separator: ", ")
                fail("unknown-key", "unknown key `\(key)` in \(context)", suggestion: hint, at: loc)
                continue
            }
            entries[key] = Entry(key: key, keyNode: k, value: v, location: loc)
        }
        for key in required where entries[key] == nil {
            fail("missing-field", "\(context) is missing the required key `\(key)`",
                 suggestion: "Add `\(key):` (see `aslmh schema` or `aslmh init`).", at: missingAt ?? location(node))
        }
        return entries
    }

    /// A scalar read as text. Refuses null, collections and YAML 1.1 booleans.
    func string(_ node: Node, field: String, allowEmpty: Bool = false) -> Located<String>? {
        guard case .scalar(let s) = node else {
            fail("wrong-type", "`\(field)` must be text, found \(Self.kind(node))", at: location(node))
            return nil
        }
        if Self.isNull(s) {
            if allowEmpty { return Located("", at: location(node)) }
            fail("missing-value", "`\(field)` has no value", suggestion: "Write a value after `\(field):`.", at: location(node))
            return nil
        }
        if s.style == .plain && Self.yaml11Booleans.contains(s.string.lowercased()) {
            fail("yaml11-boolean", "`\(s.string)` in `\(field)` is a YAML 1.1 boolean, read differently by different tools",
                 suggestion: "Write `true`/`false` for a boolean, or quote it (\"\(s.string)\") for text.", at: location(node))
            return nil
        }
        return Located(s.string, at: location(node))
    }

    func bool(_ node: Node, field: String) -> Located<Bool>? {
        guard let s = string(node, field: field) else { return nil }
        switch s.value {
        case "true": return Located(true, at: s.location)
        case "false": return Located(false, at: s.location)
        default:
            fail("wrong-type", "`\(field)` must be true or false, found `\(s.value)`", at: s.location)
            return nil
        }
    }

    func int(_ node: Node, field: String, range: ClosedRange<Int>) -> Located<Int>? {
        guard let s = string(node, field: field) else { return nil }
        guard let n = Int(s.value), range.contains(n) else {
            fail("wrong-type", "`\(field)` must be a whole number from \(range.lowerBound) to \(range.upperBound), found `\(s.value)`", at: s.location)
            return nil
        }
        return Located(n, at: s.location)
    }

    func day(_ node: Node, field: String) -> Located<Day>? {
        guard let s = string(node, field: field) else { return nil }
        guard let d = Day(s.value) else {
            fail("wrong-type", "`\(field)` must be a date written YYYY-MM-DD, found `\(s.value)`", at: s.location)
            return nil
        }
        return Located(d, at: s.location)
    }

    /// A list of names. A single scalar is accepted as a one-item list only when `allowScalar`.
    /// With a vocabulary, unknown values are reported with the closest known one.
    func names(_ node: Node, field: String, vocabulary: [String]?, allowScalar: Bool = false) -> [Located<String>] {
        let items: [Node]
        switch node {
        case .sequence(let seq): items = Array(seq)
        case .scalar where allowScalar: items = [node]
        default:
            fail("wrong-type", "`\(field)` must be a list, found \(Self.kind(node))",
                 suggestion: "Write it as a list: `\(field): [a, b]` or one `- item` per line.", at: location(node))
            return []
        }
        var out: [Located<String>] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let s = string(item, field: field) else { continue }
            if let first = seen[s.value] {
                fail("duplicate-value", "`\(s.value)` is listed twice in `\(field)` (first at \(first.line):\(first.column))", at: s.location)
                continue
            }
            seen[s.value] = s.location
            if let vocabulary, !vocabulary.contains(s.value) {
                let hint = Suggest.closest(to: s.value, in: vocabulary).map { "did you mean `\($0)`?" }
                    ?? "known values: " + vocabulary.joined(separator: ", ")
                fail("unknown-value", "`\(s.value)` is not a known value for `\(field)`", suggestion: hint, at: s.location)
                continue
            }
            out.append(s)
        }
        return out
    }
}
