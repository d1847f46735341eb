import Synchronization

/// A plan's calendar for one run, remembering the years it was asked about but does not
/// cover. Such a date is judged by the weekend alone, and the user hears of it once per
/// calendar, on standard error, not as a finding (spec §4.5, §6.1). The library never
/// prints: the command reads `uncoveredYears` (or `notes(for:)`) after evaluation.
///
/// The check costs one `covers(year:)` per lookup; the lock is taken only for a year the
/// calendar does not cover, which real plans almost never ask about.
public final class WatchedCalendar: WorkingCalendar {
    public let base: any WorkingCalendar
    /// The calendar file it was read from; nil for a built-in calendar.
    public let file: String?
    private let missed = Mutex<Set<Int>>([])

    public init(_ base: any WorkingCalendar, file: String? = nil) {
        self.base = base
        self.file = file
    }

    public var name: String { base.name }
    public func covers(year: Int) -> Bool { base.covers(year: year) }
    public func isWeekend(_ date: CivilDate) -> Bool { base.isWeekend(date) }

    public func specialDay(_ date: CivilDate) -> CalendarDay? {
        let year = date.year
        if !base.covers(year: year) { remember(year) }
        return base.specialDay(date)
    }

    public func specialDays(inYear year: Int) -> [CalendarDay] {
        if !base.covers(year: year) { remember(year) }
        return base.specialDays(inYear: year)
    }

    /// The years asked about that the calendar does not cover, sorted.
    public var uncoveredYears: [Int] { missed.withLock { $0.sorted() } }

    private func remember(_ year: Int) {
        missed.withLock { _ = $0.insert(year) }
    }

    /// One note per calendar that was asked about years it does not cover, in name order:
    /// "calendar 'vn' has no days off for 2101: dates in that year were judged by the
    /// weekend alone". Calendars that are not watched, or were never asked about such a
    /// year, give none; two instances of one calendar (one file read twice) give one note.
    public static func notes(for calendars: [any WorkingCalendar]) -> [Diagnostic] {
        struct Key: Hashable { var name: String; var file: String? }
        var years: [Key: Set<Int>] = [:]
        var seen = Set<ObjectIdentifier>()
        for case let watched as WatchedCalendar in calendars where seen.insert(ObjectIdentifier(watched)).inserted {
            let missed = watched.uncoveredYears
            if !missed.isEmpty { years[Key(name: watched.name, file: watched.file), default: []].formUnion(missed) }
        }
        let keys = years.keys.sorted { ($0.name, $0.file ?? "") < ($1.name, $1.file ?? "") }
        return keys.map { key in
            let missed = (years[key] ?? []).sorted()
            let list = missed.map(String.init).joined(separator: ", ")
            let those = missed.count > 1 ? LocalizedText(en: "those years", vi: "những năm đó") : LocalizedText(en: "that year", vi: "năm đó")
            return Diagnostic(
                .note, "calendar.year-not-covered", at: key.file.map { SourceLocation(file: $0) },
                LocalizedText(en: "calendar '\(key.name)' has no days off for \(list): dates in \(those.en) were judged by the weekend alone",
                              vi: "lịch '\(key.name)' không có ngày nghỉ của năm \(list): các ngày trong \(those.vi) chỉ được xét theo ngày nghỉ cuối tuần"),
                hint: key.file == nil ? nil : LocalizedText(
                    en: "list the days off of \(those.en) in the calendar file", vi: "ghi các ngày nghỉ của \(those.vi) vào tệp lịch"))
        }
    }
}
