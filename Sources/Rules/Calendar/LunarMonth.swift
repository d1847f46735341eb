/// One month of the lunar calendar: where it starts in the civil calendar and how long it is.
public struct LunarMonth: Hashable, Sendable {
    /// The lunar year the month belongs to (see `LunarDate.year`).
    public var year: Int
    public var month: Int
    public var isLeap: Bool
    /// Day 1: the civil day on which the new moon falls, in the calendar's time zone.
    public var start: CivilDate
    /// 29 or 30.
    public var length: Int

    public init(year: Int, month: Int, isLeap: Bool, start: CivilDate, length: Int) {
        self.year = year
        self.month = month
        self.isLeap = isLeap
        self.start = start
        self.length = length
    }

    /// The civil date of `day` (1-based) of this month; nil past its last day.
    public func date(day: Int) -> CivilDate? {
        guard day >= 1, day <= length else { return nil }
        return start.adding(days: day - 1)
    }
}
