import ASLMHCore
import Foundation

/// Loads and checks many profiles in parallel, in batches, handing the results on in path order:
/// output is the same whatever the scheduling, and memory stays bounded by the batch size.
public struct ProfileRunner: Sendable {
    public let catalog: Catalog
    public let overlays: OverlaySet
    public let limits: YAMLLimits
    /// Control ids profiles may declare beyond the catalogue's (overlay and ledger controls).
    public let extraControls: [String]
    /// Adds what needs more than the core (the guard wiring: derived guard configuration,
    /// deployed-configuration check, ledger). Gets the profile's folder. Not run for `classify`.
    public let enrich: (@Sendable (inout ProfileReport, String) -> Void)?

    public init(catalog: Catalog, overlays: OverlaySet = .empty, extraControls: [String] = [], limits: YAMLLimits = .standard,
                enrich: (@Sendable (inout ProfileReport, String) -> Void)? = nil) {
        self.catalog = catalog
        self.overlays = overlays
        self.limits = limits
        self.extraControls = Array(Set(extraControls + overlays.controls.map(\.id))).sorted()
        self.enrich = enrich
    }

    /// A unit of work: a source to read, or a path that could not be found.
    public enum Job: Sendable {
        case source(InputSource)
        case missing(InputError)

        var path: String {
            switch self {
            case .source(let s): s.displayPath
            case .missing(let e): e.location.path
            }
        }
    }

    /// Expands command-line paths into jobs sorted by path (the order of every report).
    public static func jobs(for paths: [String]) -> [Job] {
        let (sources, missing) = InputFiles.expand(paths)
        return (sources.map(Job.source) + missing.map(Job.missing)).sorted { $0.path < $1.path }
    }

    /// Reads and evaluates one source. `classify` keeps only the tier and override findings.
    public func evaluate(_ source: InputSource, command: RunContext.Command, asOf: Day) -> RunResult.Entry {
        let path = source.displayPath
        let text: String
        switch InputFiles.read(source, maxBytes: limits.maxBytes) {
        case .failure(let e): return .failure(path: path, errors: [e])
        case .success(let t): text = t
        }
        let base: String
        switch source {
        case .stdin: base = FileManager.default.currentDirectoryPath
        case .file(let p):
            let dir = (p as NSString).deletingLastPathComponent
            base = dir.isEmpty ? "." : dir
        }
        let loader = ProfileLoader(catalog: catalog, extraControls: extraControls, limits: limits)
        switch loader.load(text: text, path: path, baseDirectory: base) {
        case .failure(let e): return .failure(path: path, errors: e.all)
        case .success(let profile):
            var report = Checker.check(profile, catalog: catalog, overlays: overlays, asOf: asOf)
            if command == .classify {
                report.findings = report.findings.filter { $0.kind == .downwardOverride || $0.kind == .tierOverride }
                report.controls = []
                report.jurisdictions = []
            } else if let enrich {
                enrich(&report, base)
                report.findings.sort(by: Finding.ordered)
            }
            return .report(report)
        }
    }

    /// Evaluates the jobs in parallel batches and calls `consume` with each entry, in job order.
    public func stream(_ jobs: [Job], command: RunContext.Command, asOf: Day, batchSize: Int = 256,
                       consume: (RunResult.Entry) throws -> Void) rethrows {
        try stream(jobs, command: command, asOf: asOf, batchSize: batchSize, render: { _ in ReportFragment("") }) { e, _ in try consume(e) }
    }

    /// Like `stream`, and also renders each entry with `render` on the worker threads.
    public func stream(_ jobs: [Job], command: RunContext.Command, asOf: Day, batchSize: Int = 256,
                       render: @escaping @Sendable (RunResult.Entry) -> ReportFragment,
                       consume: (RunResult.Entry, ReportFragment) throws -> Void) rethrows {
        // A pipeline: while the caller consumes batch k (rendering joins, hashing, writing, all in
        // order), the workers already evaluate batch k+1.
        @Sendable func evaluate(_ range: Range<Int>) -> Slots<(RunResult.Entry, ReportFragment)> {
            let slots = Slots<(RunResult.Entry, ReportFragment)>(count: range.count)
            DispatchQueue.concurrentPerform(iterations: range.count) { i in
                let entry: RunResult.Entry
                switch jobs[range.lowerBound + i] {
                case .missing(let e): entry = .failure(path: e.location.path, errors: [e])
                case .source(let s): entry = self.evaluate(s, command: command, asOf: asOf)
                }
                slots.set(i, (entry, render(entry)))
            }
            return slots
        }
        let ranges = stride(from: 0, to: jobs.count, by: batchSize).map { $0..<min(jobs.count, $0 + batchSize) }
        guard let first = ranges.first else { return }
        var current = evaluate(first)
        for k in ranges.indices {
            let group = DispatchGroup()
            let next = NextBatch()
            if k + 1 < ranges.count {
                let range = ranges[k + 1]
                DispatchQueue.global().async(group: group) { next.slots = evaluate(range) }
            }
            for (entry, text) in current.values { try consume(entry, text) }
            group.wait()
            if let n = next.slots { current = n }
        }
    }

    /// Runs everything into memory (for tests and small runs).
    public func run(paths: [String], command: RunContext.Command, asOf: Day, failOn: Severity) -> RunResult {
        var entries: [RunResult.Entry] = []
        stream(Self.jobs(for: paths), command: command, asOf: asOf) { entries.append($0) }
        return RunResult(command: command, catalogVersion: catalog.version, asOf: asOf, failOn: failOn, entries: entries)
    }
}

/// The batch evaluated in the background while the previous one is consumed.
final class NextBatch: @unchecked Sendable {
    var slots: Slots<(RunResult.Entry, ReportFragment)>?
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
