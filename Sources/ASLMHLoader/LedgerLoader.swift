import ASLMHCore
import Yams

/// Reads the Therapy Mode Safety Ledger (`ledger/*.yaml`, schema `aslmh/ledger/v1`).
public enum LedgerLoader {
    public static let schema = "aslmh/ledger/v1"

    public static func embedded() -> Result<Ledger, InputErrors> {
        guard let file = EmbeddedData.files.first(where: { $0.path.hasPrefix("ledger/") && $0.path.hasSuffix(".yaml") }) else {
            return .failure(InputErrors([InputError(code: "not-found", message: "no ledger is embedded", location: SourceLocation(path: "ledger", line: 1, column: 1))]))
        }
        return load(text: file.text, path: file.path)
    }

    static let topKeys = ["schema", "id", "title", "version", "source", "verified", "applies_from_tier", "sections", "controls"]

    public static func load(text: String, path: String) -> Result<Ledger, InputErrors> {
        let node: Node
        switch YAMLDocument.compose(text, path: path, limits: YAMLLimits(maxBytes: 4 << 20)) {
        case .failure(let e): return .failure(InputErrors([e]))
        case .success(nil): return .failure(InputErrors([InputError(code: "empty", message: "empty ledger", location: SourceLocation(path: path, line: 1, column: 1))]))
        case .success(let n?): node = n
        }
        let base = CatalogReader(path: path)
        let r = base.reader
        guard let top = r.mapping(node, context: "the ledger", allowed: topKeys, required: topKeys),
              let id = top["id"].flatMap({ r.string($0.value, field: "id") }),
              let title = top["title"].flatMap({ r.string($0.value, field: "title") }),
              let version = top["version"].flatMap({ r.string($0.value, field: "version") }),
              let source = top["source"].flatMap({ base.citation($0.value) }),
              let verified = top["verified"].flatMap({ r.day($0.value, field: "verified") }),
              let from = top["applies_from_tier"].flatMap({ r.int($0.value, field: "applies_from_tier", range: 1...6) }) else {
            return .failure(InputErrors(r.errors))
        }
        if let s = top["schema"].flatMap({ r.string($0.value, field: "schema") }), s.value != schema {
            r.fail("unknown-schema", "unsupported ledger schema `\(s.value)`", suggestion: "Use `schema: \(schema)`.", at: s.location)
        }
        var sections: [Ledger.Section] = []
        for item in base.list(top["sections"], field: "sections") {
            guard let m = r.mapping(item, context: "a ledger section", allowed: ["id", "title", "quote", "tests"], required: ["id", "title", "quote", "tests"]),
                  let sid = m["id"].flatMap({ r.string($0.value, field: "id") }),
                  let stitle = m["title"].flatMap({ r.string($0.value, field: "title") }),
                  let quote = m["quote"].flatMap({ r.string($0.value, field: "quote") }) else { continue }
            var tests: [Ledger.Test] = []
            for t in base.list(m["tests"], field: "tests") {
                guard let tm = r.mapping(t, context: "a ledger test", allowed: ["id", "question", "controls", "guard", "suites"], required: ["id", "question"]),
                      let tid = tm["id"].flatMap({ r.string($0.value, field: "id") }),
                      let q = tm["question"].flatMap({ r.string($0.value, field: "question") }) else { continue }
                let controls = tm["controls"].map { r.names($0.value, field: "controls", vocabulary: nil).map(\.value) } ?? []
                let guardReqs = tm["guard"].map { r.names($0.value, field: "guard", vocabulary: Ledger.guardRequirements).map(\.value) } ?? []
                let suites = tm["suites"].map { r.names($0.value, field: "suites", vocabulary: nil).map(\.value) } ?? []
                if controls.isEmpty && suites.isEmpty {
                    r.fail("missing-field", "test `\(tid.value)` names nothing that answers it", suggestion: "Give `controls:` or `suites:`.", at: tid.location)
                }
                tests.append(Ledger.Test(id: tid.value, question: q.value, controls: controls, guardRequirements: guardReqs, suites: suites, location: r.location(t)))
            }
            sections.append(Ledger.Section(id: sid.value, title: stitle.value, quote: quote.value, tests: tests))
        }
        var controls: [OverlayControl] = []
        for item in base.list(top["controls"], field: "controls") {
            guard let m = r.mapping(item, context: "a ledger control", allowed: ["id", "title", "description", "satisfied_by"], required: ["id", "title", "description", "satisfied_by"]),
                  let cid = m["id"].flatMap({ r.string($0.value, field: "id") }),
                  let ct = m["title"].flatMap({ r.string($0.value, field: "title") }),
                  let cd = m["description"].flatMap({ r.string($0.value, field: "description") }),
                  let cs = m["satisfied_by"].flatMap({ r.string($0.value, field: "satisfied_by") }) else { continue }
            controls.append(OverlayControl(id: cid.value, title: ct.value, description: cd.value, satisfiedBy: cs.value))
        }
        if !r.errors.isEmpty { return .failure(InputErrors(r.errors)) }
        return .success(Ledger(id: id.value, title: title.value, version: version.value, source: source, verified: verified.value,
                               appliesFromTier: from.value, sections: sections, controls: controls))
    }
}
