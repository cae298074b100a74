/// GitHub Actions workflow commands: one annotation per finding and input error, then a summary line.
public enum GitHubReporter {
    public static func render(_ run: RunResult) -> String {
        var lines: [String] = []
        for entry in run.entries {
            switch entry {
            case .failure(_, let errors):
                for e in errors {
                    lines.append(annotation("error", e.location, title: "aslmh input/\(e.code)",
                                            message: e.message + (e.suggestion.map { " — \($0)" } ?? "")))
                }
            case .report(let r):
                for f in r.findings {
                    let command = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
                    lines.append(annotation(command, f.location, title: "aslmh \(f.id) (ASL-MH \(r.classification.tier))",
                                            message: "\(f.message). Fix: \(f.remediation)"))
                }
            }
        }
        let reports = run.reports
        lines.append("aslmh \(run.command.rawValue): \(run.entries.count) profile(s), \(reports.filter(run.fails).count) failing, \(run.entries.count - reports.count) with input errors (catalogue \(run.catalogVersion), as of \(run.asOf))")
        return lines.joined(separator: "\n") + "\n"
    }

    static func annotation(_ command: String, _ l: SourceLocation, title: String, message: String) -> String {
        "::\(command) file=\(property(l.path)),line=\(l.line),col=\(l.column),title=\(property(title))::\(data(message))"
    }

    static func data(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
