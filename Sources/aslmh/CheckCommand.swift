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
        let (catalog, overlays) = try options.engine.load()
        let context = RunContext(command: command, catalogVersion: catalog.version, asOf: options.engine.day, failOn: options.failOn.severity)
        var stream = makeStream(options.format, catalog: catalog, options: options)
        let sink = try OutputSink(path: options.output)
        var summary = RunSummary()
        sink.write(stream.header(context))
        let renderer = stream
        try EngineSetup.runner(catalog: catalog, overlays: overlays).stream(ProfileRunner.jobs(for: options.paths), command: command, asOf: context.asOf,
                                               render: { renderer.fragment($0, context) }) { entry, fragment in
            summary.add(entry, context)
            sink.write(stream.entry(entry, fragment: fragment, context))
        }
        sink.write(stream.footer(summary, context))
        try sink.commit()
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }

    static func makeStream(_ format: OutputFormat, catalog: Catalog, options: RunOptions) -> any ReportStream {
        switch format {
        case .text: TextReporter(color: options.useColor, verbose: !options.quiet)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(catalog: catalog, toolVersion: ASLMH.version)
        case .junit: CollectingReportStream.junit(catalog: catalog)
        case .markdown: CollectingReportStream.markdown()
        case .github: GitHubReporter()
        }
    }
}
