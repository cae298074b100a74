import ASLMHCore
import ASLMHGuard
import ASLMHLoader
import ASLMHWiring
import ArgumentParser
import Foundation

struct GuardConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guard-config",
        abstract: "Derive the runtime guard configuration a product must deploy, from its tier, locales and markets."
    )

    @Argument(help: "The product profile.")
    var profile: String

    @Option(name: .shortAndLong, help: "Write the configuration to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var engine: EngineOptions

    func run() throws {
        let (catalog, overlays) = try engine.load()
        let wiring = try EngineSetup.wiring(catalog)
        let runner = ProfileRunner(catalog: catalog, overlays: overlays, extraControls: wiring.ledgerControls)
        let day = engine.day
        let source: InputSource = profile == "-" ? .stdin : .file(profile)
        switch runner.evaluate(source, command: .check, asOf: day) {
        case .failure(_, let errors):
            var text = ""
            for e in errors {
                text += "\(e.location): error: \(e.message)\n"
                if let s = e.suggestion { text += "  hint: \(s)\n" }
            }
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(2)
        case .report(let report):
            let config: GuardConfiguration
            do {
                config = try wiring.deriver.derive(report)
                try config.validate(environment: GuardEnvironment(isResearch: config.environment?.researchOnly == true))
            } catch {
                FileHandle.standardError.write(Data("aslmh: cannot derive a guard configuration: \(error)\n".utf8))
                throw ExitCode(2)
            }
            try Output.emit(config.jsonText(), to: output)
        }
    }
}

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Score the Therapy Mode Safety Ledger: 10 sections, 18 binary tests, answered from evidence and by running the guard.",
        discussion: "Exit codes: 0 every profile the ledger applies to (ASL-MH 3+) meets the minimum structural conditions; 1 some does not; 2 input error."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "Profile files or directories; `-` reads standard input.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Output format: text, json, markdown.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the scorecards to this file (atomically).")
    var output: String?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one profile file or directory (e.g. `aslmh ledger profiles`).") }
    }

    func run() throws {
        let (catalog, overlays) = try engine.load()
        let run = try EngineSetup.runner(catalog: catalog, overlays: overlays)
            .run(paths: paths, command: .check, asOf: engine.day, failOn: .error)
        let f: LedgerRendering.Format = format == .json ? .json : format == .markdown ? .markdown : .text
        try Output.emit(LedgerRendering.render(run, format: f), to: output)
        if run.entries.contains(where: { if case .failure = $0 { true } else { false } }) { throw ExitCode(2) }
        if run.reports.contains(where: { ($0.ledger?.applies ?? false) && !($0.ledger?.minimumStructuralConditionsMet ?? false) }) {
            throw ExitCode(1)
        }
    }
}
