import ArgumentParser
import Foundation

@main
struct ASLMH: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "aslmh",
        abstract: "Classify mental-health AI products into ASL-MH safety tiers and check their mandatory controls.",
        discussion: """
        Exit codes: 0 no failing finding; 1 failing findings (see --fail-on); 2 input or usage error.
        """,
        version: version,
        subcommands: [CheckCommand.self, ClassifyCommand.self, ExplainCommand.self, SchemaCommand.self,
                      InitCommand.self, GuardCommand.self, GuardConfigCommand.self, LedgerCommand.self, GateCommand.self, ApproveCommand.self, ReportCommand.self]
    )

    /// Usage errors exit with 2 (not ArgumentParser's 64): 2 means "input or usage error" everywhere.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
