import ASLMHCore
import Foundation
import Yams

/// Reads product profiles (schema `aslmh/profile/v1`) strictly, with locations.
public struct ProfileLoader: Sendable {
    public static let schemaID = "aslmh/profile/v1"

    public static let topKeys = ["schema", "product", "intended_use", "audience", "settings", "capabilities",
                                 "autonomy", "markets", "locales", "controls", "tier_override", "guard_config"]
    public static let requiredTopKeys = ["schema", "product", "intended_use", "audience", "settings", "capabilities", "autonomy"]
    public static let productKeys = ["id", "name", "version", "team", "contact"]
    public static let controlKeys = ["evidence", "owner", "reviewed", "review_cycle_days", "notes"]
    public static let overrideKeys = ["tier", "reason", "approver"]

    public let catalog: Catalog
    public let limits: YAMLLimits
    /// Control ids beyond the catalogue's that profiles may declare (jurisdiction overlay controls).
    public let extraControls: [String]

    public init(catalog: Catalog, extraControls: [String] = [], limits: YAMLLimits = .standard) {
        self.catalog = catalog
        self.extraControls = extraControls
        self.limits = limits
    }

    /// Loads a profile from text. `baseDirectory` resolves evidence paths (nil: not checked).
    public func load(text: String, path: String, baseDirectory: String?) -> Result<Profile, InputErrors> {
        let node: Node?
        switch YAMLDocument.compose(text, path: path, limits: limits) {
        case .failure(let e): return .failure(InputErrors([e]))
        case .success(let n): node = n
        }
        guard let node else {
            return .failure(InputErrors([InputError(code: "empty", message: "the file is empty",
                                        suggestion: "Run `aslmh init` for a starter profile.",
                                        location: SourceLocation(path: path, line: 1, column: 1))]))
        }
        let reader = NodeReader(path: path)
        let profile = read(node, reader: reader, strict: true, baseDirectory: baseDirectory)
        if reader.errors.isEmpty, let profile { return .success(profile) }
        return .failure(InputErrors(reader.errors))
    }

    /// Reads a profile (or, with `strict: false`, a fragment used as a catalogue example).
    func read(_ node: Node, reader: NodeReader, strict: Bool, baseDirectory: String?) -> Profile? {
        let rootLoc = reader.location(node)
        guard let top = reader.mapping(node, context: "the profile", allowed: Self.topKeys,
                                       required: strict ? Self.requiredTopKeys : []) else { return nil }
        let v = catalog.vocabulary
        var p = Profile(path: reader.path, root: rootLoc)
        for (k, e) in top { p.keyLocations[k] = e.location }

        if let e = top["schema"], let s = reader.string(e.value, field: "schema") {
            if s.value != Self.schemaID {
                reader.fail("unknown-schema", "unsupported schema `\(s.value)`",
                            suggestion: "This version of aslmh reads `schema: \(Self.schemaID)`.", at: s.location)
            }
            p.schema = s
        }
        if let e = top["product"],
           let m = reader.mapping(e.value, context: "`product`", allowed: Self.productKeys,
                                  required: strict ? Self.productKeys : [], missingAt: e.location) {
            p.product.id = m["id"].flatMap { reader.string($0.value, field: "product.id") }
            p.product.name = m["name"].flatMap { reader.string($0.value, field: "product.name") }
            p.product.version = m["version"].flatMap { reader.string($0.value, field: "product.version") }
            p.product.team = m["team"].flatMap { reader.string($0.value, field: "product.team") }
            p.product.contact = m["contact"].flatMap { reader.string($0.value, field: "product.contact") }
            if let id = p.product.id, !Self.isSlug(id.value) {
                reader.fail("invalid-value", "`product.id` must be a lowercase slug (letters, digits, `-`, `_`), found `\(id.value)`",
                            suggestion: "For example `\(Self.slugify(id.value))`.", at: id.location)
            }
        }
        p.intendedUse = top["intended_use"].flatMap { reader.string($0.value, field: "intended_use") }
        if let e = top["audience"] { p.audience = reader.names(e.value, field: "audience", vocabulary: v.audiences.map(\.id)) }
        if let e = top["settings"] { p.settings = reader.names(e.value, field: "settings", vocabulary: v.settings.map(\.id)) }
        if let e = top["capabilities"] {
            p.capabilities = reader.names(e.value, field: "capabilities", vocabulary: v.capabilities.map(\.id))
        }
        if strict {
            for key in ["audience", "settings", "capabilities"] {
                if let e = top[key], case .sequence(let s) = e.value, s.isEmpty {
                    reader.fail("missing-value", "`\(key)` is empty; declare at least one value", at: e.location)
                }
            }
        }
        if let e = top["autonomy"], let a = reader.string(e.value, field: "autonomy") {
            let ids = v.autonomy.map(\.id)
            if ids.contains(a.value) {
                p.autonomy = a
            } else {
                reader.fail("unknown-value", "`\(a.value)` is not a known value for `autonomy`",
                            suggestion: Suggest.closest(to: a.value, in: ids).map { "did you mean `\($0)`?" } ?? "known values: " + ids.joined(separator: ", "),
                            at: a.location)
            }
        }
        if let e = top["markets"] {
            p.markets = reader.names(e.value, field: "markets", vocabulary: nil)
            for m in p.markets where !Self.isMarket(m.value) {
                reader.fail("invalid-value", "`\(m.value)` is not a market code", suggestion: "Use an ISO 3166 code such as `US`, `US-CA`, `DE`, or `EU`.", at: m.location)
            }
        }
        if let e = top["locales"] {
            p.locales = reader.names(e.value, field: "locales", vocabulary: nil)
            for l in p.locales where !Self.isLocale(l.value) {
                reader.fail("invalid-value", "`\(l.value)` is not a locale tag", suggestion: "Use a language tag such as `en`, `en-US`, `es-MX`.", at: l.location)
            }
        }
        if let e = top["controls"] { p.controls = readControls(e.value, reader: reader, baseDirectory: baseDirectory) }
        if let e = top["tier_override"],
           let m = reader.mapping(e.value, context: "`tier_override`", allowed: Self.overrideKeys,
                                  required: Self.overrideKeys, missingAt: e.location),
           let t = m["tier"].flatMap({ reader.int($0.value, field: "tier_override.tier", range: 1...max(1, catalog.maxTier)) }) {
            p.tierOverride = TierOverride(
                tier: t,
                reason: m["reason"].flatMap { reader.string($0.value, field: "tier_override.reason") },
                approver: m["approver"].flatMap { reader.string($0.value, field: "tier_override.approver") },
                location: e.location)
        }
        p.guardConfig = top["guard_config"].flatMap { reader.string($0.value, field: "guard_config") }
        return p
    }

    func readControls(_ node: Node, reader: NodeReader, baseDirectory: String?) -> [DeclaredControl] {
        let ids = catalog.controls.map(\.id) + extraControls
        guard let m = reader.mapping(node, context: "`controls`", allowed: ids, required: []) else { return [] }
        var out: [DeclaredControl] = []
        for (id, e) in m.sorted(by: { $0.key < $1.key }) {
            var c = DeclaredControl(id: Located(id, at: e.location))
            if case .scalar(let s) = e.value, NodeReader.isNull(s) {
                out.append(c)  // declared with nothing: reported as missing evidence by the checks
                continue
            }
            guard let f = reader.mapping(e.value, context: "`controls.\(id)`", allowed: Self.controlKeys, required: []) else { continue }
            if let ev = f["evidence"] {
                for ref in reader.names(ev.value, field: "controls.\(id).evidence", vocabulary: nil, allowScalar: true) {
                    c.evidence.append(Self.evidence(ref, baseDirectory: baseDirectory))
                }
            }
            c.owner = f["owner"].flatMap { reader.string($0.value, field: "controls.\(id).owner") }
            c.reviewed = f["reviewed"].flatMap { reader.day($0.value, field: "controls.\(id).reviewed") }
            c.reviewCycleDays = f["review_cycle_days"].flatMap { reader.int($0.value, field: "controls.\(id).review_cycle_days", range: 1...3650) }
            c.notes = f["notes"].flatMap { reader.string($0.value, field: "controls.\(id).notes", allowEmpty: true) }
            out.append(c)
        }
        return out
    }

    static func evidence(_ ref: Located<String>, baseDirectory: String?) -> Evidence {
        let lower = ref.value.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            return Evidence(reference: ref, kind: .url)
        }
        guard let baseDirectory else { return Evidence(reference: ref, kind: .path) }
        let full = ref.value.hasPrefix("/") ? ref.value : baseDirectory + "/" + ref.value
        return Evidence(reference: ref, kind: .path, exists: FileManager.default.fileExists(atPath: full))
    }

    static func isSlug(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    static func slugify(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func isMarket(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let head = parts.first, head.count == 2, head.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        if parts.count == 1 { return true }
        return parts.count == 2 && (1...3).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }

    static func isLocale(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let lang = parts.first, (2...3).contains(lang.count), lang.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
