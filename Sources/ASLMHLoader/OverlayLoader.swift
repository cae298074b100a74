import ASLMHCore
import Foundation
import Yams

/// Reads jurisdiction overlays (`overlays/*.yaml`): the shipped ones embedded in the binary, plus
/// an organisation's own directory, whose files replace shipped overlays with the same id.
public enum OverlayLoader {
    public static let overlaySchema = "aslmh/overlay/v1"
    public static let controlsSchema = "aslmh/overlay-controls/v1"

    public static func embedded(catalog: Catalog) -> Result<OverlaySet, InputErrors> {
        load(files: EmbeddedData.files.filter { $0.path.hasPrefix("overlays/") && $0.path.hasSuffix(".yaml") }, catalog: catalog)
    }

    /// The embedded overlays, with those in `directory` added (same id: replaced).
    public static func load(adding directory: String?, catalog: Catalog) -> Result<OverlaySet, InputErrors> {
        var files = EmbeddedData.files.filter { $0.path.hasPrefix("overlays/") && $0.path.hasSuffix(".yaml") }
        if let directory {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                return .failure(InputErrors([InputError(code: "not-found", message: "cannot read the overlays directory `\(directory)`",
                                                        location: SourceLocation(path: directory, line: 1, column: 1))]))
            }
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let path = (directory as NSString).appendingPathComponent(name)
                switch InputFiles.read(.file(path), maxBytes: 4 << 20) {
                case .failure(let e): return .failure(InputErrors([e]))
                case .success(let text): files.append((path, text))
                }
            }
        }
        return load(files: files, catalog: catalog)
    }

    public static func load(files: [(path: String, text: String)], catalog: Catalog) -> Result<OverlaySet, InputErrors> {
        var errors: [InputError] = []
        var controls: [String: (OverlayControl, SourceLocation)] = [:]
        var pending: [(path: String, node: Node)] = []
        for f in files {
            switch YAMLDocument.compose(f.text, path: f.path, limits: YAMLLimits(maxBytes: 4 << 20)) {
            case .failure(let e): errors.append(e)
            case .success(nil): errors.append(InputError(code: "empty", message: "empty overlay file", location: SourceLocation(path: f.path, line: 1, column: 1)))
            case .success(let node?):
                let r = NodeReader(path: f.path)
                if schema(of: node) == controlsSchema {
                    for (c, loc) in readControls(node, reader: r) {
                        if let first = controls[c.id], first.0 != c {
                            errors.append(InputError(code: "duplicate-id", message: "overlay control `\(c.id)` is also defined at \(first.1)", location: loc))
                        }
                        controls[c.id] = (c, loc)
                    }
                    errors += r.errors
                } else {
                    pending.append((f.path, node))
                }
            }
        }
        // Overlays are read once every control id is known: their examples declare controls.
        let loader = ProfileLoader(catalog: catalog, extraControls: controls.keys.sorted())
        var byId: [String: Overlay] = [:]
        for p in pending {
            let r = OverlayReader(path: p.path, catalog: catalog, controls: Set(controls.keys), loader: loader)
            if let overlay = r.read(p.node) { byId[overlay.id] = overlay }  // later files (an organisation's) replace shipped ones
            errors += r.errors
        }
        var seen: [String: SourceLocation] = [:]
        for o in byId.values.sorted(by: { $0.id < $1.id }) {
            for ob in o.obligations {
                if let first = seen[ob.id] {
                    errors.append(InputError(code: "duplicate-id", message: "obligation id `\(ob.id)` is also used at \(first)", location: ob.location))
                }
                seen[ob.id] = ob.location
            }
        }
        if !errors.isEmpty { return .failure(InputErrors(errors)) }
        return .success(OverlaySet(overlays: Array(byId.values), controls: controls.values.map(\.0)))
    }

    static func schema(of node: Node) -> String? {
        guard case .mapping(let m) = node else { return nil }
        return m.first { $0.key.string == "schema" }?.value.string
    }

    static func readControls(_ node: Node, reader: NodeReader) -> [(OverlayControl, SourceLocation)] {
        guard let top = reader.mapping(node, context: "the overlay controls file", allowed: ["schema", "controls"], required: ["schema", "controls"]),
              let list = top["controls"] else { return [] }
        guard case .sequence(let seq) = list.value else {
            reader.fail("wrong-type", "`controls` must be a list", at: list.location)
            return []
        }
        var out: [(OverlayControl, SourceLocation)] = []
        for item in seq {
            guard let m = reader.mapping(item, context: "an overlay control", allowed: ["id", "title", "description", "satisfied_by"],
                                         required: ["id", "title", "description", "satisfied_by"]),
                  let id = m["id"].flatMap({ reader.string($0.value, field: "id") }),
                  let title = m["title"].flatMap({ reader.string($0.value, field: "title") }),
                  let description = m["description"].flatMap({ reader.string($0.value, field: "description") }),
                  let satisfied = m["satisfied_by"].flatMap({ reader.string($0.value, field: "satisfied_by") }) else { continue }
            out.append((OverlayControl(id: id.value, title: title.value, description: description.value, satisfiedBy: satisfied.value), id.location))
        }
        return out
    }
}

/// Reads one overlay file, reusing the catalogue reader's conditions and examples.
final class OverlayReader {
    let base: CatalogReader
    let catalog: Catalog
    let controls: Set<String>
    let loader: ProfileLoader
    var reader: NodeReader { base.reader }
    var errors: [InputError] { base.errors }

    init(path: String, catalog: Catalog, controls: Set<String>, loader: ProfileLoader) {
        base = CatalogReader(path: path, vocabulary: catalog.vocabulary)
        self.catalog = catalog
        self.controls = controls
        self.loader = loader
    }

    static let topKeys = ["schema", "id", "name", "law", "verified", "verified_against", "markets", "scope", "obligations"]
    static let obligationKeys = ["id", "kind", "title", "source", "effective", "until", "when", "control", "message", "remediation", "guard", "examples"]

    func read(_ node: Node) -> Overlay? {
        guard let top = reader.mapping(node, context: "the overlay", allowed: Self.topKeys, required: Self.topKeys) else { return nil }
        if let s = top["schema"].flatMap({ reader.string($0.value, field: "schema") }), s.value != OverlayLoader.overlaySchema {
            reader.fail("unknown-schema", "unsupported overlay schema `\(s.value)`", suggestion: "Use `schema: \(OverlayLoader.overlaySchema)`.", at: s.location)
        }
        guard let id = top["id"].flatMap({ reader.string($0.value, field: "id") }),
              let name = top["name"].flatMap({ reader.string($0.value, field: "name") }),
              let lawEntry = top["law"],
              let lm = reader.mapping(lawEntry.value, context: "`law`", allowed: ["title", "citation", "url", "effective"], required: ["title", "citation", "url", "effective"]),
              let title = lm["title"].flatMap({ reader.string($0.value, field: "law.title") }),
              let citation = lm["citation"].flatMap({ reader.string($0.value, field: "law.citation") }),
              let url = lm["url"].flatMap({ reader.string($0.value, field: "law.url") }),
              let effective = lm["effective"].flatMap({ reader.day($0.value, field: "law.effective") }),
              let verified = top["verified"].flatMap({ reader.day($0.value, field: "verified") }),
              let against = top["verified_against"].flatMap({ reader.string($0.value, field: "verified_against") }),
              let marketsEntry = top["markets"],
              let scopeEntry = top["scope"],
              let sm = reader.mapping(scopeEntry.value, context: "`scope`", allowed: ["description", "when", "examples"], required: ["description", "when", "examples"]),
              let scopeDescription = sm["description"].flatMap({ reader.string($0.value, field: "scope.description") }),
              let scope = sm["when"].flatMap({ base.predicate($0.value) }) else { return nil }
        let markets = reader.names(marketsEntry.value, field: "markets", vocabulary: nil).map(\.value)
        let scopeExamples = examples(sm["examples"], positive: "match", negative: "no_match")
        var obligations: [Obligation] = []
        for item in base.list(top["obligations"], field: "obligations") {
            if let o = obligation(item) { obligations.append(o) }
        }
        return Overlay(id: id.value, name: name.value,
                       law: Overlay.Law(title: title.value, citation: citation.value, url: url.value, effective: effective.value),
                       verified: verified.value, verifiedAgainst: against.value, markets: markets,
                       scopeDescription: scopeDescription.value, scope: scope, scopeExamples: scopeExamples,
                       obligations: obligations, location: reader.location(node))
    }

    func obligation(_ item: Node) -> Obligation? {
        guard let m = reader.mapping(item, context: "an obligation", allowed: Self.obligationKeys, required: ["id", "kind", "title", "source", "examples"]),
              let id = m["id"].flatMap({ reader.string($0.value, field: "id") }),
              let kindText = m["kind"].flatMap({ reader.string($0.value, field: "kind") }),
              let title = m["title"].flatMap({ reader.string($0.value, field: "title") }),
              let source = m["source"].flatMap({ base.citation($0.value) }) else { return nil }
        guard let kind = Obligation.Kind(rawValue: kindText.value) else {
            reader.fail("unknown-value", "`kind` must be prohibition or obligation, found `\(kindText.value)`", at: kindText.location)
            return nil
        }
        let control = m["control"].flatMap { reader.string($0.value, field: "control") }
        if kind == .obligation {
            if let control {
                if !controls.contains(control.value) && catalog.control(control.value) == nil {
                    reader.fail("unknown-value", "`\(control.value)` is not a control defined in overlays/controls.yaml or the catalogue",
                                suggestion: Suggest.closest(to: control.value, in: Array(controls) + catalog.controls.map(\.id)).map { "did you mean `\($0)`?" },
                                at: control.location)
                }
            } else {
                reader.fail("missing-field", "an obligation needs `control:` (the control that satisfies it)", at: reader.location(item))
            }
        } else if m["message"] == nil || m["remediation"] == nil {
            reader.fail("missing-field", "a prohibition needs `message:` and `remediation:`", at: reader.location(item))
        }
        var effects: [GuardEffect] = []
        if let g = m["guard"], let gm = reader.mapping(g.value, context: "`guard`", allowed: GuardEffect.known, required: []) {
            for (k, e) in gm.sorted(by: { $0.key < $1.key }) {
                if let v = reader.int(e.value, field: "guard.\(k)", range: 0...8760) { effects.append(GuardEffect(name: k, value: v.value)) }
            }
        }
        let ex = kind == .obligation
            ? examples(m["examples"], positive: "satisfied", negative: "not_satisfied")
            : examples(m["examples"], positive: "match", negative: "no_match")
        return Obligation(id: id.value, kind: kind, title: title.value, source: source,
                          effective: m["effective"].flatMap { reader.day($0.value, field: "effective") }?.value,
                          until: m["until"].flatMap { reader.day($0.value, field: "until") }?.value,
                          when: m["when"].flatMap { base.predicate($0.value) },
                          control: control?.value,
                          message: m["message"].flatMap { reader.string($0.value, field: "message") }?.value,
                          remediation: m["remediation"].flatMap { reader.string($0.value, field: "remediation") }?.value,
                          guardEffects: effects, examples: ex, location: reader.location(item))
    }

    func examples(_ entry: NodeReader.Entry?, positive: String, negative: String) -> Examples {
        let p = base.pending(entry, positive: positive, negative: negative)
        func read(_ nodes: [Node]) -> [Example] {
            nodes.compactMap { n in loader.read(n, reader: reader, strict: false, baseDirectory: nil).map { Example(profile: $0, location: reader.location(n)) } }
        }
        return Examples(triggering: read(p.triggering), nonTriggering: read(p.nonTriggering))
    }
}
