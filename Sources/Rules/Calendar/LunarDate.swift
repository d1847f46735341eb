/// A date in the Vietnamese lunar calendar (âm lịch).
///
/// `year` is the lunar year that begins with Tết in the Gregorian year of the same number:
/// 20/12 of lunar year 2025 falls in February 2026, before Tết 2026.
public struct LunarDate: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    /// 1…12; a leap month repeats the number of the month before it.
    public var month: Int
    /// 1…29 or 1…30, depending on the month.
    public var day: Int
    /// A leap month (tháng nhuận): the second month of that number in a 13-month year.
    public var isLeapMonth: Bool

    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// `10/3`, or `15/4 nhuận` in a leap month: the way Vietnamese texts cite a lunar
    /// holiday, without the year.
    public var dayMonth: String {
        "\(day)/\(month)" + (isLeapMonth ? " nhuận" : "")
    }

    /// `10/3/2026`, or `15/4 nhuận/2023`.
    public var description: String {
        "\(day)/\(month)" + (isLeapMonth ? " nhuận" : "") + "/\(year)"
    }
}
