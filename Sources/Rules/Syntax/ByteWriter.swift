/// A growable byte buffer written through a raw pointer.
///
/// The JSON formats append a dozen small pieces per finding (a key, a quote, a few
/// bytes of text) and a national run has a hundred thousand findings. `[UInt8]` checks
/// uniqueness and capacity on every append and copies through a generic sequence path;
/// here an append is a bounds check and a copy.
public struct ByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    public private(set) var count = 0
    private var capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for `n` more bytes.
    @inline(__always)
    public mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        append(UnsafeRawPointer(start), count: bytes.count)
    }

    /// Most pieces are a few bytes long (a key, a slug, a date): those are copied with two
    /// overlapping word moves instead of a call to `memmove`.
    @inline(__always)
    public mutating func append(_ source: UnsafeRawPointer, count n: Int) {
        reserve(n)
        let target = UnsafeMutableRawPointer(base + count)
        switch n {
        case 0:
            return
        case 1...3:
            for k in 0..<n { target.storeBytes(of: source.load(fromByteOffset: k, as: UInt8.self), toByteOffset: k, as: UInt8.self) }
        case 4...7:
            let head = source.loadUnaligned(as: UInt32.self), tail = source.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
        case 8...16:
            let head = source.loadUnaligned(as: UInt64.self), tail = source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
        default:
            target.copyMemory(from: source, byteCount: n)
        }
        count &+= n
    }

    @inline(__always)
    public mutating func append(_ text: StaticString) {
        if text.hasPointerRepresentation {
            append(UnsafeRawPointer(text.utf8Start), count: text.utf8CodeUnitCount)
        } else {
            text.withUTF8Buffer { append($0) }
        }
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// `n` spaces (indentation).
    public mutating func append(spaces n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).initialize(repeating: 0x20, count: n)
        count &+= n
    }

    /// An integer in decimal, without building a string.
    public mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var n = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var k = buffer.count
            repeat {
                k -= 1
                buffer[k] = UInt8(truncatingIfNeeded: 48 &+ n % 10)
                n /= 10
            } while n > 0
            append(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[k...]))
        }
    }

    /// What has been written, valid until the next append.
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A copy of what has been written.
    public var array: [UInt8] { withBytes { Array($0) } }

    public mutating func removeAll() { count = 0 }
}
