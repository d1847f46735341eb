/// A calendar day with no time and no time zone: the unit every deadline, period and
/// submission date is measured in.
///
/// Stored as a count of days since 1970-01-01 so that comparing, subtracting and adding
/// days is integer arithmetic (the data path compares millions of them).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// A validated date; `nil` when the day does not exist (31/02) or the year is outside 1..9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        self.dayNumber = Int32(CivilDate.days(year: year, month: month, day: day))
    }

    /// For dates the code itself builds from values already known to be valid.
    init(validYear year: Int, month: Int, day: Int) {
        self.dayNumber = Int32(CivilDate.days(year: year, month: month, day: day))
    }

    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days: exact for the proleptic Gregorian calendar.
        let z = Int(dayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (Int(dayNumber) % 7 + 7 + 3) % 7  // 1970-01-01 was a Thursday (index 3 from Monday)
        return w + 1
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + Int32(days)) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int { Int(other.dayNumber) - Int(dayNumber) }

    /// `2026-01-31`.
    public var iso: String {
        let (y, m, d) = components
        return Self.digits(y, 4, UInt8(ascii: "-"), m, UInt8(ascii: "-"), d)
    }

    /// `31/01/2026`, the way Vietnamese documents write dates.
    public var vietnamese: String {
        let (y, m, d) = components
        return Self.digits(d, 2, UInt8(ascii: "/"), m, UInt8(ascii: "/"), y, lastWidth: 4)
    }

    /// Three zero-padded numbers joined by separators, built in one small buffer: dates are
    /// written for every finding of a national run.
    private static func digits(_ a: Int, _ aWidth: Int, _ s1: UInt8, _ b: Int, _ s2: UInt8, _ c: Int,
                               lastWidth: Int = 2) -> String {
        var buffer: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            var i = 0
            func put(_ n: Int, _ width: Int) {
                var value = n, digits = 1, p = 10
                while value >= p && digits < 6 { digits += 1; p *= 10 }
                for _ in 0..<max(0, width - digits) { raw[i] = 48; i += 1 }
                var k = max(digits, 1)
                let start = i
                i += k
                while k > 0 { raw[start + k - 1] = UInt8(48 + value % 10); value /= 10; k -= 1 }
            }
            put(a, aWidth); raw[i] = s1; i += 1
            put(b, 2); raw[i] = s2; i += 1
            put(c, lastWidth)
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<i]), as: UTF8.self)
        }
    }

    public var description: String { iso }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func lastDay(ofYear year: Int, month: Int) -> CivilDate {
        CivilDate(validYear: year, month: month, day: daysInMonth(year: year, month: month))
    }

    public static func firstDay(ofYear year: Int, month: Int) -> CivilDate {
        CivilDate(validYear: year, month: month, day: 1)
    }

    /// Parses exactly `YYYY-MM-DD`; anything else is `nil`.
    public static func parseISO(_ text: Substring) -> CivilDate? {
        var copy = String(text)
        return copy.withUTF8 { parseISO(UnsafeRawBufferPointer($0)) }
    }

    /// `YYYY-MM-DD` from bytes, without allocating (data files hold millions of dates).
    public static func parseISO(_ u: UnsafeRawBufferPointer) -> CivilDate? {
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { let c = u[i]; guard c >= 48, c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    // Howard Hinnant's days_from_civil.
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
