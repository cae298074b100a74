import ASLMHCore
import Yams

/// Reads and writes the baseline file (`schema: aslmh/baseline/v1`): finding ids by product id.
///
/// ```yaml
/// schema: aslmh/baseline/v1
/// findings:
///   moodlog-schools: ["missing-evidence/crisis_escalation"]
/// ```
public enum BaselineFile {
    public static func read(text: String, path: String) -> Result<Baseline, InputErrors> {
        let node: Node?
        switch GateFileText.compose(text, path: path) {
        case .failure(let e): return .failure(e)
        case .success(let n): node = n
        }
        guard let node else { return .success(Baseline()) }
        let r = NodeReader(path: path)
        var out: [String: Set<String>] = [:]
        if let top = r.mapping(node, context: "the baseline file", allowed: ["schema", "findings"], required: ["schema", "findings"]) {
            GateFileText.schema(top, expected: Baseline.schemaID, reader: r)
            if let e = top["findings"], !ApprovalsFile.isNull(e.value), let m = r.openMapping(e.value, context: "`findings`") {
                for (product, entry) in m {
                    out[product] = Set(r.names(entry.value, field: "findings.\(product)", vocabulary: nil).map(\.value))
                }
            }
        }
        return r.errors.isEmpty ? .success(Baseline(out)) : .failure(InputErrors(r.errors))
    }

    public static func render(_ b: Baseline) -> String {
        var out = "# Findings accepted as existing when the gate was adopted (`aslmh gate --write-baseline`).\n"
        out += "# Only findings not listed here block. Prohibitions are never baselined.\nschema: \(Baseline.schemaID)\n"
        let ids = b.findings.keys.filter { !(b.findings[$0]?.isEmpty ?? true) }.sorted()
        if ids.isEmpty { return out + "findings: {}\n" }
        out += "findings:\n"
        for id in ids { out += "  \(GateFileText.quoted(id)): \(GateFileText.list(b.findings[id]!.sorted()))\n" }
        return out
    }
}
