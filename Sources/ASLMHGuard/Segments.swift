/// Very long messages are read in segments, so the memory a check needs is bounded whatever the
/// message's length (tokens and matcher state exist for one segment at a time).
///
/// A segment ends at a sentence break where one exists in the second half of the window: no lexicon
/// pattern and no shipped context rule reaches across a sentence, so the result is the same as
/// reading the whole message. Where a run-on stretch has no sentence break, the cut falls on a space
/// (else on a character boundary) and the next segment starts `overlapBytes` earlier, so a phrase
/// straddling the cut is still read whole by one of the two segments; matches found twice are
/// listed once. Message-wide rules (scope `message`; none ship) reach only their own segment of such a
/// message: a lowering context can be missed there, a finding cannot. Message-level combinations
/// (warning signs of one group, a veiled method question with distress) are drawn over all segments.
struct Segment {
    /// UTF-8 byte range of the segment in the message.
    var utf8: Range<Int>
    /// Unicode scalars before the segment.
    var scalarBase: Int
}

enum Segmenter {
    /// Messages up to this many UTF-8 bytes are one segment (every ordinary message).
    static let segmentBytes = 64 * 1024
    /// How far a segment cut without a sentence break reaches back into the previous segment.
    static let overlapBytes = 512

    static func segments(_ text: String) -> [Segment] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { segments($0) } ?? [Segment(utf8: 0..<text.utf8.count, scalarBase: 0)]
    }

    static func segments(_ u: UnsafeBufferPointer<UInt8>) -> [Segment] {
        let n = u.count
        guard n > segmentBytes else { return [Segment(utf8: 0..<n, scalarBase: 0)] }
        @inline(__always) func isBoundary(_ i: Int) -> Bool { i >= n || u[i] & 0xC0 != 0x80 }
        var out: [Segment] = []
        var start = 0
        var scalarBase = 0
        var counted = 0  // scalars counted up to byte `scalarMark`
        var scalarMark = 0
        func scalars(upTo i: Int) -> Int {
            // Offsets move forward, apart from the overlap, which steps back over its own bytes.
            while scalarMark > i {
                scalarMark -= 1
                if u[scalarMark] & 0xC0 != 0x80 { counted -= 1 }
            }
            while scalarMark < i {
                if u[scalarMark] & 0xC0 != 0x80 { counted += 1 }
                scalarMark += 1
            }
            return counted
        }
        while start < n {
            scalarBase = scalars(upTo: start)
            if n - start <= segmentBytes {
                out.append(Segment(utf8: start..<n, scalarBase: scalarBase))
                break
            }
            let limit = start + segmentBytes
            let half = start + segmentBytes / 2
            // A sentence break: a newline, or '.', '?', '!' followed by a space.
            var cut = -1
            var i = limit - 1
            while i > half {
                let b = u[i]
                if b == 0x0A || (b == 0x20 && (u[i - 1] == UInt8(ascii: ".") || u[i - 1] == UInt8(ascii: "?") || u[i - 1] == UInt8(ascii: "!"))) {
                    cut = i + 1
                    break
                }
                i -= 1
            }
            if cut > 0 {
                out.append(Segment(utf8: start..<cut, scalarBase: scalarBase))
                start = cut
                continue
            }
            // No sentence break: a space, else a character boundary; the next segment overlaps.
            i = limit - 1
            while i > half && u[i] != 0x20 { i -= 1 }
            cut = i > half ? i + 1 : limit
            while !isBoundary(cut) { cut -= 1 }
            out.append(Segment(utf8: start..<cut, scalarBase: scalarBase))
            var next = cut - overlapBytes
            while next > start && u[next] != 0x20 && next > cut - 2 * overlapBytes { next -= 1 }
            while !isBoundary(next) { next -= 1 }
            start = max(next, start + 1)
        }
        return out
    }
}
