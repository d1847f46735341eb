/// Finds and counts bytes eight at a time (SWAR: SIMD within a register), for the CSV
/// reader's hot loops.
///
/// Data rows are short fields of ASCII; a plain byte loop with four comparisons per byte
/// costs more than the rest of the reader together. A 64-bit word answers "is any of these
/// bytes here, and where is the first?" for eight bytes with a handful of integer
/// operations, on every CPU, without depending on the optimiser to vectorise.
enum ByteSearch {
    static let quote = UInt8(ascii: "\"")
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// `b` in every byte of a word.
    @inline(__always)
    static func splat(_ b: UInt8) -> UInt64 { UInt64(b) &* ones }

    /// The high bit of each byte of `word` that equals the byte splatted in `pattern`; the
    /// lowest set bit is exact, higher ones may be false (a borrow runs upwards), which is
    /// all `first` needs.
    @inline(__always)
    static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let t = word ^ pattern
        return (t &- ones) & ~t & highs
    }

    /// The high bit of exactly the bytes of `word` that equal the byte in `pattern`, for
    /// counting.
    @inline(__always)
    static func exactMatches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let t = word ^ pattern
        return ~(((t & lows) &+ lows) | t | lows)
    }

    /// Whether a word holds a byte a JSON string may have to escape: a control byte, `"`,
    /// `\\`, or the first byte of U+2028, U+2029 or U+FEFF (0xE2, 0xEF). False positives
    /// only cost a look at the bytes.
    @inline(__always)
    static func mayNeedJSONEscape(_ w: UInt64) -> Bool {
        let control = (w &- splat(0x20)) & ~w & highs  // some byte < 0x20
        return control | matches(w, splat(0x22)) | matches(w, splat(0x5C)) | matches(w, splat(0xE2)) | matches(w, splat(0xEF)) != 0
    }

    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The offset of the first byte in `from..<to` equal to one of `a`, `b`, `c`, `d`
    /// (given splatted), or `to`.
    @inline(__always)
    static func first(in base: UnsafeRawPointer, from: Int, to: Int,
                      _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> Int {
        var i = from
        while i &+ 8 <= to {
            let w = load(base, i)
            let m = matches(w, a) | matches(w, b) | matches(w, c) | matches(w, d)
            if m != 0 { return i &+ m.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        let a8 = UInt8(truncatingIfNeeded: a), b8 = UInt8(truncatingIfNeeded: b)
        let c8 = UInt8(truncatingIfNeeded: c), d8 = UInt8(truncatingIfNeeded: d)
        while i < to {
            let x = base.load(fromByteOffset: i, as: UInt8.self)
            if x == a8 || x == b8 || x == c8 || x == d8 { return i }
            i &+= 1
        }
        return to
    }

    /// The offset of the first byte in `from..<to` equal to one of `a`, `b`, `c` (given
    /// splatted), or `to`.
    @inline(__always)
    static func first(in base: UnsafeRawPointer, from: Int, to: Int, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int {
        first(in: base, from: from, to: to, a, b, c, c)
    }

    /// How many `"` bytes and line breaks (LF, CRLF and a lone CR each count once) lie in
    /// `from..<to`. A CR at `to - 1` is looked past, at `base[to]` when `to < count`, so
    /// that a CRLF split between two ranges is counted once, in the range holding the LF.
    static func countQuotesAndLineBreaks(in base: UnsafeRawPointer, from: Int, to: Int, count: Int)
        -> (quotes: Int, lineBreaks: Int) {
        let quote = splat(0x22), lf = splat(0x0A), cr = splat(0x0D)
        var quotes = 0, lfs = 0, crs = 0, crlfs = 0
        // A CR followed by LF is one break: count LFs and CRs, then take away the pairs.
        var previousWasCR = false
        var i = from
        while i &+ 8 <= to {
            let w = load(base, i)
            let q = exactMatches(w, quote), l = exactMatches(w, lf), r = exactMatches(w, cr)
            quotes &+= q.nonzeroBitCount
            lfs &+= l.nonzeroBitCount
            crs &+= r.nonzeroBitCount
            // Byte k's high bit is bit 8k+7: a CR at k followed by an LF at k+1 lines up after a shift by 8.
            crlfs &+= ((r << 8) & l).nonzeroBitCount
            if previousWasCR && l & 0x80 != 0 { crlfs &+= 1 }
            previousWasCR = r >> 63 != 0
            i &+= 8
        }
        while i < to {
            let x = base.load(fromByteOffset: i, as: UInt8.self)
            if x == 0x22 { quotes &+= 1 }
            if x == 0x0A {
                lfs &+= 1
                if previousWasCR { crlfs &+= 1 }
            }
            if x == 0x0D { crs &+= 1 }
            previousWasCR = x == 0x0D
            i &+= 1
        }
        // A CR at the very end whose LF opens the next range: that LF counts the break.
        if previousWasCR, to < count, base.load(fromByteOffset: to, as: UInt8.self) == 0x0A { crs &-= 1 }
        return (quotes, lfs &+ crs &- crlfs)
    }
}
