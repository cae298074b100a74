/// SARIF 2.1.0, as GitHub code scanning accepts it: rule metadata with help, 1-based regions.
public enum SARIFReporter {
    public static func render(_ run: RunResult, catalog: Catalog, toolVersion: String) -> String {
        var results: [(ruleId: String, level: String, message: String, location: SourceLocation)] = []
        var rules: [String: JSON] = [:]
        for entry in run.entries {
            switch entry {
            case .failure(_, let errors):
                for e in errors {
                    let id = "input/\(e.code)"
                    rules[id] = rule(id: id, short: "Input error: \(e.code)",
                                     full: "The file could not be read as a valid profile (\(e.code)). Input errors make aslmh exit with code 2.",
                                     help: "Fix the file at the reported location. `aslmh schema` prints the profile's JSON Schema; `aslmh init` writes a commented starter profile.",
                                     level: "error")
                    let text = e.message + (e.suggestion.map { " — \($0)" } ?? "")
                    results.append((id, "error", text, e.location))
                }
            case .report(let r):
                for f in r.findings {
                    let (short, help) = describe(f, catalog: catalog)
                    rules[f.id] = rule(id: f.id, short: short, full: f.kind.help, help: help, level: level(f.severity))
                    results.append((f.id, level(f.severity), f.message + ". Fix: " + f.remediation, f.location))
                }
            }
        }
        let ruleIds = rules.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: ruleIds.enumerated().map { ($1, $0) })
        let resultJSON: [JSON] = results.sorted { ($0.location, $0.ruleId) < ($1.location, $1.ruleId) }.map { r in
            .object([
                "ruleId": .string(r.ruleId),
                "ruleIndex": .int(index[r.ruleId] ?? 0),
                "level": .string(r.level),
                "message": .object(["text": .string(r.message)]),
                "locations": .array([.object(["physicalLocation": .object([
                    "artifactLocation": .object(["uri": .string(uri(r.location.path))]),
                    "region": .object(["startLine": .int(max(1, r.location.line)), "startColumn": .int(max(1, r.location.column))]),
                ])])]),
                "partialFingerprints": .object(["aslmhFinding/v1": .string("\(r.location.path)|\(r.ruleId)")]),
            ])
        }
        let doc: JSON = .object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": .object([
                    "name": .string("aslmh"),
                    "version": .string(toolVersion),
                    "rules": .array(ruleIds.map { rules[$0]! }),
                ])]),
                "columnKind": .string("unicodeCodePoints"),
                "results": .array(resultJSON),
                "properties": .object(["catalogVersion": .string(run.catalogVersion), "asOf": .string(run.asOf.description),
                                       "command": .string(run.command.rawValue)]),
            ])]),
        ])
        return doc.rendered()
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
