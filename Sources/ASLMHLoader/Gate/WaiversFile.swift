import ASLMHCore
import Yams

/// Reads the waivers file (`schema: aslmh/waivers/v1`) strictly, with locations.
///
/// ```yaml
/// schema: aslmh/waivers/v1
/// waivers:
///   - product: moodlog-schools
///     finding: missing-evidence/crisis_escalation
///     justification: Escalation protocol signed off by the district; upload pending.
///     approver: Dr. Ines Okafor
///     granted: 2026-11-20
///     expires: 2027-01-31
/// ```
/// Every key is required; the justification must not be blank; `expires` must be on or after
/// `granted` and at most `maxDays` after it; a waiver of `prohibited/…` or
/// `jurisdiction-prohibited/…` is refused; one waiver per product and finding.
public enum WaiversFile {
    public static let schemaID = "aslmh/waivers/v1"
    public static let defaultMaxDays = 90
    static let entryKeys = ["product", "finding", "justification", "approver", "granted", "expires"]

    public static func read(text: String, path: String, maxDays: Int = defaultMaxDays) -> Result<[Waiver], InputErrors> {
        let node: Node?
        switch GateFileText.compose(text, path: path) {
        case .failure(let e): return .failure(e)
        case .success(let n): node = n
        }
        guard let node else { return .success([]) }
        let r = NodeReader(path: path)
        var out: [Waiver] = []
        if let top = r.mapping(node, context: "the waivers file", allowed: ["schema", "waivers"], required: ["schema", "waivers"]) {
            GateFileText.schema(top, expected: schemaID, reader: r)
            if let e = top["waivers"], !ApprovalsFile.isNull(e.value) {
                guard case .sequence(let items) = e.value else {
                    r.fail("wrong-type", "`waivers` must be a list, found \(NodeReader.kind(e.value))",
                           suggestion: "Write one `- product: …` item per waiver.", at: r.location(e.value))
                    return .failure(InputErrors(r.errors))
                }
                var seen: [String: SourceLocation] = [:]
                for item in items {
                    guard let w = waiver(item, r, maxDays: maxDays) else { continue }
                    let key = w.productId + "\u{0}" + w.findingId
                    if let first = seen[key] {
                        r.fail("duplicate-waiver", "a second waiver for `\(w.findingId)` of `\(w.productId)`; the first is at \(first.line):\(first.column)",
                               suggestion: "Keep one waiver per product and finding.", at: w.location)
                        continue
                    }
                    seen[key] = w.location
                    out.append(w)
                }
            }
        }
        return r.errors.isEmpty ? .success(out) : .failure(InputErrors(r.errors))
    }

    static func waiver(_ node: Node, _ r: NodeReader, maxDays: Int) -> Waiver? {
        guard let m = r.mapping(node, context: "a waiver", allowed: entryKeys, required: entryKeys) else { return nil }
        let product = m["product"].flatMap { r.string($0.value, field: "product") }
        let finding = m["finding"].flatMap { r.string($0.value, field: "finding") }
        let justification = m["justification"].flatMap { r.string($0.value, field: "justification") }
        let approver = m["approver"].flatMap { r.string($0.value, field: "approver") }
        let granted = m["granted"].flatMap { r.day($0.value, field: "granted") }
        let expires = m["expires"].flatMap { r.day($0.value, field: "expires") }
        var ok = true
        if let j = justification, j.value.allSatisfy(\.isWhitespace) {
            r.fail("missing-value", "`justification` is blank; a waiver must say why the finding is acceptable for now",
                   suggestion: "Write the reason, the compensating measure and the plan to fix it.", at: j.location)
            ok = false
        }
        if let a = approver, a.value.allSatisfy(\.isWhitespace) {
            r.fail("missing-value", "`approver` is blank", suggestion: "Name the person who approved the waiver.", at: a.location)
            ok = false
        }
        if let f = finding {
            if Waiver.isUnwaivable(f.value) {
                r.fail("unwaivable", "`\(f.value)` is a prohibition; no waiver lifts a prohibition",
                       suggestion: "Change the product or its deployment so the prohibition no longer applies.", at: f.location)
                ok = false
            } else if !f.value.contains("/") {
                r.fail("invalid-value", "`finding` must be a finding id such as `missing-evidence/crisis_escalation`, found `\(f.value)`",
                       suggestion: "Copy the id from `aslmh gate` or `aslmh check` output.", at: f.location)
                ok = false
            }
        }
        if let g = granted, let x = expires {
            if x.value < g.value {
                r.fail("invalid-value", "`expires` (\(x.value)) is before `granted` (\(g.value))", at: x.location)
                ok = false
            } else if g.value.days(until: x.value) > maxDays {
                r.fail("waiver-too-long", "the waiver runs \(g.value.days(until: x.value)) days (\(g.value) to \(x.value)); the maximum is \(maxDays)",
                       suggestion: "Set `expires` on or before \(g.value.adding(days: maxDays)), and renew the waiver if it is still needed then.", at: x.location)
                ok = false
            }
        }
        guard ok, let product, let finding, let justification, let approver, let granted, let expires else { return nil }
        return Waiver(productId: product.value, findingId: finding.value, justification: justification.value, approver: approver.value,
                      granted: granted.value, expires: expires.value, location: r.location(node))
    }
}
