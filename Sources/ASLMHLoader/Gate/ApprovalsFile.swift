import ASLMHCore
import Yams

/// Reads and writes the approvals file (`schema: aslmh/approvals/v1`), strictly and with locations.
///
/// ```yaml
/// schema: aslmh/approvals/v1
/// approvals:
///   harbor-chat:
///     reviewer: "Dr. Ines Okafor"
///     date: "2026-11-25"
///     note: "…"
///     tier: 3
///     catalog_version: "2026.11.1"
///     profile_sha256: "…64 hex digits…"
///     product_version: "3.1.0"
///     accepted_findings: []
///     declared: {audience: […], settings: […], capabilities: […], autonomy: "none", markets: […],
///                locales: […], tier_override: null, controls: {id: {evidence: […], owner: …, reviewed: …, review_cycle_days: …}}}
/// ```
public enum ApprovalsFile {
    static let topKeys = ["schema", "approvals"]
    static let entryKeys = ["reviewer", "date", "note", "tier", "catalog_version", "profile_sha256", "product_version",
                            "accepted_findings", "declared"]
    static let requiredEntryKeys = ["reviewer", "date", "note", "tier", "catalog_version", "profile_sha256", "declared"]
    static let declaredKeys = ["audience", "settings", "capabilities", "autonomy", "markets", "locales", "tier_override", "controls"]
    static let controlKeys = ["evidence", "owner", "reviewed", "review_cycle_days"]

    public static func read(text: String, path: String) -> Result<ApprovalBook, InputErrors> {
        let node: Node?
        switch GateFileText.compose(text, path: path) {
        case .failure(let e): return .failure(e)
        case .success(let n): node = n
        }
        guard let node else { return .success(ApprovalBook()) }
        let r = NodeReader(path: path)
        var book = ApprovalBook()
        if let top = r.mapping(node, context: "the approvals file", allowed: topKeys, required: topKeys) {
            GateFileText.schema(top, expected: ApprovalBook.schemaID, reader: r)
            if let e = top["approvals"], !isNull(e.value),
               let entries = r.openMapping(e.value, context: "`approvals`") {
                for (id, entry) in entries.sorted(by: { $0.key < $1.key }) {
                    if let a = approval(id, entry, r) { book.record(a) }
                }
            }
        }
        return r.errors.isEmpty ? .success(book) : .failure(InputErrors(r.errors))
    }

    static func isNull(_ n: Node) -> Bool { if case .scalar(let s) = n { NodeReader.isNull(s) } else { false } }

    static func approval(_ id: String, _ entry: NodeReader.Entry, _ r: NodeReader) -> Approval? {
        let ctx = "`approvals.\(id)`"
        guard let m = r.mapping(entry.value, context: ctx, allowed: entryKeys, required: requiredEntryKeys, missingAt: entry.location) else { return nil }
        let reviewer = m["reviewer"].flatMap { r.string($0.value, field: "approvals.\(id).reviewer") }
        let date = m["date"].flatMap { r.day($0.value, field: "approvals.\(id).date") }
        let note = m["note"].flatMap { r.string($0.value, field: "approvals.\(id).note", allowEmpty: true) }
        let tier = m["tier"].flatMap { r.int($0.value, field: "approvals.\(id).tier", range: 1...99) }
        let catalog = m["catalog_version"].flatMap { r.string($0.value, field: "approvals.\(id).catalog_version") }
        let sha = m["profile_sha256"].flatMap { r.string($0.value, field: "approvals.\(id).profile_sha256") }
        if let sha, sha.value.count != 64 || !sha.value.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            r.fail("invalid-value", "`approvals.\(id).profile_sha256` must be 64 lowercase hex digits", suggestion: "Record approvals with `aslmh approve`, not by hand.", at: sha.location)
        }
        let version = m["product_version"].flatMap { r.string($0.value, field: "approvals.\(id).product_version") }
        let accepted = m["accepted_findings"].map { r.names($0.value, field: "approvals.\(id).accepted_findings", vocabulary: nil) } ?? []
        let declared = m["declared"].flatMap { declaration($0, field: "approvals.\(id).declared", r) }
        guard let reviewer, let date, let note, let tier, let catalog, let sha, let declared else { return nil }
        return Approval(productId: id, reviewer: reviewer.value, date: date.value, note: note.value, tier: tier.value,
                        catalogVersion: catalog.value, profileSHA256: sha.value, productVersion: version?.value,
                        acceptedFindings: accepted.map(\.value), declared: declared, location: entry.location)
    }

    static func declaration(_ e: NodeReader.Entry, field: String, _ r: NodeReader) -> ApprovedDeclaration? {
        guard let m = r.mapping(e.value, context: "`\(field)`", allowed: declaredKeys, required: [], missingAt: e.location) else { return nil }
        func names(_ k: String) -> [String] { m[k].map { r.names($0.value, field: "\(field).\(k)", vocabulary: nil).map(\.value) } ?? [] }
        var d = ApprovedDeclaration(audience: names("audience"), settings: names("settings"), capabilities: names("capabilities"),
                                    autonomy: m["autonomy"].flatMap { isNull($0.value) ? nil : r.string($0.value, field: "\(field).autonomy")?.value },
                                    markets: names("markets"), locales: names("locales"),
                                    tierOverride: m["tier_override"].flatMap { isNull($0.value) ? nil : r.int($0.value, field: "\(field).tier_override", range: 1...99)?.value })
        if let c = m["controls"], !isNull(c.value),
           let controls = r.openMapping(c.value, context: "`\(field).controls`") {
            for (id, ce) in controls {
                let f = "\(field).controls.\(id)"
                guard let cm = r.mapping(ce.value, context: "`\(f)`", allowed: controlKeys, required: [], missingAt: ce.location) else { continue }
                d.controls[id] = ApprovedControl(
                    evidence: cm["evidence"].map { r.names($0.value, field: "\(f).evidence", vocabulary: nil).map(\.value) } ?? [],
                    owner: cm["owner"].flatMap { isNull($0.value) ? nil : r.string($0.value, field: "\(f).owner")?.value },
                    reviewed: cm["reviewed"].flatMap { isNull($0.value) ? nil : r.day($0.value, field: "\(f).reviewed")?.value },
                    reviewCycleDays: cm["review_cycle_days"].flatMap { isNull($0.value) ? nil : r.int($0.value, field: "\(f).review_cycle_days", range: 1...3650)?.value })
            }
        }
        return d
    }

    /// The file's text: products sorted by id, keys in a fixed order, every string quoted.
    public static func render(_ book: ApprovalBook) -> String {
        let q = GateFileText.quoted, l = GateFileText.list
        var out = "# Approvals recorded by `aslmh approve`; checked by `aslmh gate`. Do not edit by hand:\n"
        out += "# each entry is bound to the SHA-256 of the canonical profile (see docs/gate.md).\n"
        out += "schema: \(ApprovalBook.schemaID)\n"
        if book.approvals.isEmpty { return out + "approvals: {}\n" }
        out += "approvals:\n"
        for id in book.approvals.keys.sorted() {
            let a = book.approvals[id]!
            out += "  \(q(id)):\n"
            out += "    reviewer: \(q(a.reviewer))\n    date: \(q(a.date.description))\n    note: \(q(a.note))\n"
            out += "    tier: \(a.tier)\n    catalog_version: \(q(a.catalogVersion))\n    profile_sha256: \(q(a.profileSHA256))\n"
            if let v = a.productVersion { out += "    product_version: \(q(v))\n" }
            out += "    accepted_findings: \(l(a.acceptedFindings))\n"
            let d = a.declared
            out += "    declared:\n"
            out += "      audience: \(l(d.audience))\n      settings: \(l(d.settings))\n      capabilities: \(l(d.capabilities))\n"
            out += "      autonomy: \(d.autonomy.map(q) ?? "null")\n      markets: \(l(d.markets))\n      locales: \(l(d.locales))\n"
            out += "      tier_override: \(d.tierOverride.map(String.init) ?? "null")\n"
            if d.controls.isEmpty {
                out += "      controls: {}\n"
            } else {
                out += "      controls:\n"
                for cid in d.controls.keys.sorted() {
                    let c = d.controls[cid]!
                    out += "        \(q(cid)):\n          evidence: \(l(c.evidence))\n"
                    out += "          owner: \(c.owner.map(q) ?? "null")\n"
                    out += "          reviewed: \(c.reviewed.map { q($0.description) } ?? "null")\n"
                    out += "          review_cycle_days: \(c.reviewCycleDays.map(String.init) ?? "null")\n"
                }
            }
        }
        return out
    }
}
