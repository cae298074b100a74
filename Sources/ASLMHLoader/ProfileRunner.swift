import ASLMHCore
import Foundation

/// Loads and checks many profiles in parallel; the result is sorted by path, so output does not
/// depend on scheduling.
public struct ProfileRunner: Sendable {
    public let catalog: Catalog
    public let limits: YAMLLimits

    public init(catalog: Catalog, limits: YAMLLimits = .standard) {
        self.catalog = catalog
        self.limits = limits
    }

    /// Reads and evaluates one source.
    public func evaluate(_ source: InputSource, asOf: Day) -> RunResult.Entry {
        let path = source.displayPath
        let text: String
        switch InputFiles.read(source, maxBytes: limits.maxBytes) {
        case .failure(let e): return .failure(path: path, errors: [e])
        case .success(let t): text = t
        }
        let base: String
        switch source {
        case .stdin: base = FileManager.default.currentDirectoryPath
        case .file(let p): base = (p as NSString).deletingLastPathComponent.isEmpty ? "." : (p as NSString).deletingLastPathComponent
        }
        switch ProfileLoader(catalog: catalog, limits: limits).load(text: text, path: path, baseDirectory: base) {
        case .failure(let e): return .failure(path: path, errors: e.all)
        case .success(let profile): return .report(Checker.check(profile, catalog: catalog, asOf: asOf))
        }
    }

    public func run(paths: [String], command: RunResult.Command, asOf: Day, failOn: Severity) -> RunResult {
        let (sources, missing) = InputFiles.expand(paths)
        var entries = missing.map { RunResult.Entry.failure(path: $0.location.path, errors: [$0]) }
        entries += evaluateAll(sources, asOf: asOf)
        return RunResult(command: command, catalogVersion: catalog.version, asOf: asOf, failOn: failOn, entries: entries)
    }

    public func evaluateAll(_ sources: [InputSource], asOf: Day) -> [RunResult.Entry] {
        let slots = Slots<RunResult.Entry>(count: sources.count)
        // Each source is independent: read, parse and check them in parallel.
        DispatchQueue.concurrentPerform(iterations: sources.count) { i in
            slots.set(i, evaluate(sources[i], asOf: asOf))
        }
        return slots.values
    }
}

/// Fixed slots filled from several threads, each slot once.
final class Slots<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }

    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return storage.compactMap { $0 }
    }
}
