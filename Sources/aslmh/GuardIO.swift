import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a C stream in 64 KiB blocks: memory is one block plus the longest line.
final class GuardLineReader {
    private let file: UnsafeMutablePointer<FILE>
    private let owned: Bool
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var eof = false

    init(file: UnsafeMutablePointer<FILE>, owned: Bool) {
        self.file = file
        self.owned = owned
    }

    deinit { if owned { fclose(file) } }

    /// The next line without its line break (a trailing `\r` is dropped), or nil at the end.
    func nextLine() -> String? {
        var pending: [UInt8] = []
        while true {
            if start < end {
                if let nl = buffer[start..<end].firstIndex(of: 0x0A) {
                    var line = pending
                    line.append(contentsOf: buffer[start..<nl])
                    start = nl + 1
                    if line.last == 0x0D { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                pending.append(contentsOf: buffer[start..<end])
                start = end
            }
            if eof {
                if pending.isEmpty { return nil }
                if pending.last == 0x0D { pending.removeLast() }
                return String(decoding: pending, as: UTF8.self)
            }
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            start = 0
            end = n
            if n == 0 { eof = true }
        }
    }
}

/// Buffered standard output; errors go unbuffered to standard error.
struct GuardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func writeLine(_ s: String) {
        write(s)
        write("\n")
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}
