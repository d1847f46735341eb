/// A number read from a data cell, and whether it carried a `%` (`93.5%`), which is
/// allowed only for `%` indicators and undeclared ones, so the caller must know.
///
/// The parser is the data path's: it runs on millions of cells, so it reads bytes, never
/// allocates for ordinary values, and is exact. Up to 19 significant digits are gathered
/// as an integer mantissa; when that mantissa is at most 2^53 and there are at most 22
/// decimals, `mantissa / 10^k` is a single division of two exactly representable doubles,
/// hence correctly rounded and identical to `Double(String)`. Anything longer goes to the
/// standard library.
public struct DataNumber: Hashable, Sendable {
    public var value: Double
    public var hadPercent: Bool

    public init(value: Double, hadPercent: Bool) {
        self.value = value
        self.hadPercent = hadPercent
    }

    /// The number in `bytes` (UTF-8), surrounding spaces and tabs ignored; nil when the
    /// cell is not a number in `style`.
    public static func parse(_ bytes: UnsafeRawBufferPointer, style: DataNumberStyle) -> DataNumber? {
        // Nearly every cell is digits with a point (`106.53`): one loop, nothing to trim.
        if style == .c, let v = plain(bytes) { return DataNumber(value: v, hadPercent: false) }
        var start = 0
        var end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        var hadPercent = false
        if end > start, bytes[end - 1] == UInt8(ascii: "%") {
            hadPercent = true
            end -= 1
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        }
        var i = start
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        let body = i
        guard i < end else { return nil }
        if style == .c, let v = plainDecimal(bytes, from: i, to: end) {
            return DataNumber(value: negative ? -v : v, hadPercent: hadPercent)
        }

        var mantissa: UInt64 = 0
        var significant = 0       // digits in `mantissa`, leading zeros not counted
        var decimals = 0          // digits after the decimal mark, counted into the scale
        var digits = 0
        var overflow = false      // more significant digits than the mantissa holds
        var seenMark = false
        var exponentAt = -1

        let decimalMark = style == .c ? UInt8(ascii: ".") : UInt8(ascii: ",")
        var groupRun = -1         // .vi: digits since the last `.` group mark (-1 = no mark yet)
        var leadingDigits = 0     // .vi: digits before the first group mark

        while i < end {
            let c = bytes[i]
            if c >= 48 && c <= 57 {
                digits += 1
                if !seenMark {
                    if groupRun >= 0 { groupRun += 1 } else { leadingDigits += 1 }
                }
                if mantissa == 0 && c == 48 {
                    if seenMark { decimals += 1 }
                } else if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(c - 48)
                    significant += 1
                    if seenMark { decimals += 1 }
                } else {
                    overflow = true
                    if seenMark { decimals += 1 }
                }
            } else if c == decimalMark && !seenMark {
                if style == .vi {
                    // A comma needs a digit on both sides, and closes the last group.
                    guard digits > 0, groupRun == -1 || groupRun == 3 else { return nil }
                }
                seenMark = true
            } else if style == .vi && c == UInt8(ascii: ".") && !seenMark {
                // A group mark: the first group has 1–3 digits, each later one exactly 3.
                if groupRun == -1 {
                    guard (1...3).contains(leadingDigits) else { return nil }
                } else {
                    guard groupRun == 3 else { return nil }
                }
                groupRun = 0
            } else if style == .c && (c == UInt8(ascii: "e") || c == UInt8(ascii: "E")) && digits > 0 {
                exponentAt = i
                break
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if style == .vi {
            if !seenMark, groupRun != -1, groupRun != 3 { return nil }
            if seenMark, bytes[end - 1] == decimalMark { return nil }
        }
        if exponentAt >= 0 {
            // `1.5e6`: rare in data, so checked here and read by the standard library.
            var j = exponentAt + 1
            if j < end, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
            guard j < end else { return nil }
            while j < end {
                guard bytes[j] >= 48 && bytes[j] <= 57 else { return nil }
                j += 1
            }
            return slow(bytes, from: body, to: end, negative: negative, style: style, hadPercent: hadPercent)
        }
        if overflow || mantissa > 1 << 53 || decimals > 22 {
            return slow(bytes, from: body, to: end, negative: negative, style: style, hadPercent: hadPercent)
        }
        var v = Double(mantissa)
        if decimals > 0 { v /= powersOfTen[decimals] }
        return DataNumber(value: negative ? -v : v, hadPercent: hadPercent)
    }

    /// A cell of the common form (`106.53`, `-2`: digits with at most one point, no spaces,
    /// at most 15 digits) read as `parse(_:style: .c)` reads it; nil for anything else.
    @inline(__always)
    static func plain(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let minus = bytes.first == UInt8(ascii: "-")
        guard let v = plainDecimal(bytes, from: minus ? 1 : 0, to: bytes.count) else { return nil }
        return minus ? -v : v
    }

    /// The common case in one tight loop: `digits[.digits]`, at most 19 significant digits
    /// and a mantissa ≤ 2^53. Nil sends the cell to the general loop, which handles (or
    /// rejects) everything else.
    @inline(__always)
    private static func plainDecimal(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Double? {
        var mantissa: UInt64 = 0
        var decimals = 0
        var digits = 0
        var dot = -1
        var i = start
        while i < end {
            let d = bytes[i] &- 48
            if d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                digits += 1
            } else if d == UInt8(ascii: ".") &- 48 && dot < 0 {
                dot = i
            } else {
                return nil
            }
            i += 1
        }
        // 15 digits always fit below 2^53; longer inputs take the general path.
        guard digits > 0, digits <= 15 else { return nil }
        if dot >= 0 { decimals = end - dot - 1 }
        let v = Double(mantissa)
        return decimals == 0 ? v : v / powersOfTen[decimals]
    }

    /// Exact powers of ten: every 10^k with k ≤ 22 is a double without rounding.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 }

    /// Long numbers: already validated, rewritten in C form and read by the standard library.
    private static func slow(_ bytes: UnsafeRawBufferPointer, from: Int, to: Int, negative: Bool,
                             style: DataNumberStyle, hadPercent: Bool) -> DataNumber? {
        var s = negative ? "-" : ""
        s.reserveCapacity(to - from + 1)
        for i in from..<to {
            let c = bytes[i]
            if style == .vi {
                if c == UInt8(ascii: ".") { continue }
                s.unicodeScalars.append(c == UInt8(ascii: ",") ? "." : Unicode.Scalar(c))
            } else {
                s.unicodeScalars.append(Unicode.Scalar(c))
            }
        }
        guard let v = Double(s), v.isFinite else { return nil }
        return DataNumber(value: v, hadPercent: hadPercent)
    }
}
