/// SARIF 2.1.0 for a gate run. Waived and baselined findings stay in the log as suppressed
/// results (`suppressions`), so code scanning shows them as dismissed with the justification.
public enum GateSARIF {
    public static func render(_ g: GateResult, catalog: Catalog, toolVersion: String) -> String {
        var results: [JSON] = []
        var rules: [String: JSON] = [:]
        for e in g.entries {
            for err in e.inputErrors {
                let id = "input/\(err.code)"
                rules[id] = SARIFReporter.rule(id: id, short: "Input error: \(err.code)",
                                               full: "The file could not be read as a valid profile (\(err.code)).",
                                               help: "Fix the file at the reported location.", level: "error")
                results.append(result(id, "error", err.message + (err.suggestion.map { " — \($0)" } ?? ""), err.location, suppression: nil))
            }
            for i in e.items {
                if rules[i.id] == nil {
                    let f = Finding(kind: FindingKind(rawValue: i.kind) ?? .missingControl, subject: "", severity: i.severity,
                                    message: i.message, remediation: i.remediation, location: i.location)
                    let described = i.source == .check ? SARIFReporter.describe(withId(f, i.id), catalog: catalog) : (gateShort(i), i.remediation)
                    rules[i.id] = SARIFReporter.rule(id: i.id, short: described.0, full: i.source == .check ? (FindingKind(rawValue: i.kind)?.help ?? i.message) : gateShort(i),
                                                     help: described.1, level: SARIFReporter.level(i.severity))
                }
                var suppression: JSON?
                switch i.disposition {
                case .waived:
                    suppression = .object(["kind": .string("external"), "status": .string("accepted"),
                                           "justification": .string("waived by \(i.waiver!.approver) until \(i.waiver!.expires): \(i.waiver!.justification)")])
                case .baselined:
                    suppression = .object(["kind": .string("external"), "status": .string("accepted"), "justification": .string("in the baseline")])
                default: break
                }
                results.append(result(i.id, SARIFReporter.level(i.severity), "\(i.message). Fix: \(i.remediation)", i.location, suppression: suppression))
            }
        }
        let doc: JSON = .object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "columnKind": .string("unicodeCodePoints"),
                "properties": .object(["catalogVersion": .string(g.catalogVersion), "asOf": .string(g.asOf.description),
                                       "command": .string("gate"), "decision": .string(g.decision.rawValue),
                                       "digest": .string("sha256:" + GateJSON.digest(g))]),
                "results": .array(results),
                "tool": .object(["driver": .object(["name": .string("aslmh"), "version": .string(toolVersion),
                                                    "rules": .array(rules.keys.sorted().map { rules[$0]! })])]),
            ])]),
        ])
        return doc.rendered()
    }

    static func withId(_ f: Finding, _ id: String) -> Finding {
        var f = f
        f.id = id
        return f
    }

    static func gateShort(_ i: GateItem) -> String {
        switch i.kind {
        case GateFindings.expiredWaiverKind: "A waiver expired: its finding blocks again"
        default: i.id == "approval/missing" ? "Release needs a reviewer's approval" : "The approval no longer matches the profile"
        }
    }

    static func result(_ ruleId: String, _ level: String, _ message: String, _ l: SourceLocation, suppression: JSON?) -> JSON {
        var o: [String: JSON] = [
            "ruleId": .string(ruleId), "level": .string(level), "message": .object(["text": .string(message)]),
            "locations": .array([.object(["physicalLocation": .object([
                "artifactLocation": .object(["uri": .string(SARIFReporter.uri(l.path))]),
                "region": .object(["startLine": .int(l.line), "startColumn": .int(l.column)]),
            ])])]),
            "partialFingerprints": .object(["aslmhFinding/v1": .string("\(l.path)|\(ruleId)")]),
        ]
        if let suppression { o["suppressions"] = .array([suppression]) }
        return .object(o)
    }
}
