/// `aslmh ledger` output: each profile's scorecard, section by section, with the evidence used,
/// the reasons for each failure and the executed suites' outcomes.
public enum LedgerRendering {
    public enum Format: Sendable { case text, json, markdown }

    public static func render(_ run: RunResult, format: Format) -> String {
        switch format {
        case .json:
            // Like every machine-readable result, it carries the SHA-256 of its canonical JSON
            // without the `digest` key.
            guard case .object(var doc) = JSON.object([
                "schema": .string("aslmh/ledger-result/v1"),
                "asOf": .string(run.asOf.description),
                "catalogVersion": .string(run.catalogVersion),
                "profiles": .array(run.entries.map { e in
                    switch e {
                    case .failure(let path, let errors):
                        return .object(["path": .string(path), "ledger": .null,
                                        "errors": .array(errors.map { .object(["code": .string($0.code), "message": .string($0.message), "location": JSONReporter.location($0.location)]) })])
                    case .report(let r):
                        return .object(["path": .string(r.profile.path), "product": .from(r.profile.product.id?.value), "tier": .int(r.classification.tier),
                                        "ledger": r.ledger.map(JSONReporter.ledgerDetail) ?? .null, "errors": .array([])])
                    }
                }),
            ]) else { return "" }
            doc["digest"] = .string(SHA256.hex(JSON.object(doc).canonical))
            return JSON.object(doc).rendered()
        case .text, .markdown:
            let md = format == .markdown
            var out = md ? "# Therapy Mode Safety Ledger\n\nAs of \(run.asOf), catalogue `\(run.catalogVersion)`.\n" : ""
            for e in run.entries {
                switch e {
                case .failure(let path, let errors):
                    out += md ? "\n## `\(path)`\n\nInput errors:\n\n" : "\(path)  INPUT ERROR\n"
                    for err in errors { out += (md ? "- `\(err.location)` " : "  \(err.location)  ") + err.message + "\n" }
                case .report(let r):
                    guard let l = r.ledger else { continue }
                    out += md ? "\n## `\(r.profile.path)` — ASL-MH \(r.classification.tier)\n\n" : "\n\(r.profile.path)  ASL-MH \(r.classification.tier)\n"
                    out += (md ? "" : "  ") + "CACI \(l.caci)/\(l.caciMax) = 2 × \(l.sectionsPassed) PASS + 1 × \(l.sectionsPartial) PARTIAL (of \(l.sections.count) sections); "
                        + "\(l.testsPassed)/\(l.testsTotal) binary tests pass; minimum structural conditions met: \(l.minimumStructuralConditionsMet ? "yes" : "no")"
                        + (l.applies ? "" : " — information only: the ledger applies from ASL-MH 3") + "\n"
                    if md { out += "\n| Section | Result | Test | Answer | Evidence or reason |\n|---|---|---|---|---|\n" }
                    for s in l.sections {
                        if !md { out += "  \(s.id) \(s.title): \(s.status.rawValue)\n" }
                        for t in s.tests {
                            let detail = (t.passed ? t.evidence : t.reasons).joined(separator: "; ")
                            if md {
                                out += "| \(s.id) \(MarkdownReporter.cell(s.title)) | \(s.status.rawValue) | \(t.id) \(MarkdownReporter.cell(t.question)) | \(t.passed ? "PASS" : "FAIL") | \(MarkdownReporter.cell(detail)) |\n"
                            } else {
                                out += "    \(t.passed ? "PASS" : "FAIL") \(t.id) \(t.question)\n        \(t.passed ? "evidence" : "why"): \(detail)\n"
                            }
                        }
                    }
                    if !l.suites.isEmpty {
                        out += md ? "\nExecuted suites (through the product's derived guard configuration):\n\n" : "  executed suites (through the derived guard configuration):\n"
                        for s in l.suites {
                            out += (md ? "- " : "    ") + "\(s.suite): \(s.cases - s.failures.count)/\(s.cases) cases pass"
                                + (s.failures.isEmpty ? "" : " — " + s.failures.joined(separator: "; ")) + "\n"
                        }
                    }
                }
            }
            return out
        }
    }
}
