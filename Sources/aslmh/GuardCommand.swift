import ASLMHGuard
import ArgumentParser
import Foundation

/// `aslmh guard`: the runtime guard on JSONL, on a labelled set, or on one message.
struct GuardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guard",
        abstract: "Runtime guard: crisis, scope and sycophancy detection on messages.",
        discussion: "Levels, categories, the configuration format and the JSONL contract: docs/guard.md.",
        subcommands: [GuardScanCommand.self, GuardEvalCommand.self, GuardCheckCommand.self, GuardFeaturesCommand.self]
    )
}

/// Options shared by the guard subcommands.
struct GuardOptions: ParsableArguments {
    @Option(name: .long, help: "Guard configuration file (JSON, schema aslmh/guard-config/v1).")
    var config: String?

    @Option(name: .long, help: "Use the default configuration of this ASL-MH tier (1-6).")
    var tier: Int?

    @Option(name: .long, help: "Locale for crisis resources, e.g. en-US, fr-CA, de (overrides the configuration).")
    var locale: String?

    @Flag(name: .long, help: "Declare that this run is a research environment (needed by research-only configurations).")
    var researchEnvironment = false

    func validate() throws {
        if config != nil && tier != nil { throw ValidationError("use either --config or --tier, not both") }
        if let tier, !(1...6).contains(tier) { throw ValidationError("--tier must be between 1 and 6") }
    }

    var settings: GuardSettings {
        GuardSettings(configPath: config, tier: tier, locale: locale, isResearch: researchEnvironment)
    }
}

struct GuardScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Check a JSONL stream of messages; write one JSONL result per input line, in order.",
        discussion: "Exit codes: 0 all lines read; 2 a malformed line (reported in place, processing goes on) or a bad configuration."
    )

    @OptionGroup var options: GuardOptions

    @Argument(help: "JSONL file, or - for standard input.")
    var input: String = "-"

    func run() throws {
        let summary = try GuardRunner.scan(input: input, settings: options.settings)
        if summary.malformedLines > 0 { throw ExitCode(2) }
    }
}

struct GuardEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Compare guard results with the expect/categories labels of a JSONL file.",
        discussion: "Exit codes: 0 ok; 1 a gate (--min-recall, --max-false-alarms) failed; 2 malformed input or configuration."
    )

    @OptionGroup var options: GuardOptions

    @Argument(help: "Labelled JSONL file (id, role, text, expect, categories, optional conversation and reply_to).")
    var file: String

    @Option(name: .long, help: "Fail (exit 1) if critical recall or output-check recall is below this fraction, e.g. 0.95.")
    var minRecall: Double?

    @Option(name: .long, help: "Fail (exit 1) if the false-alarm rate is above this fraction, e.g. 0.03.")
    var maxFalseAlarms: Double?

    @Option(name: .long, help: "Report format: text or json.")
    var format: GuardReportFormat = .text

    func validate() throws {
        for (name, value) in [("--min-recall", minRecall), ("--max-false-alarms", maxFalseAlarms)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(name) must be a fraction between 0 and 1") }
        }
    }

    func run() throws {
        let outcome = try GuardRunner.evaluate(
            file: file, settings: options.settings, minRecall: minRecall, maxFalseAlarms: maxFalseAlarms, format: format)
        if outcome.malformedLines > 0 { throw ExitCode(2) }
        if !outcome.gateFailures.isEmpty { throw ExitCode(1) }
    }
}

struct GuardCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one message and print the result as JSON."
    )

    @OptionGroup var options: GuardOptions

    @Argument(help: "The message text.")
    var text: String

    @Option(name: .long, help: "Who wrote it: user or assistant.")
    var role: Role = .user

    func run() throws {
        try GuardRunner.check(text: text, role: role, settings: options.settings)
    }
}

enum GuardReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Role: ExpressibleByArgument {}

struct GuardFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Print the features the statistical layer reads, one JSON line per input line (for review and training)."
    )

    @Argument(help: "A JSONL file of messages (id, role, text), or - for standard input.")
    var input: String = "-"

    func run() throws {
        try GuardRunner.features(input: input)
    }
}
