import ASLMHCore
import ASLMHLoader
import ArgumentParser
import Foundation

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Record a reviewer's approval of a profile (tier, catalogue, findings, SHA-256 of the canonical profile)."
    )

    @Argument(help: "The profile to approve.")
    var profile: String

    @Option(help: "Who approves (name and role).")
    var reviewer: String

    @Option(help: "What the reviewer checked and decided.")
    var note: String

    @Option(help: "Approvals file to update (created if missing).")
    var approvals: String = GovernanceOptions.defaultApprovals

    @Option(help: "Approval date, also used for review dates (YYYY-MM-DD); default today (UTC).")
    var date: String?

    @Option(name: .customLong("catalog"), help: "Use an organisation's own tier catalogue directory instead of the embedded one.")
    var catalogDirectory: String?

    @Option(name: .customLong("overlays"), help: "Add an organisation's own jurisdiction overlays (a directory of overlay YAML files).")
    var overlaysDirectory: String?

    func validate() throws {
        if let date, Day(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got `\(date)`.") }
        if reviewer.allSatisfy(\.isWhitespace) { throw ValidationError("--reviewer must name the reviewer.") }
        if note.allSatisfy(\.isWhitespace) { throw ValidationError("--note must say what was reviewed.") }
    }

    func run() throws {
        let catalog = try CatalogChoice.load(catalogDirectory)
        let overlays = try OverlayChoice.load(overlaysDirectory, catalog: catalog)
        let day = date.flatMap(Day.init) ?? Clock.today()
        var book = ApprovalBook()
        if FileManager.default.fileExists(atPath: approvals) {
            switch GovernanceFiles.approvals(approvals) {
            case .success(let b): book = b
            case .failure(let e): throw GateInputFailure.report(e.all)
            }
        }
        let run = try EngineSetup.runner(catalog: catalog, overlays: overlays).run(paths: [profile], command: .check, asOf: day, failOn: .error)
        guard run.entries.count == 1, case .report(let report) = run.entries[0] else {
            let errors = run.entries.flatMap { e -> [InputError] in if case .failure(_, let errs) = e { errs } else { [] } }
            if errors.isEmpty {
                FileHandle.standardError.write(Data("aslmh: approve takes exactly one profile file; `\(profile)` holds \(run.entries.count)\n".utf8))
                throw ExitCode(2)
            }
            throw GateInputFailure.report(errors)
        }
        let approval = Approval.of(report, catalogVersion: catalog.version, reviewer: reviewer, note: note, date: day)
        book.record(approval)
        try Output.emit(ApprovalsFile.render(book), to: approvals)
        var message = "approved \(approval.productId) at ASL-MH \(approval.tier) (catalogue \(approval.catalogVersion), sha256 \(approval.profileSHA256.prefix(12))…) in \(approvals)\n"
        let blocking = report.findings.filter { $0.severity == .error }
        if !blocking.isEmpty {
            message += "note: the profile still has \(blocking.count) error finding(s); an approval does not lift findings, so the gate blocks until they are fixed or waived\n"
        }
        FileHandle.standardError.write(Data(message.utf8))
    }
}
