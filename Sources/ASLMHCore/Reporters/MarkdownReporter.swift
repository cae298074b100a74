/// Markdown for pull-request comments and reviewers: a summary table, then each profile.
public enum MarkdownReporter {
    public static func render(_ run: RunResult) -> String {
        var out = "# aslmh \(run.command.rawValue)\n\n"
        out += "Catalogue `\(run.catalogVersion)`, as of \(run.asOf), failing on \(run.failOn.rawValue).\n\n"
        out += "| Profile | Product | Tier | Status | Errors | Warnings |\n|---|---|---|---|---|---|\n"
        for entry in run.entries {
            switch entry {
            case .failure(let path, let errors):
                out += "| `\(cell(path))` | — | — | input error | \(errors.count) | 0 |\n"
            case .report(let r):
                let e = r.findings.filter { $0.severity == .error }.count
                let w = r.findings.filter { $0.severity == .warning }.count
                out += "| `\(cell(r.profile.path))` | \(cell(r.profile.displayName)) | ASL-MH \(r.classification.tier) | \(run.status(entry)) | \(e) | \(w) |\n"
            }
        }
        for entry in run.entries {
            out += "\n## `\(entry.path)`\n\n"
            switch entry {
            case .failure(_, let errors):
                out += "The profile could not be read:\n\n"
                for e in errors {
                    out += "- `\(e.location)` **\(e.code)**: \(e.message)" + (e.suggestion.map { " — \($0)" } ?? "") + "\n"
                }
            case .report(let r):
                let c = r.classification
                out += "**ASL-MH \(c.tier) — \(r.tierName)**"
                if c.tier != c.computedTier { out += " (raised by reviewer from ASL-MH \(c.computedTier))" }
                out += "\n\nWhy:\n\n"
                for m in c.matchedRules {
                    let reads = m.reads.map { "`\($0.field): \($0.value)` (line \($0.location.line))" }.joined(separator: ", ")
                    out += "- `\(m.ruleId)` \(m.title)" + (reads.isEmpty ? "" : ": \(reads)") + "\n"
                }
                if let next = c.nextTierMisses.first {
                    out += "\nNot ASL-MH \(next.tier), because:\n\n"
                    for m in c.nextTierMisses { out += "- `\(m.ruleId)`: " + m.unmet.joined(separator: "; ") + "\n" }
                }
                if run.command == .check && !r.controls.isEmpty {
                    out += "\n| Control | From tier | State | Evidence |\n|---|---|---|---|\n"
                    for s in r.controls {
                        out += "| `\(s.controlId)` | \(s.tier) | \(s.state.rawValue) | \(cell(s.evidence.joined(separator: ", "))) |\n"
                    }
                }
                if let l = r.ledger {
                    out += "\nTherapy Mode Safety Ledger: CACI \(l.caci)/\(l.caciMax), minimum structural conditions \(l.minimumStructuralConditionsMet ? "met" : "not met")"
                        + (l.applies ? "" : " (information only below ASL-MH 3)") + " — "
                        + l.sections.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: ", ") + "\n"
                }
                if !r.jurisdictions.isEmpty {
                    out += "\n| Jurisdiction | Law | In scope | Obligations |\n|---|---|---|---|\n"
                    for v in r.jurisdictions {
                        let obligations = v.obligations.map { "`\($0.id)`: \($0.status.rawValue)" }.joined(separator: ", ")
                        out += "| \(v.overlayId) (market `\(v.market.value)`) | \(cell(v.law.citation)) | \(v.inScope ? "yes" : "no") | \(cell(obligations)) |\n"
                    }
                }
                if !r.findings.isEmpty {
                    out += "\n| Severity | Finding | Location | Message | Fix |\n|---|---|---|---|---|\n"
                    for f in r.findings {
                        out += "| \(f.severity.rawValue) | `\(f.id)` | `\(f.location)` | \(cell(f.message)) | \(cell(f.remediation)) |\n"
                    }
                }
            }
        }
        return out
    }

    static func cell(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
