extension DueRule {
    /// The due date of the report for `period`, before the working-day roll (spec §4.3,
    /// §6.1). Day N past the month's end is the month's last day; `before day N` is day
    /// N − 1, then limited to the month's last day; `before day 1` is the last day of the
    /// month before. Working days are counted in `calendar` (Civil Code art. 147: from the
    /// day after the period ends).
    public func nominalDue(for period: Period, calendar: some WorkingCalendar) -> CivilDate {
        let (year, month, _) = period.end.components
        switch self {
        case .dayOfLastMonth(let n, let before):
            return DueRule.day(n, before: before, year: year, month: month)
        case .dayOfNextMonth(let n, let before):
            let (y, m) = month == 12 ? (year + 1, 1) : (year, month + 1)
            return DueRule.day(n, before: before, year: y, month: m)
        case .daysAfter(let n):
            return period.end.adding(days: n)
        case .workingDaysAfter(let n):
            return calendar.adding(workingDays: n, after: period.end)
        case .fixed(let deadline):
            return deadline.nominal
        }
    }

    /// The due date for `period`, rolled forward to a working day when `roll` is on.
    public func due(for period: Period, roll: Bool, calendar: some WorkingCalendar) -> DueDate {
        DueDate.resolve(nominalDue(for: period, calendar: calendar), roll: roll, calendar: calendar)
    }

    static func day(_ n: Int, before: Bool, year: Int, month: Int) -> CivilDate {
        let target = before ? n - 1 : n
        if target < 1 {
            return CivilDate.firstDay(ofYear: year, month: month).adding(days: -1)
        }
        return CivilDate(validYear: year, month: month, day: min(target, CivilDate.daysInMonth(year: year, month: month)))
    }
}
