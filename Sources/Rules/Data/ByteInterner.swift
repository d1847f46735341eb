import Foundation

/// Gives each distinct byte string a small number, without building a `String` per lookup:
/// units, indicators and period texts repeat on millions of rows, so the data path looks
/// them up by their bytes (open addressing over an arena of keys).
struct ByteInterner: Sendable {
    private var arena: [UInt8] = []
    /// Per id: where its key lies in `arena`.
    private var spans: [(start: Int32, count: Int32)] = []
    /// Slots hold id + 1, 0 = empty; the capacity is a power of two.
    private var slots: [Int32]
    private var mask: Int
    /// The key looked up last and its id: consecutive rows usually repeat it.
    private var lastKey: [UInt8] = []
    private var lastID: Int32 = -1

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { spans.count }

    /// The id of `key`, inserting it when new.
    mutating func intern(_ key: UnsafeRawBufferPointer) -> (id: Int32, isNew: Bool) {
        if lastID >= 0, key.count == lastKey.count, lastKey.withUnsafeBytes({ Self.same($0, key) }) {
            return (lastID, false)
        }
        let hash = Self.hash(key)
        var i = hash & mask
        while true {
            let slot = slots[i]
            if slot == 0 { break }
            let id = slot - 1
            if equals(id, key) {
                remember(key, id)
                return (id, false)
            }
            i = (i + 1) & mask
        }
        let id = Int32(spans.count)
        spans.append((Int32(arena.count), Int32(key.count)))
        arena.append(contentsOf: key)
        slots[i] = id + 1
        if spans.count * 2 > slots.count { grow() }
        remember(key, id)
        return (id, true)
    }

    func bytes(_ id: Int32) -> ArraySlice<UInt8> {
        let s = spans[Int(id)]
        return arena[Int(s.start)..<Int(s.start + s.count)]
    }

    func string(_ id: Int32) -> String { String(decoding: bytes(id), as: UTF8.self) }

    private mutating func remember(_ key: UnsafeRawBufferPointer, _ id: Int32) {
        lastKey.removeAll(keepingCapacity: true)
        lastKey.append(contentsOf: key)
        lastID = id
    }

    private func equals(_ id: Int32, _ key: UnsafeRawBufferPointer) -> Bool {
        let s = spans[Int(id)]
        guard Int(s.count) == key.count else { return false }
        return arena.withUnsafeBytes { a in
            Self.same(UnsafeRawBufferPointer(rebasing: a[Int(s.start)..<Int(s.start + s.count)]), key)
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        arena.withUnsafeBytes { a in
            for id in 0..<spans.count {
                let s = spans[id]
                var i = Self.hash(UnsafeRawBufferPointer(rebasing: a[Int(s.start)..<Int(s.start + s.count)])) & mask
                while slots[i] != 0 { i = (i + 1) & mask }
                slots[i] = Int32(id) + 1
            }
        }
    }

    /// Byte equality of two buffers of the same length (`memcmp`, not a generic iterator loop).
    @inline(__always)
    static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// FNV-1a: keys are short (a unit slug, an indicator id), so a simple byte loop is enough.
    static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
