/// Strict UTF-8 checks shared by the JSON and CSV readers (RFC 3629: no overlong forms,
/// no surrogates, nothing above U+10FFFF).
public enum UTF8Validation {
    /// True when `bytes` is well-formed UTF-8.
    @inlinable
    public static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        firstInvalidOffset(in: bytes) == nil
    }

    /// The offset of the first byte that does not begin a well-formed sequence, or nil.
    ///
    /// Data files are nearly all ASCII, so eight bytes at a time are checked for a high
    /// bit before any sequence is decoded.
    public static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = 0
        while i < n {
            while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            if i >= n { break }
            if base.load(fromByteOffset: i, as: UInt8.self) < 0x80 { i += 1; continue }
            guard let length = sequenceLength(base, at: i, count: n) else { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed sequence that starts at `i` (1 to 4), or nil.
    static func sequenceLength(_ base: UnsafeRawPointer, at i: Int, count n: Int) -> Int? {
        @inline(__always) func byte(_ k: Int) -> UInt8? {
            k < n ? base.load(fromByteOffset: k, as: UInt8.self) : nil
        }
        @inline(__always) func isContinuation(_ k: Int) -> Bool {
            guard let b = byte(k) else { return false }
            return b & 0xC0 == 0x80
        }
        guard let b0 = byte(i) else { return nil }
        switch b0 {
        case 0x00...0x7F:
            return 1
        case 0xC2...0xDF:
            return isContinuation(i + 1) ? 2 : nil
        case 0xE0...0xEF:
            // The second byte's range excludes overlong forms (E0) and UTF-16 surrogates (ED).
            guard let b1 = byte(i + 1) else { return nil }
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            return (low...high).contains(b1) && isContinuation(i + 2) ? 3 : nil
        case 0xF0...0xF4:
            // F0 would be overlong below 0x90; F4 would exceed U+10FFFF above 0x8F.
            guard let b1 = byte(i + 1) else { return nil }
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            return (low...high).contains(b1) && isContinuation(i + 2) && isContinuation(i + 3) ? 4 : nil
        default:
            return nil
        }
    }

    /// Unicode scalars in `bytes[from..<to]` of well-formed UTF-8: the bytes that do not
    /// continue a sequence. Columns are counted this way, as an editor shows characters.
    @inline(__always)
    static func scalarCount(_ base: UnsafeRawPointer, from: Int, to: Int) -> Int {
        var count = 0
        var k = from
        while k < to {
            if base.load(fromByteOffset: k, as: UInt8.self) & 0xC0 != 0x80 { count += 1 }
            k += 1
        }
        return count
    }
}
