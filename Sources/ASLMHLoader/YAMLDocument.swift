import ASLMHCore
import Foundation
import Yams

/// Limits that keep hostile YAML from costing unbounded time or memory.
public struct YAMLLimits: Sendable {
    public var maxBytes: Int
    public var maxDepth: Int
    public var maxNodes: Int

    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxNodes: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let standard = YAMLLimits()
}

/// Parses YAML text into a Yams node tree, refusing oversized, over-deep or alias-expanding input
/// with a located error instead of spending unbounded time, memory or stack.
enum YAMLDocument {
    static func compose(_ text: String, path: String, limits: YAMLLimits) -> Result<Node?, InputError> {
        let bytes = text.utf8.count
        if bytes > limits.maxBytes {
            return .failure(InputError(code: "too-large", message: "file is \(bytes) bytes; the limit is \(limits.maxBytes)",
                                       suggestion: "Split it, or remove what is not part of the profile.",
                                       location: SourceLocation(path: path, line: 1, column: 1)))
        }
        if let deep = depthViolation(text, path: path, maxDepth: limits.maxDepth) { return .failure(deep) }
        do {
            let node = try Yams.compose(yaml: text)
            if let node, countNodes(node, budget: limits.maxNodes) > limits.maxNodes {
                return .failure(InputError(code: "too-many-nodes",
                                           message: "document expands to more than \(limits.maxNodes) values (aliases are counted where they are used)",
                                           suggestion: "Remove anchors and aliases (`&name`, `*name`); profiles do not need them.",
                                           location: SourceLocation(path: path, line: 1, column: 1)))
            }
            return .success(node)
        } catch let error as YamlError {
            return .failure(convert(error, path: path))
        } catch {
            return .failure(InputError(code: "yaml-syntax", message: "cannot parse YAML: \(error)",
                                       location: SourceLocation(path: path, line: 1, column: 1)))
        }
    }

    /// Counts nodes, following aliases, and stops as soon as the budget is exceeded: an alias bomb
    /// is refused after `budget` steps, not after its exponential expansion.
    static func countNodes(_ root: Node, budget: Int) -> Int {
        var count = 0
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            count += 1
            if count > budget { return count }
            switch node {
            case .scalar: break
            case .sequence(let s): stack.append(contentsOf: s)
            case .mapping(let m):
                for (k, v) in m {
                    stack.append(k)
                    stack.append(v)
                }
            }
        }
        return count
    }

    /// A conservative pre-scan, before libyaml's recursive composer sees the text: the depth of
    /// flow collections plus block indentation steps plus inline `- ` / `? ` / `key: ` nesting.
    static func depthViolation(_ text: String, path: String, maxDepth: Int) -> InputError? {
        var line = 1
        var flowDepth = 0
        var atLineStart = true
        var indent = 0
        var inlineNesting = 0
        var quote: UInt8? = nil
        var inComment = false
        var column = 0
        var indentStack: [Int] = [0]
        var prev: UInt8 = UInt8(ascii: " ")
        var escaped = false
        func violation(_ what: String) -> InputError {
            InputError(code: "too-deep", message: "\(what) nests deeper than \(maxDepth) levels",
                       suggestion: "Profiles are shallow; flatten the structure.",
                       location: SourceLocation(path: path, line: line, column: max(1, column)))
        }
        for byte in text.utf8 {
            column += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
                prev = UInt8(ascii: " ")
                atLineStart = true
                indent = 0
                inlineNesting = 0
                inComment = false
                continue
            }
            if inComment { continue }
            if let q = quote {
                if escaped {
                    escaped = false
                } else if q == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == q {
                    quote = nil
                    prev = byte
                }
                continue
            }
            defer { prev = byte }
            if atLineStart {
                if byte == UInt8(ascii: " ") {
                    indent += 1
                    continue
                }
                atLineStart = false
                if byte != UInt8(ascii: "#") {
                    while let top = indentStack.last, top > indent { indentStack.removeLast() }
                    if indentStack.last != indent { indentStack.append(indent) }
                    if indentStack.count + flowDepth > maxDepth { return violation("block structure") }
                }
            }
            switch byte {
            case UInt8(ascii: "#"): inComment = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // A quote only opens a quoted scalar where a scalar can start; an apostrophe
                // inside a plain scalar (`it's`) is text.
                if Self.scalarStarters.contains(prev) { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth + indentStack.count + inlineNesting > maxDepth { return violation("flow collection") }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                inlineNesting += 1
                if flowDepth + indentStack.count + inlineNesting > maxDepth * 2 { return violation("inline block structure") }
            default: break
            }
        }
        return nil
    }

    static let scalarStarters: Set<UInt8> = Set(" :[{,-?\t".utf8)

    static func convert(_ error: YamlError, path: String) -> InputError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text))" }
            return InputError(code: "yaml-syntax", message: message, suggestion: hint(for: problem), location: at(mark))
        case .reader(let problem, _, _, _):
            return InputError(code: "yaml-encoding", message: "cannot read the file: \(problem)",
                              suggestion: "Save the file as UTF-8.", location: SourceLocation(path: path, line: 1, column: 1))
        default:
            return InputError(code: "yaml-syntax", message: "cannot parse YAML: \(error)",
                              location: SourceLocation(path: path, line: 1, column: 1))
        }
    }

    static func hint(for problem: String) -> String? {
        if problem.contains("tab") { return "Indent with spaces, not tabs." }
        if problem.contains("mapping values are not allowed") { return "Quote values that contain `: `, or fix the indentation." }
        if problem.contains("did not find expected key") { return "Check the indentation of this line against the keys above it." }
        if problem.contains("undefined alias") { return "Define the anchor (`&name`) before using the alias (`*name`)." }
        return nil
    }
}
