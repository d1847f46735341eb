/// A reporting period: the span a value or a report describes. A value describes the
/// state at the end of its period (spec §4.4).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case day            // a snapshot on one date: 2026-06-15
        case month(Int)     // 1...12
        case quarter(Int)   // 1...4
        case half(Int)      // 1...2
        case nineMonths     // January–September
        case year
    }

    public let year: Int
    public let kind: Kind
    public let start: CivilDate
    public let end: CivilDate

    public static func month(_ year: Int, _ month: Int) -> Period {
        Period(year: year, kind: .month(month), start: .firstDay(ofYear: year, month: month),
               end: .lastDay(ofYear: year, month: month))
    }
    public static func quarter(_ year: Int, _ q: Int) -> Period {
        Period(year: year, kind: .quarter(q), start: .firstDay(ofYear: year, month: 3 * q - 2),
               end: .lastDay(ofYear: year, month: 3 * q))
    }
    public static func half(_ year: Int, _ h: Int) -> Period {
        Period(year: year, kind: .half(h), start: .firstDay(ofYear: year, month: 6 * h - 5),
               end: .lastDay(ofYear: year, month: 6 * h))
    }
    public static func nineMonths(_ year: Int) -> Period {
        Period(year: year, kind: .nineMonths, start: .firstDay(ofYear: year, month: 1),
               end: .lastDay(ofYear: year, month: 9))
    }
    public static func year(_ year: Int) -> Period {
        Period(year: year, kind: .year, start: .firstDay(ofYear: year, month: 1),
               end: .lastDay(ofYear: year, month: 12))
    }
    public static func day(_ date: CivilDate) -> Period {
        Period(year: date.year, kind: .day, start: date, end: date)
    }

    /// Length in days, used to let the shortest of periods ending on the same day win.
    public var lengthInDays: Int { start.days(to: end) + 1 }

    /// Canonical id: `2026-06`, `2026-Q2`, `2026-H1`, `2026-9M`, `2026`, `2026-06-15`.
    public var id: String {
        switch kind {
        case .day: return start.iso
        case .month(let m): return Self.yearDash(year, 48 + UInt8(m / 10), 48 + UInt8(m % 10))
        case .quarter(let q): return Self.yearDash(year, UInt8(ascii: "Q"), 48 + UInt8(q))
        case .half(let h): return Self.yearDash(year, UInt8(ascii: "H"), 48 + UInt8(h))
        case .nineMonths: return Self.yearDash(year, UInt8(ascii: "9"), UInt8(ascii: "M"))
        case .year: return "\(year)"
        }
    }

    /// `YYYY-ab`, built from bytes for four-digit years (all real ones): every finding of a
    /// period names it, and string interpolation cost ≈ 950 instructions an id.
    private static func yearDash(_ year: Int, _ a: UInt8, _ b: UInt8) -> String {
        guard (1000...9999).contains(year) else { return "\(year)-" + String(decoding: [a, b], as: UTF8.self) }
        let bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            48 + UInt8(year / 1000), 48 + UInt8(year / 100 % 10), 48 + UInt8(year / 10 % 10), 48 + UInt8(year % 10),
            UInt8(ascii: "-"), a, b)
        return withUnsafeBytes(of: bytes) { String(decoding: $0, as: UTF8.self) }
    }

    /// The first month and last month (1...12) the period covers, for `sum` aggregation.
    public var monthRange: ClosedRange<Int> { start.month...end.month }

    public var description: String { id }

    /// Ordered by end date, then the longer period first: the order in which values
    /// supersede, so that the last of periods ending together is the shortest (spec §6.1).
    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.end != rhs.end { return lhs.end < rhs.end }
        return lhs.start < rhs.start
    }
}
