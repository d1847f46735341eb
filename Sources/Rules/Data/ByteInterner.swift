import Foundation

/// Gives each distinct byte string a small number, without building a `String` per lookup:
/// units, indicators and period texts repeat on millions of rows, so the data path looks
/// them up by their bytes.
///
/// Keys of up to 16 bytes (every unit slug, indicator id and period of real data) are held
/// as two machine words, so hashing and comparing cost a few instructions; longer keys
/// live in a byte arena.
struct ByteInterner: Sendable {
    /// Per id: the key's first 16 bytes as two words (zero padded), its length, where a key
    /// longer than 16 bytes lies in `arena` (else -1), and the id looked up right after it
    /// last time (or -1). Rows of a report list the same indicators in the same order month
    /// after month, so the next key is usually the one that followed the last key before:
    /// a compare instead of a hash and a probe.
    private struct Entry {
        var low: UInt64
        var high: UInt64
        var length: Int32
        var longStart: Int32
        var following: Int32 = -1
    }

    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    /// Slots hold id + 1, 0 = empty; the capacity is a power of two.
    private var slots: [Int32]
    private var mask: Int
    /// The id looked up last: consecutive rows usually repeat it.
    private var lastID: Int32 = -1

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { entries.count }

    /// The id of `key`, inserting it when new.
    @inline(__always)
    mutating func intern(_ key: UnsafeRawBufferPointer) -> (id: Int32, isNew: Bool) {
        let (a, b) = Self.words(key)
        let n = Int32(key.count)
        if lastID >= 0 {
            let last = entries[Int(lastID)]
            if last.low == a, last.high == b, last.length == n, n <= 16 || equalsLong(lastID, key) {
                return (lastID, false)
            }
            let next = last.following
            if next >= 0 {
                let e = entries[Int(next)]
                if e.low == a, e.high == b, e.length == n, n <= 16 || equalsLong(next, key) {
                    lastID = next
                    return (next, false)
                }
            }
        }
        var i = Self.hash(a, b, n) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { break }
            let id = Int(slot - 1)
            let e = entries[id]
            if e.low == a && e.high == b && e.length == n && (n <= 16 || equalsLong(Int32(id), key)) {
                if lastID >= 0 { entries[Int(lastID)].following = Int32(id) }
                lastID = Int32(id)
                return (lastID, false)
            }
            i = (i + 1) & mask
        }
        let id = Int32(entries.count)
        if lastID >= 0 { entries[Int(lastID)].following = id }
        if n > 16 {
            entries.append(Entry(low: a, high: b, length: n, longStart: Int32(arena.count)))
            arena.append(contentsOf: key)
        } else {
            entries.append(Entry(low: a, high: b, length: n, longStart: -1))
        }
        slots[i] = id + 1
        if entries.count * 2 > slots.count { grow() }
        lastID = id
        return (id, true)
    }

    /// The id of `key` if it was interned, without inserting it.
    func find(_ key: UnsafeRawBufferPointer) -> Int32? {
        let (a, b) = Self.words(key)
        let n = Int32(key.count)
        var i = Self.hash(a, b, n) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            let id = Int(slot - 1)
            let e = entries[id]
            if e.low == a && e.high == b && e.length == n && (n <= 16 || equalsLong(Int32(id), key)) { return Int32(id) }
            i = (i + 1) & mask
        }
    }

    func string(_ id: Int32) -> String {
        let e = entries[Int(id)]
        let n = Int(e.length)
        if n > 16 { return String(decoding: arena[Int(e.longStart)..<Int(e.longStart) + n], as: UTF8.self) }
        var words = (e.low, e.high)
        return withUnsafeBytes(of: &words) { String(decoding: UnsafeRawBufferPointer(rebasing: $0[0..<n]), as: UTF8.self) }
    }

    private func equalsLong(_ id: Int32, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = Int(entries[Int(id)].longStart)
        return arena.withUnsafeBytes { a in
            memcmp(a.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (id, e) in entries.enumerated() {
            var i = Self.hash(e.low, e.high, e.length) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(id) + 1
        }
    }

    /// The first 16 bytes of `key` as two little-endian words, zero padded.
    @inline(__always)
    static func words(_ key: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        let n = key.count
        switch n {
        case 16...:
            return (key.loadUnaligned(as: UInt64.self), key.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        case 9..<16:
            // The second load overlaps the first; shifting drops the bytes already taken.
            return (key.loadUnaligned(as: UInt64.self), key.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) >> UInt64(8 * (16 - n)))
        case 8:
            return (key.loadUnaligned(as: UInt64.self), 0)
        case 4..<8:
            let a = UInt64(key.loadUnaligned(as: UInt32.self))
            let b = UInt64(key.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << UInt64(8 * (n - 4))
            return (a | b, 0)
        default:
            var w: UInt64 = 0
            for i in 0..<n { w |= UInt64(key[i]) << UInt64(8 * i) }
            return (w, 0)
        }
    }

    /// SplitMix64's finaliser over the two words: keys that differ only in their last
    /// bytes ("ind_041", "ind_042") must still spread over the low bits the table uses.
    @inline(__always)
    static func hash(_ a: UInt64, _ b: UInt64, _ n: Int32) -> Int {
        var h = a ^ (b &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(UInt32(bitPattern: n))
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 31))
    }

}

/// Names (indicator ids) numbered in order, looked up by their bytes: rules look their
/// indicator up once per unit, and a `[String: Int32]` hashes the whole string each time.
struct NameTable: Sendable {
    private var interner: ByteInterner

    init(_ names: [String]) {
        interner = ByteInterner(capacity: names.count)
        for var name in names { _ = name.withUTF8 { interner.intern(UnsafeRawBufferPointer($0)) } }
    }

    subscript(name: String) -> Int32? {
        var name = name
        return name.withUTF8 { interner.find(UnsafeRawBufferPointer($0)) }
    }
}
