import ASLMHCore
import ASLMHLoader
import ArgumentParser
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, markdown, github
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Options shared by `classify` and `check`.
struct RunOptions: ParsableArguments {
    @Argument(help: "Profile files or directories (searched recursively for *.yaml, *.yml); `-` reads standard input.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Output format: text, json, sarif, junit, markdown, github.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest finding severity that fails the run (exit 1): error, warning.")
    var failOn: FailOn = .error

    @OptionGroup var engine: EngineOptions

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Colour in text output: auto (only on a terminal, and not with NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Text output: findings only, without the tier explanation.")
    var quiet = false

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning
        var severity: Severity { self == .error ? .error : .warning }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one profile file or directory (e.g. `aslmh check profiles`), or `-` for standard input.") }
    }

    var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}

/// The catalogue, overlays and evaluation day: shared by every command that checks profiles.
struct EngineOptions: ParsableArguments {
    @Option(name: .customLong("catalog"), help: "Use an organisation's own tier catalogue directory instead of the embedded one.")
    var catalogDirectory: String?

    @Option(name: .customLong("overlays"), help: "Add an organisation's own jurisdiction overlays (a directory of overlay YAML files); same id replaces the shipped one.")
    var overlaysDirectory: String?

    @Option(name: .customLong("as-of"), help: "Evaluate review dates and laws as of this day (YYYY-MM-DD); default today (UTC).")
    var asOf: String?

    func validate() throws {
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, got `\(asOf)`.") }
    }

    var day: Day { asOf.flatMap(Day.init) ?? Clock.today() }

    /// The catalogue and overlays (exit 2 with located errors when either is broken).
    func load() throws -> (Catalog, OverlaySet) {
        let catalog = try CatalogChoice.load(catalogDirectory)
        return (catalog, try OverlayChoice.load(overlaysDirectory, catalog: catalog))
    }
}

enum Clock {
    static func today() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

enum CatalogChoice {
    /// The embedded catalogue, or the organisation's own; a broken catalogue is an input error (exit 2).
    static func load(_ directory: String?) throws -> Catalog {
        let result = directory.map(CatalogLoader.load(directory:)) ?? CatalogLoader.embedded()
        switch result {
        case .success(let c): return c
        case .failure(let e):
            var text = "aslmh: the tier catalogue has errors:\n"
            for err in e.all {
                text += "\(err.location): error: \(err.message)\n"
                if let s = err.suggestion { text += "  hint: \(s)\n" }
            }
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(2)
        }
    }
}

enum OverlayChoice {
    /// The embedded overlays plus an organisation's own; errors are input errors (exit 2).
    static func load(_ directory: String?, catalog: Catalog) throws -> OverlaySet {
        switch OverlayLoader.load(adding: directory, catalog: catalog) {
        case .success(let o): return o
        case .failure(let e):
            var text = "aslmh: the jurisdiction overlays have errors:\n"
            for err in e.all {
                text += "\(err.location): error: \(err.message)\n"
                if let s = err.suggestion { text += "  hint: \(s)\n" }
            }
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(2)
        }
    }
}

enum Output {
    /// Writes a whole text to standard output or to a file (atomically).
    static func emit(_ text: String, to path: String?) throws {
        let sink = try OutputSink(path: path)
        sink.write(text)
        try sink.commit()
    }
}

/// Where a report goes: standard output as it is produced, or a file that appears only when the
/// report is complete (written beside it under a temporary name, then renamed): a failed run
/// never leaves a partial file.
final class OutputSink {
    private let handle: FileHandle
    private let target: String?
    private let temporary: String?
    private var buffer = Data()

    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            target = nil
            temporary = nil
            return
        }
        let dir = (path as NSString).deletingLastPathComponent
        let tmp = (dir.isEmpty ? "." : dir) + "/.\((path as NSString).lastPathComponent).aslmh-\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: nil), let h = FileHandle(forWritingAtPath: tmp) else {
            FileHandle.standardError.write(Data("aslmh: cannot write `\(path)`: cannot create a file in `\(dir.isEmpty ? "." : dir)`\n".utf8))
            throw ExitCode(2)
        }
        handle = h
        target = path
        temporary = tmp
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func commit() throws {
        flush()
        guard let target, let temporary else { return }
        try? handle.close()
        if rename(temporary, target) != 0 {
            unlink(temporary)
            FileHandle.standardError.write(Data("aslmh: cannot write `\(target)`\n".utf8))
            throw ExitCode(2)
        }
    }

    deinit {
        // A sink that was never committed (an error on the way) leaves nothing behind.
        if let temporary, FileManager.default.fileExists(atPath: temporary) { unlink(temporary) }
    }
}
