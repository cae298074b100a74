/// GitHub Actions workflow commands: one annotation per finding and input error, then a summary line.
public struct GitHubReporter: ReportStream {
    public init() {}

    public static func render(_ run: RunResult) -> String {
        var r = GitHubReporter()
        return r.renderRun(run)
    }

    public func header(_ c: RunContext) -> String { "" }

    public func fragment(_ entry: RunResult.Entry, _ c: RunContext) -> ReportFragment { ReportFragment(render(entry, c)) }

    func render(_ entry: RunResult.Entry, _ c: RunContext) -> String {
        var lines: [String] = []
        switch entry {
        case .failure(_, let errors):
            for e in errors {
                lines.append(Self.annotation("error", e.location, title: "aslmh input/\(e.code)",
                                             message: e.message + (e.suggestion.map { " — \($0)" } ?? "")))
            }
        case .report(let r):
            for f in r.findings {
                let command = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
                lines.append(Self.annotation(command, f.location, title: "aslmh \(f.id) (ASL-MH \(r.classification.tier))",
                                             message: "\(f.message). Fix: \(f.remediation)"))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    public func footer(_ s: RunSummary, _ c: RunContext) -> String {
        "aslmh \(c.command.rawValue): \(s.profiles) profile(s), \(s.failed) failing, \(s.withInputErrors) with input errors (catalogue \(c.catalogVersion), as of \(c.asOf))\n"
    }

    static func annotation(_ command: String, _ l: SourceLocation, title: String, message: String) -> String {
        "::\(command) file=\(property(l.path)),line=\(l.line),col=\(l.column),title=\(property(title))::\(data(message))"
    }

    static func data(_ s: String) -> String { escape(s, property: false) }

    static func property(_ s: String) -> String { escape(s, property: true) }

    /// Workflow-command escaping in one pass: `%`, CR and LF always; `:` and `,` in properties.
    static func escape(_ s: String, property: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

