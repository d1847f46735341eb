/// The Vietnamese lunisolar calendar (âm lịch), computed from astronomy at a fixed UTC offset.
///
/// The rules (those of the Chinese calendar since 1645, applied at Vietnam's time zone, as
/// Vietnam has done since 1968 in the North and 1975 nationwide):
/// - a month begins on the civil day, in the calendar's time zone, of a new moon;
/// - month 11 is the month that contains the winter solstice (the Sun at 270°);
/// - when 13 months lie between two months 11, the first of them (after month 11) that
///   contains no principal solar term (the Sun entering a multiple of 30°) is the leap
///   month and repeats the number of the month before it.
///
/// The time zone matters: China computes the same rules at UTC+8, and the two calendars
/// disagree in some years (Tết in 1968, 1969, 1985, 2007, 2030, 2053; 10/3 in 1975, 2009,
/// 2037, 2038, 2085, 2086, 2095), which is why this is not a Chinese-calendar library.
///
/// The astronomy is in `Astronomy` (Meeus, *Astronomical Algorithms*, ch. 49 and 25); the
/// month-numbering method follows Hồ Ngọc Đức, "Thuật toán tính âm lịch" (2003), which
/// implements the rules above. Every month start and leap month of lunar years 1898–2101
/// agrees with an independent computation (PyEphem) at both UTC+7 and UTC+8, except month 6
/// of 1967, whose new moon fell within seconds of midnight at UTC+7; Tết and Giỗ Tổ agree
/// with published tables for 1901–2099. Vietnam used UTC+8 before 1968; this calendar uses
/// its UTC offset for every year. Outside roughly 1800–2200 the ΔT model, and so the result,
/// becomes unreliable.
public struct LunarCalendar: Sendable {
    /// The time zone the new moons and solar terms are dated in, as minutes east of UTC.
    public let utcOffsetMinutes: Int

    public init(utcOffsetMinutes: Int = 7 * 60) {
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Vietnam's calendar, computed at UTC+7.
    public static let vietnam = LunarCalendar()

    // MARK: - Conversions

    /// The lunar date of a civil date.
    public func lunarDate(of date: CivilDate) -> LunarDate {
        let day = date.dayNumber
        let k = lunation(containing: day)
        let year = date.year
        var span = sui(closingInYear: year)
        // The months from the one containing this year's solstice on belong to the next span.
        if k >= span.first + span.count { span = sui(closingInYear: year + 1) }
        if k < span.first { span = sui(closingInYear: year - 1) }
        let month = span.month(at: k - span.first)
        return LunarDate(year: month.year, month: month.number, day: Int(day - newMoonDay(lunation: k)) + 1,
                         isLeapMonth: month.isLeap)
    }

    /// The civil date of a lunar date; nil when that date does not exist (a leap month the
    /// year does not have, day 30 of a 29-day month, a month outside 1…12).
    public func solarDate(of lunar: LunarDate) -> CivilDate? {
        guard (1...12).contains(lunar.month), (1...30).contains(lunar.day) else { return nil }
        // Months 11 and 12 of lunar year Y lie in the span closed by the solstice of Y + 1.
        let span = sui(closingInYear: lunar.month >= 11 ? lunar.year + 1 : lunar.year)
        for index in 0..<span.count {
            let month = span.month(at: index)
            guard month.year == lunar.year, month.number == lunar.month, month.isLeap == lunar.isLeapMonth else { continue }
            let start = newMoonDay(lunation: span.first + index)
            let length = Int(newMoonDay(lunation: span.first + index + 1) - start)
            guard lunar.day <= length else { return nil }
            return CivilDate(dayNumber: start + Int32(lunar.day - 1))
        }
        return nil
    }

    /// Tết Nguyên đán: day 1 of month 1 of lunar year `year`.
    public func newYear(ofLunarYear year: Int) -> CivilDate {
        let span = sui(closingInYear: year)
        return CivilDate(dayNumber: newMoonDay(lunation: span.first + span.indexOfFirstMonth))
    }

    /// The months of lunar year `year`, 12 or 13 of them, from month 1 to month 12.
    public func months(ofLunarYear year: Int) -> [LunarMonth] {
        let spans = [sui(closingInYear: year), sui(closingInYear: year + 1)]
        var months: [LunarMonth] = []
        for span in spans {
            for index in 0..<span.count {
                let month = span.month(at: index)
                guard month.year == year else { continue }
                let start = newMoonDay(lunation: span.first + index)
                let end = newMoonDay(lunation: span.first + index + 1)
                months.append(LunarMonth(year: year, month: month.number, isLeap: month.isLeap,
                                         start: CivilDate(dayNumber: start), length: Int(end - start)))
            }
        }
        return months
    }

    /// The leap month of lunar year `year` (its number), or nil in a 12-month year.
    public func leapMonth(ofLunarYear year: Int) -> Int? {
        months(ofLunarYear: year).first(where: \.isLeap)?.month
    }

    // MARK: - Astronomy in local civil days

    /// The civil day (in this calendar's time zone) of the new moon with lunation number `k`.
    func newMoonDay(lunation k: Int) -> Int32 {
        let jde = Astronomy.newMoon(lunation: k)
        let universal = jde - Astronomy.deltaTDays(atJulianDay: jde)
        let local = universal + Double(utcOffsetMinutes) / 1440 - Astronomy.julianDayOfUnixEpoch
        return Int32(local.rounded(.down))
    }

    /// Which 30° sector (0…11) of the ecliptic the Sun is in at the local midnight that
    /// begins `day`: a month holds a principal term exactly when the sector at its first
    /// day differs from the sector at the first day of the next month.
    func sunSector(atStartOf day: Int32) -> Int {
        let universal = Double(day) + Astronomy.julianDayOfUnixEpoch - Double(utcOffsetMinutes) / 1440
        let jde = universal + Astronomy.deltaTDays(atJulianDay: universal)
        return min(11, Int(Astronomy.sunLongitude(jde: jde) / 30))
    }

    /// The lunation whose month contains `day`.
    func lunation(containing day: Int32) -> Int {
        // Day 10 962 is 2000-01-06, the new moon of lunation 0; the mean month gives a
        // guess that is at most one lunation off, which the loops correct.
        var k = Int((Double(day - 10_962) / 29.530588861).rounded(.down))
        while newMoonDay(lunation: k + 1) <= day { k += 1 }
        while newMoonDay(lunation: k) > day { k -= 1 }
        return k
    }

    /// The lunation of month 11 of the lunar year ending around Gregorian `year`: the month
    /// that contains that year's December solstice.
    func month11Lunation(gregorianYear year: Int) -> Int {
        let december31 = CivilDate(validYear: year, month: 12, day: 31)
        let k = lunation(containing: december31.dayNumber)
        // Past 270° already when that month began: the solstice fell in the month before.
        return sunSector(atStartOf: newMoonDay(lunation: k)) >= 9 ? k - 1 : k
    }

    /// The months from month 11 of `year − 1` up to (not including) month 11 of `year`.
    func sui(closingInYear year: Int) -> Sui {
        let first = month11Lunation(gregorianYear: year - 1)
        let next = month11Lunation(gregorianYear: year)
        var leapIndex: Int?
        if next - first == 13 {
            var sector = sunSector(atStartOf: newMoonDay(lunation: first + 1))
            for index in 1...12 {
                let following = sunSector(atStartOf: newMoonDay(lunation: first + index + 1))
                if following == sector { leapIndex = index; break }
                sector = following
            }
        }
        return Sui(year: year, first: first, count: next - first, leapIndex: leapIndex)
    }

    /// A suì: the 12 or 13 months between two months 11, numbered 11, 12, 1, …, 10.
    struct Sui {
        /// The Gregorian year whose December solstice ends the span; months 1…10 of lunar
        /// year `year` lie inside it.
        let year: Int
        /// Lunation number of the first month (month 11 of lunar year `year − 1`).
        let first: Int
        let count: Int
        /// Position (1…12) of the leap month, when `count` is 13.
        let leapIndex: Int?

        /// Position of month 1 (Tết): after 11 and 12, and after a leap 11 or 12.
        var indexOfFirstMonth: Int {
            if let leapIndex, leapIndex <= 2 { return 3 }
            return 2
        }

        func month(at index: Int) -> (year: Int, number: Int, isLeap: Bool) {
            var ordinal = index
            if let leapIndex, index >= leapIndex { ordinal -= 1 }
            let number = (10 + ordinal) % 12 + 1
            return (ordinal < 2 ? year - 1 : year, number, index == leapIndex)
        }
    }
}
