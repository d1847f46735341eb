/// The officially announced holiday schedules for civil servants (cán bộ, công chức, viên
/// chức), by year. An announced year replaces the computed statutory days of that year
/// completely: its Tết days, the day next to 2/9, the swapped working days (hoán đổi) and
/// the make-up Saturdays (làm bù) are the government's choices, not the rule's.
///
/// Source: the announcements as summarised in the project's domain notes (`vn-calendar.md`);
/// 2025 Tết per Thông báo 6150/TB-BLĐTBXH (2024). The 2026 Tết Dương lịch swap (Friday 2/1
/// off, Saturday 10/1 worked) rests on two news copies of the government's dispatch
/// (medium-high confidence).
///
/// A later announcement goes here (or into a calendar file that extends `vn`, until a
/// release carries it).
public enum VietnamSchedules {

    /// The announced special days of `year` in date order, or nil when none was announced.
    public static func days(inYear year: Int) -> [CalendarDay]? { byYear[year] }

    private static let byYear: [Int: [CalendarDay]] = [
        2025: [
            holiday(2025, 1, 1, VietnamHolidays.newYear),
            holiday(2025, 1, 27, VietnamHolidays.tet, lunar: "28/12"),
            holiday(2025, 1, 28, VietnamHolidays.tet, lunar: "29/12"),
            holiday(2025, 1, 29, VietnamHolidays.tet, lunar: "1/1"),
            holiday(2025, 1, 30, VietnamHolidays.tet, lunar: "2/1"),
            holiday(2025, 1, 31, VietnamHolidays.tet, lunar: "3/1"),
            holiday(2025, 4, 7, VietnamHolidays.hungKings, lunar: "10/3"),
            makeUp(2025, 4, 26, for: (2025, 5, 2)),
            holiday(2025, 4, 30, VietnamHolidays.reunification),
            holiday(2025, 5, 1, VietnamHolidays.labour),
            swapped(2025, 5, 2, madeUpOn: (2025, 4, 26)),
            holiday(2025, 9, 1, VietnamHolidays.nationalDay),
            holiday(2025, 9, 2, VietnamHolidays.nationalDay),
        ],
        2026: [
            holiday(2026, 1, 1, VietnamHolidays.newYear),
            swapped(2026, 1, 2, madeUpOn: (2026, 1, 10)),
            makeUp(2026, 1, 10, for: (2026, 1, 2)),
            holiday(2026, 2, 16, VietnamHolidays.tet, lunar: "29/12"),
            holiday(2026, 2, 17, VietnamHolidays.tet, lunar: "1/1"),
            holiday(2026, 2, 18, VietnamHolidays.tet, lunar: "2/1"),
            holiday(2026, 2, 19, VietnamHolidays.tet, lunar: "3/1"),
            holiday(2026, 2, 20, VietnamHolidays.tet, lunar: "4/1"),
            holiday(2026, 4, 26, VietnamHolidays.hungKings, lunar: "10/3"),
            CalendarDay(date: date(2026, 4, 27), kind: .dayOff, name: VietnamHolidays.compensatory(for: VietnamHolidays.hungKings)),
            holiday(2026, 4, 30, VietnamHolidays.reunification),
            holiday(2026, 5, 1, VietnamHolidays.labour),
            makeUp(2026, 8, 22, for: (2026, 8, 31)),
            swapped(2026, 8, 31, madeUpOn: (2026, 8, 22)),
            holiday(2026, 9, 1, VietnamHolidays.nationalDay),
            holiday(2026, 9, 2, VietnamHolidays.nationalDay),
        ],
    ]

    // MARK: - Building blocks

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(validYear: year, month: month, day: day)
    }

    private static func holiday(_ year: Int, _ month: Int, _ day: Int, _ name: LocalizedText,
                                lunar: String? = nil) -> CalendarDay {
        CalendarDay(date: date(year, month, day), kind: .holiday, name: name, lunar: lunar)
    }

    /// A working day given off in exchange for a Saturday worked (hoán đổi).
    private static func swapped(_ year: Int, _ month: Int, _ day: Int,
                                madeUpOn other: (Int, Int, Int)) -> CalendarDay {
        let saturday = date(other.0, other.1, other.2).vietnamese
        return CalendarDay(date: date(year, month, day), kind: .dayOff,
                           name: LocalizedText(en: "Swapped day off, worked on Saturday \(saturday)",
                                               vi: "Nghỉ hoán đổi, làm bù thứ Bảy \(saturday)"))
    }

    /// A Saturday worked to make up a swapped day off (làm bù).
    private static func makeUp(_ year: Int, _ month: Int, _ day: Int, for other: (Int, Int, Int)) -> CalendarDay {
        let dayOff = date(other.0, other.1, other.2).vietnamese
        return CalendarDay(date: date(year, month, day), kind: .workday,
                           name: LocalizedText(en: "Make-up working day for \(dayOff)",
                                               vi: "Làm bù cho ngày \(dayOff)"))
    }
}
