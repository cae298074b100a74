import ASLMHCore
import Foundation
import Yams

/// Reads the tier catalogue (`catalog.yaml` + `tier-N.yaml`) strictly, with locations, and checks
/// that classification rules are monotone and every reference names a known term.
public enum CatalogLoader {
    public static let catalogSchema = "aslmh/catalog/v1"
    public static let tierSchema = "aslmh/tier/v1"

    /// The catalogue embedded in the binary at build time from `tiers/`.
    public static func embedded() -> Result<Catalog, InputErrors> {
        load(files: EmbeddedData.files.filter { isCatalogFile($0.path) })
    }

    /// An organisation's own catalogue from a directory (`--catalog DIR`).
    public static func load(directory: String) -> Result<Catalog, InputErrors> {
        let dirLoc = SourceLocation(path: directory, line: 1, column: 1)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return .failure(InputErrors([InputError(code: "not-found", message: "cannot read the catalogue directory `\(directory)`", location: dirLoc)]))
        }
        var files: [(path: String, text: String)] = []
        for name in names.sorted() where isCatalogFile(name) {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                return .failure(InputErrors([InputError(code: "unreadable", message: "cannot read `\(path)` as UTF-8 text", location: SourceLocation(path: path, line: 1, column: 1))]))
            }
            files.append((path, text))
        }
        return load(files: files)
    }

    static func isCatalogFile(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name == "catalog.yaml" || (name.hasPrefix("tier-") && name.hasSuffix(".yaml"))
    }

    public static func load(files: [(path: String, text: String)]) -> Result<Catalog, InputErrors> {
        var errors: [InputError] = []
        var catalogFile: (path: String, node: Node)?
        var tierFiles: [(path: String, node: Node)] = []
        for f in files.sorted(by: { $0.path < $1.path }) {
            switch YAMLDocument.compose(f.text, path: f.path, limits: YAMLLimits(maxBytes: 4 << 20)) {
            case .failure(let e): errors.append(e)
            case .success(nil): errors.append(InputError(code: "empty", message: "empty catalogue file", location: SourceLocation(path: f.path, line: 1, column: 1)))
            case .success(let node?):
                if (f.path as NSString).lastPathComponent == "catalog.yaml" { catalogFile = (f.path, node) } else { tierFiles.append((f.path, node)) }
            }
        }
        guard let catalogFile else {
            return .failure(InputErrors(errors + [InputError(code: "not-found", message: "the catalogue has no `catalog.yaml`",
                                                 location: SourceLocation(path: files.first?.path ?? "tiers", line: 1, column: 1))]))
        }
        let reader = CatalogReader(path: catalogFile.path)
        guard let head = reader.readCatalog(catalogFile.node) else {
            return .failure(InputErrors(errors + reader.errors))
        }
        errors += reader.errors
        var parsed: [CatalogReader.ParsedTier] = []
        for t in tierFiles {
            let r = CatalogReader(path: t.path, vocabulary: head.vocabulary)
            if let tier = r.readTier(t.node) { parsed.append(tier) }
            errors += r.errors
        }
        var seen: [String: SourceLocation] = [:]
        for t in parsed {
            for (id, loc) in t.ids {
                if let first = seen[id] {
                    errors.append(InputError(code: "duplicate-id", message: "id `\(id)` is also defined at \(first)", location: loc))
                }
                seen[id] = loc
            }
        }
        let levels = parsed.map(\.level).sorted()
        if levels != Array(1...max(1, levels.count)) {
            errors.append(InputError(code: "invalid-catalog", message: "tier levels must be 1…N without gaps, found \(levels)",
                                     location: SourceLocation(path: catalogFile.path, line: 1, column: 1)))
        }
        // Second pass: examples are profile fragments, read against the finished vocabulary and controls.
        let skeleton = Catalog(version: head.version, vocabulary: head.vocabulary,
                               tiers: parsed.map(\.tier), controls: parsed.flatMap(\.controls))
        let loader = ProfileLoader(catalog: skeleton)
        var tiers: [TierDefinition] = []
        var controls: [ControlDefinition] = []
        for t in parsed {
            let r = CatalogReader(path: t.path, vocabulary: head.vocabulary)
            let (tier, tierControls) = r.attachExamples(t, loader: loader)
            tiers.append(tier)
            controls += tierControls
            errors += r.errors
        }
        for c in controls where c.tier < 1 || c.tier > levels.count {
            errors.append(InputError(code: "invalid-catalog", message: "control `\(c.id)` belongs to no tier", location: c.location))
        }
        if !errors.isEmpty { return .failure(InputErrors(errors)) }
        return .success(Catalog(version: head.version, vocabulary: head.vocabulary, tiers: tiers, controls: controls))
    }
}
