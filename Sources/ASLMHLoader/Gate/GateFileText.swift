import ASLMHCore
import Yams

/// Shared steps for the governance files: compose strictly, check the schema line.
enum GateFileText {
    /// Composes the document; an empty file reads as nil (an empty approvals or waivers file is allowed).
    static func compose(_ text: String, path: String) -> Result<Node?, InputErrors> {
        switch YAMLDocument.compose(text, path: path, limits: .standard) {
        case .failure(let e): return .failure(InputErrors([e]))
        case .success(let n): return .success(n)
        }
    }

    static func schema(_ top: [String: NodeReader.Entry], expected: String, reader: NodeReader) {
        guard let e = top["schema"], let s = reader.string(e.value, field: "schema") else { return }
        if s.value != expected {
            reader.fail("unknown-schema", "unsupported schema `\(s.value)`", suggestion: "This version of aslmh reads `schema: \(expected)`.", at: s.location)
        }
    }

    /// A double-quoted YAML scalar (JSON string escapes are valid YAML escapes).
    static func quoted(_ s: String) -> String {
        JSON.string(s).rendered(pretty: false)
    }

    static func list(_ values: [String]) -> String { "[" + values.map(quoted).joined(separator: ", ") + "]" }
}

extension NodeReader {
    /// A mapping whose keys are names chosen by the user (product ids, control ids): wrong types
    /// and duplicate keys are reported, any key is accepted.
    func openMapping(_ node: Node, context: String) -> [String: Entry]? {
        mapping(node, context: context, allowed: nil, required: [])
    }
}
