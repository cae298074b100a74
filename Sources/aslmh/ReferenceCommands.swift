import ASLMHCore
import ASLMHLoader
import ArgumentParser
import Foundation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a tier (T3), rule, control, prohibition, vocabulary term or finding id, with its source and examples."
    )

    @Argument(help: "An id, e.g. T3, T3.supportive-interaction, crisis_escalation, missing-control/crisis_escalation, US-IL, IL.ai-therapy-to-public.")
    var id: String

    @Option(name: .customLong("catalog"), help: "Use an organisation's own tier catalogue directory.")
    var catalogDirectory: String?

    func run() throws {
        let catalog = try CatalogChoice.load(catalogDirectory)
        let overlays = try OverlayChoice.load(nil, catalog: catalog)
        let ledger = try? LedgerLoader.embedded().get()
        guard let text = Explainer.explain(id, catalog: catalog, overlays: overlays, ledger: ledger) else {
            var message = "aslmh: no rule, control, prohibition, tier or term is called `\(id)`"
            if let s = Suggest.closest(to: id, in: Explainer.allIds(catalog, overlays: overlays, ledger: ledger)) { message += "; did you mean `\(s)`?" }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw ExitCode(2)
        }
        try Output.emit(text.hasSuffix("\n") ? text : text + "\n", to: nil)
    }
}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the profile format as JSON Schema (for editor completion and validation)."
    )

    @Option(name: .customLong("catalog"), help: "Use an organisation's own tier catalogue directory.")
    var catalogDirectory: String?

    @Option(name: .shortAndLong, help: "Write the schema to this file.")
    var output: String?

    func run() throws {
        let catalog = try CatalogChoice.load(catalogDirectory)
        let overlays = try OverlayChoice.load(nil, catalog: catalog)
        let ledger = (try? LedgerLoader.embedded().get())?.controls ?? []
        try Output.emit(ProfileSchema.document(catalog, extraControls: overlays.controls + ledger).rendered(), to: output)
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter profile."
    )

    @Argument(help: "File to create (default: standard output).")
    var file: String?

    @Option(help: "Product id to put in the profile.")
    var id: String = "my-product"

    @Flag(help: "Overwrite the file if it exists.")
    var force = false

    func run() throws {
        let catalog = try CatalogChoice.load(nil)
        if let file, FileManager.default.fileExists(atPath: file), !force {
            FileHandle.standardError.write(Data("aslmh: `\(file)` exists; use --force to overwrite it\n".utf8))
            throw ExitCode(2)
        }
        try Output.emit(StarterProfile.text(catalog, productId: id), to: file)
        if let file { FileHandle.standardError.write(Data("wrote \(file); next: aslmh check \(file)\n".utf8)) }
    }
}
