import ASLMHCore
import ASLMHLoader
import ArgumentParser
import Foundation

/// Options shared by `gate` and `report`: which profiles, which governance files, which day.
struct GovernanceOptions: ParsableArguments {
    @Argument(help: "Profile files or directories (searched recursively for *.yaml, *.yml); `-` reads standard input.")
    var paths: [String] = []

    @Option(help: "Approvals file (default: governance/approvals.yaml when it exists).")
    var approvals: String?

    @Option(help: "Waivers file (schema aslmh/waivers/v1).")
    var waivers: String?

    @Option(help: "Baseline file: only findings not in it block.")
    var baseline: String?

    @Option(name: .customLong("as-of"), help: "Evaluate review dates and waiver expiry as of this day (YYYY-MM-DD); default today (UTC).")
    var asOf: String?

    @Option(name: .customLong("fail-on"), help: "Lowest finding severity that blocks: error, warning.")
    var failOn: RunOptions.FailOn = .error

    @Option(name: .customLong("min-approval-tier"), help: "Profiles at or above this tier need a current approval (7 turns the requirement off).")
    var minApprovalTier: Int = 3

    @Option(name: .customLong("max-waiver-days"), help: "Longest a waiver may run, from `granted` to `expires`.")
    var maxWaiverDays: Int = WaiversFile.defaultMaxDays

    @Option(name: .customLong("catalog"), help: "Use an organisation's own tier catalogue directory instead of the embedded one.")
    var catalogDirectory: String?

    @Option(name: .customLong("overlays"), help: "Add an organisation's own jurisdiction overlays (a directory of overlay YAML files).")
    var overlaysDirectory: String?

    static let defaultApprovals = "governance/approvals.yaml"

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one profile file or directory (e.g. `aslmh gate profiles`).") }
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, got `\(asOf)`.") }
        if minApprovalTier < 1 { throw ValidationError("--min-approval-tier must be 1 or more.") }
        if maxWaiverDays < 1 { throw ValidationError("--max-waiver-days must be 1 or more.") }
    }

    var day: Day { asOf.flatMap(Day.init) ?? Clock.today() }

    var approvalsPath: String? {
        approvals ?? (FileManager.default.fileExists(atPath: Self.defaultApprovals) ? Self.defaultApprovals : nil)
    }

    /// Loads the catalogue and governance files (exit 2 with located errors if any is broken),
    /// checks the profiles and applies the gate.
    func evaluate() throws -> (GateResult, Catalog) {
        let catalog = try CatalogChoice.load(catalogDirectory)
        let overlays = try OverlayChoice.load(overlaysDirectory, catalog: catalog)
        var gate = Gate(policy: GatePolicy(failOn: failOn.severity, minApprovalTier: minApprovalTier),
                        inputs: GateInputs(approvals: approvalsPath, waivers: waivers, baseline: baseline))
        var errors: [InputError] = []
        if let path = approvalsPath {
            switch GovernanceFiles.approvals(path) {
            case .success(let b): gate.approvals = b
            case .failure(let e): errors += e.all
            }
        }
        if let path = waivers {
            switch GovernanceFiles.waivers(path, maxDays: maxWaiverDays) {
            case .success(let w): gate.waivers = w
            case .failure(let e): errors += e.all
            }
        }
        if let path = baseline {
            switch GovernanceFiles.baseline(path) {
            case .success(let b): gate.baseline = b
            case .failure(let e): errors += e.all
            }
        }
        if !errors.isEmpty { throw GateInputFailure.report(errors) }
        let run = try EngineSetup.runner(catalog: catalog, overlays: overlays).run(paths: paths, command: .check, asOf: day, failOn: failOn.severity)
        return (gate.evaluate(run), catalog)
    }
}

enum GateInputFailure {
    /// Prints located input errors (`path:line:column: error[code]: message` and a hint) and exits 2.
    static func report(_ errors: [InputError]) -> ExitCode {
        var text = ""
        for e in errors.sorted(by: InputError.ordered) {
            text += "\(e.location): error[\(e.code)]: \(e.message)\n"
            if let s = e.suggestion { text += "  hint: \(s)\n" }
        }
        FileHandle.standardError.write(Data(text.utf8))
        return ExitCode(2)
    }
}

struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Release gate: check profiles, apply approvals, waivers and a baseline; exit 0 ship, 1 blocked, 2 input error.",
        discussion: "Every output format carries the SHA-256 digest of the canonical JSON result (docs/gate.md)."
    )

    @OptionGroup var governance: GovernanceOptions

    @Option(name: .customLong("write-baseline"), help: "Record the current findings (product id + finding id) in this file.")
    var writeBaseline: String?

    @Option(name: .shortAndLong, help: "Output format: text, json, sarif, junit, github, markdown.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        let (result, catalog) = try governance.evaluate()
        if let writeBaseline { try Output.emit(BaselineFile.render(Baseline.of(result)), to: writeBaseline) }
        let text: String = switch format {
        case .text: GateText.render(result)
        case .json: GateJSON.render(result)
        case .sarif: GateSARIF.render(result, catalog: catalog, toolVersion: ASLMH.version)
        case .junit: GateJUnit.render(result)
        case .github: GateGitHub.render(result)
        case .markdown: GateMarkdown.render(result)
        }
        try Output.emit(text, to: output)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
