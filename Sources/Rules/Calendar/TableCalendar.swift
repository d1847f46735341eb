/// A calendar given as data: the weekend, and lists of holidays and make-up working days
/// (spec §4.5). What a calendar file (`calendars/NAME.json`) becomes once read.
///
/// Standing alone, it covers the years its entries mention (§6.1). Extending a base
/// calendar (`"extends": "vn"`), it keeps the base's weekend and years, and its entries go
/// on top: an entry replaces whatever the base says about that date (a provincial day off,
/// a corrected name). For a newly announced schedule, the years it `replaces` drop the
/// base's days altogether, so the file lists the announcement as published instead of
/// undoing the computed days one by one.
public struct TableCalendar: WorkingCalendar {
    /// One dated line of a calendar file.
    public struct Entry: Hashable, Sendable {
        public var date: CivilDate
        /// The name the file gives, if any.
        public var name: String?
        /// Where the entry stands in its file, for diagnostics.
        public var location: SourceLocation?
        /// `dayOff` for a day off that is not itself a holiday (nghỉ bù, a swapped day);
        /// nil for the kind of the list it is in.
        public var kind: CalendarDay.Kind?

        public init(date: CivilDate, name: String? = nil, location: SourceLocation? = nil, kind: CalendarDay.Kind? = nil) {
            self.date = date
            self.name = name
            self.location = location
            self.kind = kind
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
    /// Years whose special days are the entries alone, the base's dropped.
    public let replacedYears: Set<Int>

    /// Builds the calendar, or throws every problem found in the entries at once: a date
    /// listed twice, a date listed as both holiday and workday, a workday that is already a
    /// working day, a weekend that leaves no working day, a replaced year with no entry.
    ///
    /// - Parameters:
    ///   - coveredYears: the years the calendar vouches for; nil means the years its
    ///     entries mention (spec §6.1). An extending calendar also covers its base's years.
    ///   - replacing: years in which the base's special days are dropped and the entries
    ///     are the whole schedule (an extending calendar only).
    ///   - location: where the calendar itself is written (its file, or its `weekend` key),
    ///     for problems that belong to no single entry.
    public init(name: String, basis: Basis, holidays: [Entry], workdays: [Entry],
                coveredYears: Set<Int>? = nil, replacing: Set<Int> = [],
                location: SourceLocation? = nil) throws(DiagnosticsError) {
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
            baseDay = { replacing.contains($0.year) ? nil : base.specialDay($0) }
        }
        if case .standalone = basis, !replacing.isEmpty {
            problems.append(.error("calendar.replace-without-base", at: location,
                                   LocalizedText(en: "calendar '\(name)' replaces years of a calendar it does not extend",
                                                 vi: "lịch '\(name)' thay thế các năm của một lịch mà nó không mở rộng"),
                                   hint: LocalizedText(en: "add \"extends\": \"vn\", or remove 'replaceYears': a calendar of its own already consists of its entries",
                                                       vi: "thêm \"extends\": \"vn\", hoặc bỏ 'replaceYears': lịch độc lập vốn chỉ gồm các ngày được liệt kê")))
        }

        let listed = holidays.map { ($0.kind ?? .holiday, $0) } + workdays.map { (CalendarDay.Kind.workday, $0) }
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
                ?? (kind == .workday ? LocalizedText(en: "Make-up working day", vi: "Ngày làm bù")
                                     : LocalizedText(en: "Day off", vi: "Ngày nghỉ"))
            // The lunar date is a fact of the day: a Tết or Giỗ Tổ entry keeps the label the
            // base gives that date, even in a replaced year.
            var lunar: String? = nil
            if kind == .holiday, case .extending(let base) = basis, let known = base.specialDay(entry.date),
               known.kind == .holiday {
                lunar = known.lunar
            }
            days[key] = CalendarDay(date: entry.date, kind: kind, name: name, lunar: lunar)
        }
        let mentioned = Set(days.values.map(\.date.year))
        for year in replacing.sorted() where !mentioned.contains(year) {
            problems.append(.error("calendar.empty-year", at: location,
                                   LocalizedText(en: "calendar '\(name)' replaces \(year) but lists no day of \(year)",
                                                 vi: "lịch '\(name)' thay thế năm \(year) nhưng không liệt kê ngày nào của năm \(year)"),
                                   hint: LocalizedText(en: "list that year's days off (holidays) and make-up working days (workdays), or remove \(year) from 'replaceYears'",
                                                       vi: "liệt kê các ngày nghỉ (holidays) và ngày làm bù (workdays) của năm đó, hoặc bỏ \(year) khỏi 'replaceYears'")))
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems.sorted()) }

        self.name = name
        self.basis = basis
        self.weekendMask = mask
        self.days = days
        self.years = coveredYears ?? mentioned
        self.replacedYears = replacing
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
        guard case .extending(let base) = basis else { return nil }
        if !replacedYears.isEmpty && replacedYears.contains(date.year) { return nil }
        return base.specialDay(date)
    }

    public func specialDays(inYear year: Int) -> [CalendarDay] {
        var merged: [Int32: CalendarDay] = [:]
        if case .extending(let base) = basis, !replacedYears.contains(year) {
            for day in base.specialDays(inYear: year) { merged[day.date.dayNumber] = day }
        }
        for day in days.values where day.date.year == year { merged[day.date.dayNumber] = day }
        return merged.values.sorted { $0.date < $1.date }
    }

    // MARK: - Diagnostics

    private static func repeated(_ entry: Entry, kind: CalendarDay.Kind,
                                 earlier: (kind: CalendarDay.Kind, entry: Entry)) -> Diagnostic {
        let date = Wording.date(entry.date)
        let whereEarlier = earlier.entry.location.map { " (\($0))" } ?? ""
        if earlier.kind == kind {
            return .error("calendar.duplicate-date", at: entry.location,
                          LocalizedText(en: "'\(date.en)' is listed twice\(whereEarlier)",
                                        vi: "ngày \(date.vi) được liệt kê hai lần\(whereEarlier)"),
                          hint: LocalizedText(en: "keep one entry per date", vi: "mỗi ngày chỉ ghi một lần"))
        }
        let first = listedAs(earlier.kind), second = listedAs(kind)
        let bothHolidays = earlier.kind != .workday && kind != .workday
        return .error("calendar.conflicting-date", at: entry.location,
                      LocalizedText(en: "'\(date.en)' is listed both as \(first.en) and as \(second.en)\(whereEarlier)",
                                    vi: "ngày \(date.vi) vừa được ghi là \(first.vi) vừa được ghi là \(second.vi)\(whereEarlier)"),
                      hint: bothHolidays
                        ? LocalizedText(en: "a date in holidays is either a public holiday (kind holiday) or another day off (kind day-off): keep one entry",
                                        vi: "mỗi ngày trong holidays hoặc là ngày lễ (kind holiday) hoặc là ngày nghỉ khác (kind day-off): chỉ giữ một mục")
                        : LocalizedText(en: "a date is either a day off (holidays) or a make-up working day (workdays)",
                                        vi: "mỗi ngày hoặc là ngày nghỉ (holidays) hoặc là ngày làm bù (workdays)"))
    }

    /// What an entry of `kind` is, with the list it is written in.
    private static func listedAs(_ kind: CalendarDay.Kind) -> LocalizedText {
        switch kind {
        case .holiday: LocalizedText(en: "a holiday (holidays)", vi: "ngày lễ (holidays)")
        case .dayOff: LocalizedText(en: "a day off (holidays, kind day-off)", vi: "ngày nghỉ (holidays, kind day-off)")
        case .workday: LocalizedText(en: "a make-up workday (workdays)", vi: "ngày làm bù (workdays)")
        }
    }

    private static func workdayOnWorkingDay(_ entry: Entry) -> Diagnostic {
        let weekday = Weekday(entry.date).displayName
        let date = Wording.date(entry.date)
        return .error("calendar.workday-not-needed", at: entry.location,
                      LocalizedText(en: "workday '\(date.en)' is a \(weekday.en), already a working day",
                                    vi: "ngày làm bù \(date.vi) là \(weekday.vi), vốn đã là ngày làm việc"),
                      hint: LocalizedText(en: "workdays are weekend days (or days off of the extended calendar) that become working days; check the date",
                                          vi: "ngày làm bù là ngày nghỉ hằng tuần (hoặc ngày nghỉ của lịch được mở rộng) chuyển thành ngày làm việc; hãy kiểm tra lại ngày"))
    }
}
