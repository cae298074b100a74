import Foundation

/// Open-addressing hash tables for the statistical layer's hot loop: byte-string keys (words and
/// stems, looked up straight from a token's UTF-8 without building a String) and integer pair keys.
/// Built once when the model loads; read-only afterwards.
struct ByteKeyTable: Sendable {
    private var bytes: [UInt8] = []
    private var offsets: [Int32] = [0]
    private var values: [Int32] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { values.count }

    @inline(__always) static func hash(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in p { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value stored for `key`, or `insert` (stored) when the key is new.
    mutating func value(for key: String, insert: Int32) -> Int32 {
        Array(key.utf8).withUnsafeBufferPointer { value(forBytes: $0, insert: insert) }
    }

    /// The value stored for the key given as UTF-8 bytes, or `insert` (stored) when the key is new.
    mutating func value(forBytes k: UnsafeBufferPointer<UInt8>, insert: Int32) -> Int32 {
        let existing = index(of: k)
        if existing >= 0 { return values[Int(existing)] }
        if count * 2 >= slots.count { grow() }
        let entry = Int32(values.count)
        bytes.append(contentsOf: k)
        offsets.append(Int32(bytes.count))
        values.append(insert)
        place(entry, hash: Self.hash(k))
        return insert
    }

    /// Every key (as UTF-8 bytes) and its value, in insertion order.
    func forEachEntry(_ body: (UnsafeBufferPointer<UInt8>, Int32) -> Void) {
        bytes.withUnsafeBufferPointer { b in
            for e in 0..<values.count {
                body(UnsafeBufferPointer(rebasing: b[Int(offsets[e])..<Int(offsets[e + 1])]), values[e])
            }
        }
    }

    mutating func set(_ key: String, _ value: Int32) {
        let k = Array(key.utf8)
        let entry = Int(k.withUnsafeBufferPointer { index(of: $0) })
        if entry >= 0 { values[entry] = value } else { _ = self.value(for: key, insert: value) }
    }

    private mutating func place(_ entry: Int32, hash: Int) {
        var i = hash & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = entry
    }

    private mutating func grow() {
        let old = values.count
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for e in 0..<old {
            let h = bytes.withUnsafeBufferPointer { b in
                Self.hash(UnsafeBufferPointer(rebasing: b[Int(offsets[e])..<Int(offsets[e + 1])]))
            }
            place(Int32(e), hash: h)
        }
    }

    @inline(__always) private func index(of p: UnsafeBufferPointer<UInt8>) -> Int32 {
        var i = Self.hash(p) & mask
        return bytes.withUnsafeBufferPointer { b in
            while true {
                let e = slots[i]
                if e < 0 { return -1 }
                let s = Int(offsets[Int(e)]), end = Int(offsets[Int(e) + 1])
                if end - s == p.count {
                    var same = true
                    var k = 0
                    while k < p.count {
                        if b[s + k] != p[k] {
                            same = false
                            break
                        }
                        k += 1
                    }
                    if same { return e }
                }
                i = (i + 1) & mask
            }
        }
    }


    /// The value for a key given as UTF-8 bytes, or −1.
    @inline(__always) func lookup(_ p: UnsafeBufferPointer<UInt8>) -> Int32 {
        let e = index(of: p)
        return e < 0 ? -1 : values[Int(e)]
    }
}

/// Int64 (non-negative) → Int32, open addressing with a multiplicative hash; −1 marks an empty slot.
struct PairTable: Sendable {
    private var keys: [Int64]
    private var values: [Int32]
    private var mask: Int
    private var shift: Int
    private(set) var count = 0

    /// Room for `capacity` keys at a load of at most 3/4.
    init(capacity: Int) {
        var size = 16
        var bits = 4
        while size * 3 < capacity * 4 {
            size <<= 1
            bits += 1
        }
        keys = [Int64](repeating: -1, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
        shift = 64 - bits
    }

    @inline(__always) private func slot(_ key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    mutating func set(_ key: Int64, _ value: Int32) {
        precondition(key >= 0 && count < keys.count - 1, "PairTable: negative key or full")
        var i = slot(key)
        while keys[i] >= 0 && keys[i] != key { i = (i + 1) & mask }
        if keys[i] < 0 { count += 1 }
        keys[i] = key
        values[i] = value
    }

    @inline(__always) func lookup(_ key: Int64) -> Int32 {
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k < 0 { return -1 }
            i = (i + 1) & mask
        }
    }
}
