import Synchronization

/// The built-in `vn` calendar: Saturday and Sunday off, Vietnam's public holidays for
/// 1900–2100 (spec §4.5, §6.1 "Calendars").
///
/// A year with an announced schedule (`VietnamSchedules`) uses it as announced; any other
/// year is computed from the Labour Code (`VietnamHolidays`) and its days are marked
/// provisional. A calendar file that `extends: vn` can add what a later announcement says.
///
/// Years are computed on first use and kept, behind a lock, so that constructing the
/// calendar costs nothing and one instance can serve every evaluation thread.
public final class VietnamCalendar: WorkingCalendar {
    /// The years the calendar knows; outside them a date is judged by the weekend alone.
    public static let years = 1900...2100

    /// Choices that change which days are off.
    public struct Options: Hashable, Sendable {
        /// The first year in which 24/11, Ngày Văn hóa Việt Nam, is a paid day off. Resolution
        /// 80-NQ/TW (2026) intends it, but the Labour Code amendment was not confirmed when
        /// this was written, so it is off (nil) by default and always provisional when on.
        public var cultureDayFrom: Int?

        public init(cultureDayFrom: Int? = nil) {
            self.cultureDayFrom = cultureDayFrom
        }
    }

    public let options: Options
    public let holidays: VietnamHolidays
    private let cache: Mutex<[YearTable?]>

    public init(options: Options = Options()) {
        self.options = options
        self.holidays = VietnamHolidays(lunar: .vietnam, cultureDayFrom: options.cultureDayFrom)
        self.cache = Mutex([YearTable?](repeating: nil, count: Self.years.count))
    }

    public var name: String { "vn" }

    public func covers(year: Int) -> Bool { Self.years.contains(year) }

    /// Whether `year`'s days are computed rather than announced.
    public func isProvisional(year: Int) -> Bool { covers(year: year) && VietnamSchedules.days(inYear: year) == nil }

    public func isWeekend(_ date: CivilDate) -> Bool { date.isoWeekday >= 6 }

    public func specialDay(_ date: CivilDate) -> CalendarDay? {
        guard let table = table(forYear: date.year) else { return nil }
        return table.day(date.dayNumber)
    }

    public func specialDays(inYear year: Int) -> [CalendarDay] {
        table(forYear: year)?.days ?? []
    }

    // MARK: - Per-year tables

    /// One year's special days, with their day numbers apart for a fast search.
    struct YearTable: Sendable {
        let days: [CalendarDay]
        let dayNumbers: [Int32]

        init(_ days: [CalendarDay]) {
            self.days = days
            self.dayNumbers = days.map(\.date.dayNumber)
        }

        func day(_ number: Int32) -> CalendarDay? {
            // Fifteen-odd sorted entries: a binary search touches four of them.
            var low = 0, high = dayNumbers.count
            while low < high {
                let mid = (low + high) / 2
                if dayNumbers[mid] < number { low = mid + 1 } else { high = mid }
            }
            return low < dayNumbers.count && dayNumbers[low] == number ? days[low] : nil
        }
    }

    private func table(forYear year: Int) -> YearTable? {
        guard covers(year: year) else { return nil }
        let index = year - Self.years.lowerBound
        return cache.withLock { tables in
            if let table = tables[index] { return table }
            let table = YearTable(computeDays(inYear: year))
            tables[index] = table
            return table
        }
    }

    /// The announced schedule when there is one, the statutory days otherwise; the pending
    /// culture day goes on top of either.
    func computeDays(inYear year: Int) -> [CalendarDay] {
        guard let announced = VietnamSchedules.days(inYear: year) else { return holidays.days(inYear: year) }
        let culture = holidays.culture(inYear: year).filter { day in !announced.contains { $0.date == day.date } }
        guard !culture.isEmpty else { return announced }
        let withCompensation = VietnamHolidays.addingCompensatoryDays(to: culture, keeping: announced)
        return (announced + withCompensation).sorted { $0.date < $1.date }
    }
}
