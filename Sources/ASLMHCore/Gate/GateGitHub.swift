/// GitHub workflow annotations for a gate run: errors for what blocks, notices for waived and baselined findings.
public enum GateGitHub {
    public static func render(_ g: GateResult) -> String {
        var out = ""
        for e in g.entries {
            for err in e.inputErrors {
                out += GitHubReporter.annotation("error", err.location, title: "aslmh input/\(err.code)",
                                                 message: err.message + (err.suggestion.map { " — \($0)" } ?? "")) + "\n"
            }
            let product = e.productId ?? e.path
            for i in e.items {
                let command: String
                var message = "\(i.message). Fix: \(i.remediation)"
                switch i.disposition {
                case .blocking: command = "error"
                case .waived:
                    command = "notice"
                    message = "waived until \(i.waiver!.expires) by \(i.waiver!.approver) (\(i.waiver!.justification)): " + message
                case .baselined:
                    command = "notice"
                    message = "baselined (not new): " + message
                case .nonBlocking: command = i.severity == .warning ? "warning" : "notice"
                }
                out += GitHubReporter.annotation(command, i.location, title: "aslmh gate \(product): \(i.id) [\(i.disposition.rawValue)]", message: message) + "\n"
            }
        }
        out += "aslmh gate: \(g.decision.rawValue) — \(g.count(.ship)) ship, \(g.count(.blocked)) blocked, \(g.count(.error)) with input errors (catalogue \(g.catalogVersion), as of \(g.asOf)); digest sha256:\(GateJSON.digest(g))\n"
        return out
    }
}
