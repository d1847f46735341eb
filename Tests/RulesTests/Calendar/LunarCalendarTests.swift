import Testing
@testable import Rules

private func day(_ iso: String) throws -> CivilDate {
    try #require(CivilDate.parseISO(Substring(iso)), "bad test date \(iso)")
}

@Suite struct LunarCalendarTests {
    let vietnam = LunarCalendar.vietnam

    /// Tết, Giỗ Tổ and the leap month for every lunar year 1968–2099, against the verified table.
    @Test(arguments: LunarReferenceTable.vietnam)
    func matchesReference(row: (year: Int, tet: String, hungKings: String, leapMonth: Int?)) throws {
        let tet = try day(row.tet), hungKings = try day(row.hungKings)
        #expect(vietnam.newYear(ofLunarYear: row.year) == tet)
        #expect(vietnam.solarDate(of: LunarDate(year: row.year, month: 3, day: 10)) == hungKings)
        #expect(vietnam.leapMonth(ofLunarYear: row.year) == row.leapMonth)
        #expect(vietnam.lunarDate(of: tet) == LunarDate(year: row.year, month: 1, day: 1))
        #expect(vietnam.lunarDate(of: hungKings) == LunarDate(year: row.year, month: 3, day: 10))
        #expect(vietnam.lunarDate(of: tet.adding(days: -1)).year == row.year - 1)
    }

    @Test func referenceTableCoversEveryYear() {
        #expect(LunarReferenceTable.vietnam.map(\.year) == Array(1968...2099))
    }

    /// The domain page's vectors, written out again so a regenerated table cannot hide a change.
    @Test(arguments: [
        (2024, "2024-02-10", "2024-04-18"), (2025, "2025-01-29", "2025-04-07"), (2026, "2026-02-17", "2026-04-26"),
        (2027, "2027-02-06", "2027-04-16"), (2028, "2028-01-26", "2028-04-04"), (2029, "2029-02-13", "2029-04-23"),
        (2030, "2030-02-02", "2030-04-12"), (2031, "2031-01-23", "2031-04-01"), (2032, "2032-02-11", "2032-04-19"),
        (2033, "2033-01-31", "2033-04-09"), (2034, "2034-02-19", "2034-04-28"), (2035, "2035-02-08", "2035-04-17"),
    ])
    func domainVectors(year: Int, tet: String, hungKings: String) throws {
        #expect(vietnam.newYear(ofLunarYear: year) == (try day(tet)))
        #expect(vietnam.solarDate(of: LunarDate(year: year, month: 3, day: 10)) == (try day(hungKings)))
    }

    /// Where Vietnam (UTC+7) and China (UTC+8) differ, the same code at UTC+8 gives China's
    /// dates: the time zone, not the method, makes the difference.
    @Test(arguments: LunarReferenceTable.chinaDiffers)
    func chinaDiffersOnlyByTimeZone(row: (year: Int, tet: String, hungKings: String)) throws {
        let china = LunarCalendar(utcOffsetMinutes: 8 * 60)
        let chinaTet = try day(row.tet), chinaHungKings = try day(row.hungKings)
        #expect(china.newYear(ofLunarYear: row.year) == chinaTet)
        #expect(china.solarDate(of: LunarDate(year: row.year, month: 3, day: 10)) == chinaHungKings)
        let ours = vietnam.newYear(ofLunarYear: row.year) != chinaTet
            || vietnam.solarDate(of: LunarDate(year: row.year, month: 3, day: 10)) != chinaHungKings
        #expect(ours)
    }

    @Test func differingYearsAreTheKnownOnes() {
        let years = LunarReferenceTable.chinaDiffers.map(\.year)
        #expect(years == [1968, 1969, 1975, 1985, 2007, 2009, 2030, 2037, 2038, 2053, 2085, 2086, 2095])
    }

    /// Months chain without gaps, last 29 or 30 days, and convert both ways, 1900–2100.
    @Test func monthsAreConsistent() throws {
        for year in 1900...2100 {
            let months = vietnam.months(ofLunarYear: year)
            #expect(months.count == (vietnam.leapMonth(ofLunarYear: year) == nil ? 12 : 13), "year \(year)")
            #expect(months.first?.start == vietnam.newYear(ofLunarYear: year))
            let last = try #require(months.last)
            #expect(last.start.adding(days: last.length) == vietnam.newYear(ofLunarYear: year + 1), "year \(year)")
            for (month, next) in zip(months, months.dropFirst()) {
                #expect(month.start.adding(days: month.length) == next.start)
            }
            for month in months {
                #expect(month.length == 29 || month.length == 30)
                for dayOfMonth in [1, month.length] {
                    let lunar = LunarDate(year: year, month: month.month, day: dayOfMonth, isLeapMonth: month.isLeap)
                    let solar = try #require(vietnam.solarDate(of: lunar))
                    #expect(vietnam.lunarDate(of: solar) == lunar)
                }
            }
        }
    }

    @Test(arguments: [
        ("2023-03-22", LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true)),
        ("2023-03-21", LunarDate(year: 2023, month: 2, day: 30)),
        ("2033-12-22", LunarDate(year: 2033, month: 11, day: 1, isLeapMonth: true)),
        ("2034-01-20", LunarDate(year: 2033, month: 12, day: 1)),
        ("2026-02-16", LunarDate(year: 2025, month: 12, day: 29)),
        ("2025-07-25", LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true)),
        ("1985-01-21", LunarDate(year: 1985, month: 1, day: 1)),
        ("1900-01-31", LunarDate(year: 1900, month: 1, day: 1)),
        ("2100-12-31", LunarDate(year: 2100, month: 12, day: 1)),
    ])
    func knownConversions(iso: String, lunar: LunarDate) throws {
        let date = try day(iso)
        #expect(vietnam.lunarDate(of: date) == lunar)
        #expect(vietnam.solarDate(of: lunar) == date)
    }

    @Test(arguments: [
        LunarDate(year: 2024, month: 4, day: 1, isLeapMonth: true),  // 2024 has no leap month
        LunarDate(year: 2023, month: 3, day: 1, isLeapMonth: true),  // 2023's leap month is 2
        LunarDate(year: 2025, month: 12, day: 30),                   // tháng Chạp 2025 has 29 days
        LunarDate(year: 2026, month: 13, day: 1),
        LunarDate(year: 2026, month: 0, day: 1),
        LunarDate(year: 2026, month: 1, day: 0),
        LunarDate(year: 2026, month: 1, day: 31),
    ])
    func nonexistentDates(lunar: LunarDate) {
        #expect(vietnam.solarDate(of: lunar) == nil)
    }

    @Test func formatting() {
        #expect(LunarDate(year: 2026, month: 3, day: 10).dayMonth == "10/3")
        #expect(LunarDate(year: 2023, month: 2, day: 15, isLeapMonth: true).description == "15/2 nhuận/2023")
    }
}
