import ASLMHCore
import ASLMHLoader
import ArgumentParser
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a reviewer report (one self-contained HTML file, or Markdown) for one product or a portfolio.",
        discussion: "Exit 0 when the report is written (whatever the gate decision), 2 on an input error (the report is still written when the governance files are readable)."
    )

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case html, markdown }

    @OptionGroup var governance: GovernanceOptions

    @Option(name: .shortAndLong, help: "Report format: html, markdown.")
    var format: ReportFormat = .html

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "The report's title.")
    var title: String = "ASL-MH review report"

    func run() throws {
        let (result, _) = try governance.evaluate()
        var waivers: [Waiver] = []
        if let path = governance.waivers, case .success(let w) = GovernanceFiles.waivers(path, maxDays: governance.maxWaiverDays) { waivers = w }
        let report = ReviewReport(gate: result, waivers: waivers, supplements: ReviewSupplement.evaluated(result), linkPrefix: Self.linkPrefix(for: output), title: title)
        try Output.emit(format == .html ? ReviewHTML.render(report) : ReviewMarkdown.render(report), to: output)
        if result.decision == .error { throw ExitCode(2) }
    }

    /// `../` for each folder of a relative output path, so evidence links (relative to the working
    /// directory) resolve from the report's folder. Absolute or `..` paths get no prefix.
    static func linkPrefix(for output: String?) -> String {
        guard let output, !output.hasPrefix("/") else { return "" }
        let dirs = output.split(separator: "/").dropLast().filter { $0 != "." }
        if dirs.contains("..") { return "" }
        return String(repeating: "../", count: dirs.count)
    }
}
