/// SARIF 2.1.0, as GitHub code scanning accepts it: rule metadata with help, 1-based regions.
public struct SARIFReporter: ReportStream {
    public let catalog: Catalog
    public let toolVersion: String
    private var rules: [String: JSON] = [:]
    private var count = 0
    /// Hashes the same result as `--format json`, for the digest written with the tool.
    private var result = JSONReporter()

    public init(catalog: Catalog, toolVersion: String) {
        self.catalog = catalog
        self.toolVersion = toolVersion
    }

    public static func render(_ run: RunResult, catalog: Catalog, toolVersion: String) -> String {
        var r = SARIFReporter(catalog: catalog, toolVersion: toolVersion)
        return r.renderRun(run)
    }

    // Keys are sorted, so in the run `results` comes before `tool`: results stream, and the rules
    // they used are written after them.
    public mutating func header(_ c: RunContext) -> String {
        _ = result.header(c)
        var out = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n"
        out += "      \"columnKind\": \"unicodeCodePoints\",\n      \"properties\": "
        JSON.object(["catalogVersion": .string(c.catalogVersion), "asOf": .string(c.asOf.description),
                     "command": .string(c.command.rawValue)]).write(into: &out, indent: 3)
        return out + ",\n      \"results\": ["
    }

    /// The entry's results, without a leading separator (pure: runs in parallel).
    public func fragment(_ e: RunResult.Entry, _ c: RunContext) -> ReportFragment {
        var canonical: [UInt8] = []
        JSONReporter.entry(c, e).write(bytes: &canonical, indent: nil)
        return ReportFragment(render(e, c), canonical: canonical)
    }

    func render(_ e: RunResult.Entry, _ c: RunContext) -> String {
        var results: [(ruleId: String, level: String, message: String, location: SourceLocation)] = []
        switch e {
        case .failure(_, let errors):
            for err in errors {
                results.append(("input/\(err.code)", "error", err.message + (err.suggestion.map { " — \($0)" } ?? ""), err.location))
            }
        case .report(let r):
            for f in r.findings {
                results.append((f.id, Self.level(f.severity), f.message + ". Fix: " + f.remediation, f.location))
            }
        }
        var out = ""
        for (i, r) in results.sorted(by: { ($0.location, $0.ruleId) < ($1.location, $1.ruleId) }).enumerated() {
            if i > 0 { out += ",\n        " }
            JSON.object([
                "ruleId": .string(r.ruleId),
                "level": .string(r.level),
                "message": .object(["text": .string(r.message)]),
                "locations": .array([.object(["physicalLocation": .object([
                    "artifactLocation": .object(["uri": .string(Self.uri(r.location.path))]),
                    "region": .object(["startLine": .int(max(1, r.location.line)), "startColumn": .int(max(1, r.location.column))]),
                ])])]),
                "partialFingerprints": .object(["aslmhFinding/v1": .string("\(r.location.path)|\(r.ruleId)")]),
            ]).write(into: &out, indent: 4)
        }
        return out
    }

    /// Records the rules the entry used, and joins its results to the ones before.
    public mutating func entry(_ e: RunResult.Entry, fragment: ReportFragment, _ c: RunContext) -> String {
        _ = result.entry(e, fragment: ReportFragment("", canonical: fragment.canonical), c)
        switch e {
        case .failure(_, let errors):
            for err in errors where rules["input/\(err.code)"] == nil {
                let id = "input/\(err.code)"
                rules[id] = Self.rule(id: id, short: "Input error: \(err.code)",
                                      full: "The file could not be read as a valid profile (\(err.code)). Input errors make aslmh exit with code 2.",
                                      help: "Fix the file at the reported location. `aslmh schema` prints the profile's JSON Schema; `aslmh init` writes a commented starter profile.",
                                      level: "error")
            }
        case .report(let r):
            for f in r.findings where rules[f.id] == nil {
                let (short, help) = Self.describe(f, catalog: catalog)
                rules[f.id] = Self.rule(id: f.id, short: short, full: f.kind.help, help: help, level: Self.level(f.severity))
            }
        }
        guard !fragment.text.isEmpty else { return "" }
        defer { count += 1 }
        return (count == 0 ? "\n        " : ",\n        ") + fragment.text
    }

    public mutating func footer(_ s: RunSummary, _ c: RunContext) -> String {
        var out = count == 0 ? "],\n" : "\n      ],\n"
        out += "      \"tool\": "
        // `resultDigest`: the SHA-256 of the same result's canonical JSON (`--format json`).
        JSON.object(["driver": .object([
            "name": .string("aslmh"),
            "version": .string(toolVersion),
            "rules": .array(rules.keys.sorted().map { rules[$0]! }),
        ]), "properties": .object(["resultDigest": .string(result.finish(s, c).digest)])]).write(into: &out, indent: 3)
        return out + "\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n"
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func rule(id: String, short: String, full: String, help: String, level: String) -> JSON {
        .object([
            "id": .string(id),
            "name": .string(id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()),
            "shortDescription": .object(["text": .string(short)]),
            "fullDescription": .object(["text": .string(full)]),
            "help": .object(["text": .string(help), "markdown": .string(help)]),
            "defaultConfiguration": .object(["level": .string(level)]),
            "properties": .object(["tags": .array([.string("aslmh"), .string("mental-health-safety")])]),
        ])
    }

    /// A short description and help text for a finding's rule, from the catalogue item behind it.
    static func describe(_ f: Finding, catalog: Catalog) -> (String, String) {
        let subject = String(f.id.split(separator: "/", maxSplits: 1).last ?? "")
        if let c = catalog.control(subject) {
            return ("\(f.kind.rawValue): \(c.title) (ASL-MH \(c.tier))",
                    "\(c.description) Satisfied by: \(c.satisfiedBy) Source (\(c.source.document)): \"\(c.source.quote)\"")
        }
        if let p = catalog.prohibitions.first(where: { $0.id == subject }) {
            return (p.title, "\(p.remediation) Source (\(p.source.document)): \"\(p.source.quote)\"")
        }
        return (f.kind.help, f.remediation)
    }

    /// A relative URI reference for a file path (spaces and other reserved characters escaped).
    static func uri(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(UnicodeScalar(b))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) { out.append(c) } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
