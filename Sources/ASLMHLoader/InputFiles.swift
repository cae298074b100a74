import ASLMHCore
import Foundation

/// One input to read: a file, or standard input.
public enum InputSource: Sendable, Hashable {
    case file(String)
    case stdin

    public var displayPath: String {
        switch self {
        case .file(let p): p
        case .stdin: "<stdin>"
        }
    }
}

public enum InputFiles {
    /// Expands the command line's paths: files as given, directories recursively (`*.yaml`,
    /// `*.yml`, hidden folders skipped), `-` for standard input. Paths that do not exist come
    /// back as errors, and the rest are still read.
    public static func expand(_ paths: [String]) -> (sources: [InputSource], errors: [InputError]) {
        var sources: [InputSource] = []
        var errors: [InputError] = []
        var seen = Set<String>()
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                if !sources.contains(.stdin) { sources.append(.stdin) }
                continue
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(InputError(code: "not-found", message: "no such file or directory",
                                         suggestion: "Check the path; directories are searched for *.yaml and *.yml files.",
                                         location: SourceLocation(path: path, line: 1, column: 1)))
                continue
            }
            if !isDir.boolValue {
                if seen.insert(path).inserted { sources.append(.file(path)) }
                continue
            }
            var found: [String] = []
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            if let walker = fm.enumerator(atPath: path) {
                while let rel = walker.nextObject() as? String {
                    let name = (rel as NSString).lastPathComponent
                    if name.hasPrefix(".") {
                        if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                        continue
                    }
                    if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { found.append(base + "/" + rel) }
                }
            }
            for f in found.sorted() where seen.insert(f).inserted { sources.append(.file(f)) }
        }
        return (sources, errors)
    }

    /// Reads a source as UTF-8 text, refusing files over `maxBytes` before reading them whole.
    public static func read(_ source: InputSource, maxBytes: Int) -> Result<String, InputError> {
        let at = SourceLocation(path: source.displayPath, line: 1, column: 1)
        let data: Data
        switch source {
        case .stdin:
            var buffer = Data()
            while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
                buffer.append(chunk)
                if buffer.count > maxBytes { break }
            }
            data = buffer
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                return .failure(InputError(code: "unreadable", message: "cannot open the file for reading", location: at))
            }
            defer { try? handle.close() }
            data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        }
        if data.count > maxBytes {
            return .failure(InputError(code: "too-large", message: "file is larger than \(maxBytes) bytes",
                                       suggestion: "Profiles are small; check that this is the right file.", location: at))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(InputError(code: "yaml-encoding", message: "the file is not valid UTF-8", suggestion: "Save it as UTF-8.", location: at))
        }
        return .success(text)
    }
}
