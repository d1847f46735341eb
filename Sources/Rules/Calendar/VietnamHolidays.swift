/// Vietnam's public holidays for one year as the law sets them, before any announced
/// schedule: Labour Code 2019 (Bộ luật Lao động 2019), art. 112, and the compensatory day
/// off of art. 111(3).
///
/// Every day this computes is `provisional`: the Prime Minister fixes the Tết days and the
/// day next to 2/9 each year, and the government adds swaps (hoán đổi) and make-up
/// Saturdays (làm bù) that no rule predicts; `VietnamSchedules` holds the announced years.
///
/// Years before 2021: the 2019 Code's set of days is applied to every year. The law was
/// different then (no Giỗ Tổ day off before 2007, four Tết days before 2013, 2/9 alone
/// before 2021, Saturdays worked before 1999), so these years are a projection of today's
/// law, marked provisional like any unannounced year, not a record of what was observed.
///
/// The choices the law leaves to the government, and the defaults taken here:
/// - Tết Nguyên đán, 5 days: the last day of the old lunar year (29 or 30 tháng Chạp) and
///   days 1–4 of the new one, the split most often announced (2021, 2023, 2024, 2026).
/// - Quốc khánh, 2/9 and one day next to it: the side that joins the holiday to a
///   weekend, as the announcements of 2021–2026 did. By the weekday of 2/9: Monday → 3/9
///   (2024), Tuesday → 1/9 (2025), Wednesday → 1/9 (2026, where neither side touches a
///   weekend), Thursday → 3/9 (2021), Friday → 1/9 (2022), Saturday → 1/9 (2023; 2/9 then
///   gives Monday 4/9 off), Sunday → 3/9 (2/9 then gives Tuesday 4/9 off: Saturday to
///   Tuesday, the same days as 1/9 would give).
/// - Art. 111(3): each holiday on a Saturday or Sunday gives the next day that is neither a
///   weekend day, a holiday nor an earlier compensatory day off. Two holidays on one date
///   (10/3 âm lịch fell on 30/4 in 1947) share the day and give no extra one, since the
///   article grants days only for holidays on a weekly day off.
public struct VietnamHolidays: Sendable {
    public var lunar: LunarCalendar
    /// The first year in which 24/11, Ngày Văn hóa Việt Nam, is a day off; nil when it is not.
    public var cultureDayFrom: Int?

    public init(lunar: LunarCalendar = .vietnam, cultureDayFrom: Int? = nil) {
        self.lunar = lunar
        self.cultureDayFrom = cultureDayFrom
    }

    // MARK: - Names

    public static let newYear = LocalizedText(en: "New Year's Day", vi: "Tết Dương lịch")
    public static let tet = LocalizedText(en: "Lunar New Year (Tết)", vi: "Tết Nguyên đán")
    public static let hungKings = LocalizedText(en: "Hùng Kings' Commemoration Day", vi: "Giỗ Tổ Hùng Vương")
    public static let reunification = LocalizedText(en: "Reunification Day", vi: "Ngày Chiến thắng")
    public static let labour = LocalizedText(en: "International Labour Day", vi: "Ngày Quốc tế Lao động")
    public static let nationalDay = LocalizedText(en: "National Day", vi: "Quốc khánh")
    public static let cultureDay = LocalizedText(en: "Vietnam Culture Day", vi: "Ngày Văn hóa Việt Nam")

    /// `Nghỉ bù Giỗ Tổ Hùng Vương`: the day off art. 111(3) gives for a holiday on a weekend.
    public static func compensatory(for holiday: LocalizedText) -> LocalizedText {
        LocalizedText(en: "Day off in lieu of \(holiday.en)", vi: "Nghỉ bù \(holiday.vi)")
    }

    // MARK: - Computation

    /// The statutory holidays of `year` and their compensatory days off, in date order,
    /// all provisional.
    public func days(inYear year: Int) -> [CalendarDay] {
        var holidays: [CalendarDay] = []
        func add(_ date: CivilDate, _ name: LocalizedText, lunar: String? = nil) {
            holidays.append(CalendarDay(date: date, kind: .holiday, name: name, lunar: lunar, provisional: true))
        }

        add(CivilDate(validYear: year, month: 1, day: 1), Self.newYear)

        let tet = lunar.newYear(ofLunarYear: year)
        let lastDayOfOldYear = tet.adding(days: -1)
        add(lastDayOfOldYear, Self.tet, lunar: lunar.lunarDate(of: lastDayOfOldYear).dayMonth)
        for offset in 0..<4 {
            add(tet.adding(days: offset), Self.tet, lunar: "\(offset + 1)/1")
        }

        if let hungKings = lunar.solarDate(of: LunarDate(year: year, month: 3, day: 10)) {
            add(hungKings, Self.hungKings, lunar: "10/3")
        }
        add(CivilDate(validYear: year, month: 4, day: 30), Self.reunification)
        add(CivilDate(validYear: year, month: 5, day: 1), Self.labour)

        let nationalDay = CivilDate(validYear: year, month: 9, day: 2)
        add(Self.dayNextToNationalDay(nationalDay), Self.nationalDay)
        add(nationalDay, Self.nationalDay)

        holidays.append(contentsOf: culture(inYear: year))
        return Self.addingCompensatoryDays(to: Self.merged(holidays), keeping: [])
    }

    /// 24/11 as a provisional holiday when the option covers `year`; empty otherwise.
    func culture(inYear year: Int) -> [CalendarDay] {
        guard let from = cultureDayFrom, year >= from else { return [] }
        return [CalendarDay(date: CivilDate(validYear: year, month: 11, day: 24), kind: .holiday,
                            name: Self.cultureDay, provisional: true)]
    }

    /// The day the government most likely joins to 2/9 (see the type's documentation).
    static func dayNextToNationalDay(_ nationalDay: CivilDate) -> CivilDate {
        switch Weekday(nationalDay) {
        case .monday, .thursday, .sunday: return nationalDay.adding(days: 1)
        case .tuesday, .wednesday, .friday, .saturday: return nationalDay.adding(days: -1)
        }
    }

    /// One entry per date: a second holiday on a date already taken joins its name.
    static func merged(_ days: [CalendarDay]) -> [CalendarDay] {
        var result: [CalendarDay] = []
        for day in days.sorted(by: { $0.date < $1.date }) {
            if let last = result.last, last.date == day.date {
                guard last.name != day.name else { continue }
                result[result.count - 1].name = LocalizedText(en: "\(last.name.en); \(day.name.en)",
                                                              vi: "\(last.name.vi); \(day.name.vi)")
                if result[result.count - 1].lunar == nil { result[result.count - 1].lunar = day.lunar }
            } else {
                result.append(day)
            }
        }
        return result
    }

    /// `holidays` (sorted, one per date) plus a compensatory day off for each one on a
    /// Saturday or Sunday (art. 111(3)); `existing` are days already off or worked that a
    /// compensatory day must not land on. Consecutive weekend holidays (a Tết block) get
    /// consecutive days after the block.
    static func addingCompensatoryDays(to holidays: [CalendarDay], keeping existing: [CalendarDay]) -> [CalendarDay] {
        var taken = Set(holidays.map(\.date.dayNumber))
        for day in existing { taken.insert(day.date.dayNumber) }
        var result = holidays
        for holiday in holidays where Weekday(holiday.date) >= .saturday {
            var candidate = holiday.date.adding(days: 1)
            while Weekday(candidate) >= .saturday || taken.contains(candidate.dayNumber) {
                candidate = candidate.adding(days: 1)
            }
            taken.insert(candidate.dayNumber)
            result.append(CalendarDay(date: candidate, kind: .dayOff, name: compensatory(for: holiday.name),
                                      provisional: holiday.provisional))
        }
        return result.sorted { $0.date < $1.date }
    }
}
