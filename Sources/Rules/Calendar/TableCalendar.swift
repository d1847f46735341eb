/// A calendar given as data: the weekend, and lists of holidays and make-up working days
/// (spec §4.5). What a calendar file (`calendars/NAME.json`) becomes once read.
///
/// Standing alone, it covers the years its entries mention (§6.1). Extending a base
/// calendar (`"extends": "vn"`), it keeps the base's weekend and years, and its entries go
/// on top: an entry replaces whatever the base says about that date. That is how a newly
/// announced schedule corrects the base's provisional days: list the announced days off as
/// holidays, and the computed days that stay working days as workdays.
public struct TableCalendar: WorkingCalendar {
    /// One dated line of a calendar file.
    public struct Entry: Hashable, Sendable {
        public var date: CivilDate
        /// The name the file gives, if any.
        public var name: String?
        /// Where the entry stands in its file, for diagnostics.
        public var location: SourceLocation?

        public init(date: CivilDate, name: String? = nil, location: SourceLocation? = nil) {
            self.date = date
            self.name = name
            self.location = location
        }
    }

    /// What the entries are laid on.
    public enum Basis: Sendable {
        /// A calendar of its own, with these weekly days off.
        case standalone(weekend: Set<Weekday>)
        /// On top of another calendar, keeping its weekend and years.
        case extending(any WorkingCalendar)
    }

    public let name: String
    public let basis: Basis
    private let weekendMask: UInt8
    private let days: [Int32: CalendarDay]
    private let years: Set<Int>

    /// Builds the calendar, or throws every problem found in the entries at once: a date
    /// listed twice, a date listed as both holiday and workday, a workday that is already a
    /// working day, a weekend that leaves no working day.
    ///
    /// - Parameters:
    ///   - coveredYears: the years the calendar vouches for; nil means the years its
    ///     entries mention (spec §6.1). An extending calendar also covers its base's years.
    ///   - location: where the calendar itself is written (its file, or its `weekend` key),
    ///     for problems that belong to no single entry.
    public init(name: String, basis: Basis, holidays: [Entry], workdays: [Entry],
                coveredYears: Set<Int>? = nil, location: SourceLocation? = nil) throws(DiagnosticsError) {
        var problems: [Diagnostic] = []
        var mask: UInt8 = 0
        if case .standalone(let weekend) = basis {
            for day in weekend { mask |= 1 << UInt8(day.rawValue) }
            if weekend.count == Weekday.allCases.count {
                problems.append(.error("calendar.no-working-days", at: location,
                                       LocalizedText(en: "calendar '\(name)' makes every day of the week a weekend day",
                                                     vi: "lịch '\(name)' coi mọi ngày trong tuần là ngày nghỉ hằng tuần"),
                                       hint: LocalizedText(en: "list only the weekly days off, e.g. [\"saturday\", \"sunday\"]",
                                                           vi: "chỉ liệt kê các ngày nghỉ hằng tuần, ví dụ [\"saturday\", \"sunday\"]")))
            }
        }

        var days: [Int32: CalendarDay] = [:]
        var firstSeen: [Int32: (kind: CalendarDay.Kind, entry: Entry)] = [:]
        let isBaseWeekend: (CivilDate) -> Bool
        let baseDay: (CivilDate) -> CalendarDay?
        switch basis {
        case .standalone:
            isBaseWeekend = { [mask] date in mask & (1 << UInt8(date.isoWeekday)) != 0 }
            baseDay = { _ in nil }
        case .extending(let base):
            isBaseWeekend = { base.isWeekend($0) }
            baseDay = { base.specialDay($0) }
        }

        let listed = holidays.map { (CalendarDay.Kind.holiday, $0) } + workdays.map { (CalendarDay.Kind.workday, $0) }
        for (kind, entry) in listed {
            let key = entry.date.dayNumber
            if let earlier = firstSeen[key] {
                problems.append(Self.repeated(entry, kind: kind, earlier: earlier))
                continue
            }
            firstSeen[key] = (kind, entry)
            if kind == .workday && !isBaseWeekend(entry.date) && (baseDay(entry.date)?.kind ?? .workday) == .workday {
                problems.append(Self.workdayOnWorkingDay(entry))
                continue
            }
            let name = entry.name.map { LocalizedText(verbatim: $0) }
                ?? (kind == .holiday ? LocalizedText(en: "Day off", vi: "Ngày nghỉ")
                                     : LocalizedText(en: "Make-up working day", vi: "Ngày làm bù"))
            days[key] = CalendarDay(date: entry.date, kind: kind, name: name)
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems.sorted()) }

        self.name = name
        self.basis = basis
        self.weekendMask = mask
        self.days = days
        self.years = coveredYears ?? Set(days.values.map(\.date.year))
    }

    public func covers(year: Int) -> Bool {
        if years.contains(year) { return true }
        if case .extending(let base) = basis { return base.covers(year: year) }
        return false
    }

    public func isWeekend(_ date: CivilDate) -> Bool {
        switch basis {
        case .standalone: return weekendMask & (1 << UInt8(date.isoWeekday)) != 0
        case .extending(let base): return base.isWeekend(date)
        }
    }

    public func specialDay(_ date: CivilDate) -> CalendarDay? {
        if let own = days[date.dayNumber] { return own }
        if case .extending(let base) = basis { return base.specialDay(date) }
        return nil
    }

    public func specialDays(inYear year: Int) -> [CalendarDay] {
        var merged: [Int32: CalendarDay] = [:]
        if case .extending(let base) = basis {
            for day in base.specialDays(inYear: year) { merged[day.date.dayNumber] = day }
        }
        for day in days.values where day.date.year == year { merged[day.date.dayNumber] = day }
        return merged.values.sorted { $0.date < $1.date }
    }

    // MARK: - Diagnostics

    private static func repeated(_ entry: Entry, kind: CalendarDay.Kind,
                                 earlier: (kind: CalendarDay.Kind, entry: Entry)) -> Diagnostic {
        let date = entry.date.iso
        let whereEarlier = earlier.entry.location.map { " (\($0))" } ?? ""
        if earlier.kind == kind {
            return .error("calendar.duplicate-date", at: entry.location,
                          LocalizedText(en: "'\(date)' is listed twice\(whereEarlier)",
                                        vi: "ngày '\(date)' được liệt kê hai lần\(whereEarlier)"),
                          hint: LocalizedText(en: "keep one entry per date", vi: "mỗi ngày chỉ ghi một lần"))
        }
        return .error("calendar.conflicting-date", at: entry.location,
                      LocalizedText(en: "'\(date)' is listed both as a holiday and as a workday\(whereEarlier)",
                                    vi: "ngày '\(date)' vừa là ngày nghỉ vừa là ngày làm bù\(whereEarlier)"),
                      hint: LocalizedText(en: "a date is either a day off (holidays) or a make-up working day (workdays)",
                                          vi: "mỗi ngày hoặc là ngày nghỉ (holidays) hoặc là ngày làm bù (workdays)"))
    }

    private static func workdayOnWorkingDay(_ entry: Entry) -> Diagnostic {
        let weekday = Weekday(entry.date).displayName
        let date = entry.date.iso
        return .error("calendar.workday-not-needed", at: entry.location,
                      LocalizedText(en: "workday '\(date)' is a \(weekday.en), already a working day",
                                    vi: "ngày làm bù '\(date)' là \(weekday.vi), vốn đã là ngày làm việc"),
                      hint: LocalizedText(en: "workdays are weekend days (or days off of the extended calendar) that become working days; check the date",
                                          vi: "ngày làm bù là ngày nghỉ hằng tuần (hoặc ngày nghỉ của lịch được mở rộng) chuyển thành ngày làm việc; hãy kiểm tra lại ngày"))
    }
}
