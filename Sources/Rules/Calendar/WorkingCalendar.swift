/// Why a day is special in a calendar.
public struct CalendarDay: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A public holiday (Labour Code 2019, art. 112).
        case holiday
        /// A day off that is not itself a holiday: nghỉ bù (art. 111(3)) or a swapped working day.
        case dayOff = "day-off"
        /// A weekend day that is an official make-up working day (làm bù).
        case workday
    }

    public var date: CivilDate
    public var kind: Kind
    public var name: LocalizedText
    /// For lunar holidays, the lunar date as `day/month` ("1/1", "10/3").
    public var lunar: String?
    /// Computed from the law, not yet confirmed by an announced schedule.
    public var provisional: Bool

    public init(date: CivilDate, kind: Kind, name: LocalizedText, lunar: String? = nil, provisional: Bool = false) {
        self.date = date
        self.kind = kind
        self.name = name
        self.lunar = lunar
        self.provisional = provisional
    }
}

/// Which days are working days (spec §4.5). Implementations are immutable values or
/// internally synchronised, so one calendar can be shared by every evaluation thread.
public protocol WorkingCalendar: Sendable {
    /// The name plans use for it (`vn`, `none`, a calendar file's name).
    var name: String { get }
    /// Whether the calendar knows the special days of `year`. Outside its years a date is
    /// judged by the weekend alone (and the caller notes that once).
    func covers(year: Int) -> Bool
    /// Whether `date` is a weekly day off in this calendar.
    func isWeekend(_ date: CivilDate) -> Bool
    /// The holiday, day off or make-up working day on `date`, if any.
    func specialDay(_ date: CivilDate) -> CalendarDay?
    /// Every special day of `year`, in date order.
    func specialDays(inYear year: Int) -> [CalendarDay]
}

extension WorkingCalendar {
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if let special = specialDay(date) { return special.kind == .workday }
        return !isWeekend(date)
    }

    /// The first working day on or after `date`, with each day skipped and why
    /// (Civil Code 2015, art. 148(5)).
    public func roll(_ date: CivilDate) -> (date: CivilDate, skipped: [SkippedDay]) {
        var d = date
        var skipped: [SkippedDay] = []
        // A run of days off is never longer than Tết plus two weekends; the bound only
        // guards against a malformed calendar that declares every day off.
        for _ in 0..<400 {
            if isWorkingDay(d) { return (d, skipped) }
            skipped.append(SkippedDay(date: d, reason: specialDay(d)))
            d = d.adding(days: 1)
        }
        return (date, [])
    }

    /// The date `n` working days after `date` (Civil Code art. 147: counting starts the next day).
    public func adding(workingDays n: Int, after date: CivilDate) -> CivilDate {
        var d = date
        var left = n
        var guardDays = 0
        while left > 0 && guardDays < 4000 {
            d = d.adding(days: 1)
            guardDays += 1
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// The holiday whose break `date` belongs to, for a weekend day inside a run of days
    /// off: the nearest holiday before it in the run, else the nearest after. Announcements
    /// count those weekend days as part of the break ("nghỉ Tết từ 14/02 đến hết 22/02"),
    /// and so do people reading why a deadline moved. Nil for a working day, a day that is
    /// itself special, or a weekend with no holiday next to it.
    public func holidayBreak(containing date: CivilDate) -> CalendarDay? {
        guard specialDay(date) == nil, !isWorkingDay(date) else { return nil }
        // A run of days off is at most about two weeks long (Tết between two weekends).
        for step in [-1, 1] {
            var d = date.adding(days: step)
            for _ in 0..<16 {
                if isWorkingDay(d) { break }
                if let special = specialDay(d), special.kind == .holiday { return special }
                d = d.adding(days: step)
            }
        }
        return nil
    }

    /// Working days in `from...to`, both included.
    public func workingDays(from: CivilDate, to: CivilDate) -> Int {
        guard from <= to else { return 0 }
        var count = 0
        var d = from
        while d <= to {
            if isWorkingDay(d) { count += 1 }
            d = d.adding(days: 1)
        }
        return count
    }
}

/// A day a deadline rolled past, and why it was not a working day (nil reason = weekend).
public struct SkippedDay: Hashable, Sendable {
    public var date: CivilDate
    public var reason: CalendarDay?
}

/// `calendar: none`: every day is a working day.
public struct EveryDayCalendar: WorkingCalendar {
    public init() {}
    public var name: String { "none" }
    public func covers(year: Int) -> Bool { true }
    public func isWeekend(_ date: CivilDate) -> Bool { false }
    public func specialDay(_ date: CivilDate) -> CalendarDay? { nil }
    public func specialDays(inYear year: Int) -> [CalendarDay] { [] }
}
