import ASLMHCore
import ASLMHLoader
import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Classify profiles and check their mandatory controls, evidence, reviews and prohibitions."
    )

    @OptionGroup var options: RunOptions

    func run() throws { try Runner.run(.check, options) }
}

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Show each profile's ASL-MH tier, the rules that placed it there and why the next tier did not match."
    )

    @OptionGroup var options: RunOptions

    func run() throws { try Runner.run(.classify, options) }
}

enum Runner {
    static func run(_ command: RunResult.Command, _ options: RunOptions) throws {
        let catalog = try CatalogChoice.load(options.catalogDirectory)
        var result = ProfileRunner(catalog: catalog).run(paths: options.paths, command: command, asOf: options.day, failOn: options.failOn.severity)
        if command == .classify {
            // classify reports the tier only: control findings belong to `check`.
            result.entries = result.entries.map { entry in
                guard case .report(var r) = entry else { return entry }
                r.findings = r.findings.filter { $0.kind == .downwardOverride || $0.kind == .tierOverride }
                r.controls = []
                return .report(r)
            }
        }
        try Output.emit(render(result, format: options.format, catalog: catalog, options: options), to: options.output)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    static func render(_ result: RunResult, format: OutputFormat, catalog: Catalog, options: RunOptions) -> String {
        switch format {
        case .text: TextReporter(color: options.useColor, verbose: !options.quiet).render(result)
        case .json: JSONReporter.render(result)
        case .sarif: SARIFReporter.render(result, catalog: catalog, toolVersion: ASLMH.version)
        case .junit: JUnitReporter.render(result, catalog: catalog)
        case .markdown: MarkdownReporter.render(result)
        case .github: GitHubReporter.render(result)
        }
    }
}
