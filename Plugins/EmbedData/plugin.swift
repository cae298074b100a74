import Foundation
import PackagePlugin

/// Embeds the project's data folders in the module that reads them, so `aslmh` works from any
/// directory and a copied binary still carries its catalogue. The data files stay the single
/// source of truth: the generated source is rebuilt whenever one of them changes.
@main
struct EmbedData: BuildToolPlugin {
    /// Which top-level data folders each target embeds.
    static let folders: [String: [String]] = [
        "ASLMHLoader": ["tiers", "overlays", "ledger", "suites"],
        "ASLMHGuard": ["lexicons"],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let names = Self.folders[target.name] else { return [] }
        let root = context.package.directoryURL
        var inputs: [URL] = []
        var folders: [URL] = []
        for name in names {
            let folder = root.appending(path: name)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
                continue
            }
            folders.append(folder)
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if ["yaml", "yml", "json", "jsonl", "md"].contains(url.pathExtension) { inputs.append(url) }
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.joined(separator: ", ")) in \(target.name)",
                executable: try context.tool(named: "EmbedDataTool").url,
                arguments: [root.path, output.path] + folders.map(\.path),
                inputFiles: inputs + folders,
                outputFiles: [output]
            )
        ]
    }
}
