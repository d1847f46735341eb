import Testing
@testable import Rules

private func day(_ iso: String) throws -> CivilDate {
    try #require(CivilDate.parseISO(Substring(iso)), "bad test date \(iso)")
}

/// The announced schedules, day by day: every weekday off, every make-up Saturday, and
/// every other day of the year judged by the weekend alone.
@Suite struct VietnamCalendarTests {
    let vn = VietnamCalendar()

    static let schedules: [(year: Int, weekdaysOff: [String], makeUpSaturdays: [String], weekendHolidays: [String])] = [
        (2025,
         ["2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
          "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"],
         ["2025-04-26"], []),
        (2026,
         ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
          "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"],
         ["2026-01-10", "2026-08-22"], ["2026-04-26"]),
    ]

    @Test(arguments: schedules)
    func announcedYearDayByDay(schedule: (year: Int, weekdaysOff: [String], makeUpSaturdays: [String], weekendHolidays: [String])) throws {
        let off = Set(try schedule.weekdaysOff.map(day))
        let makeUp = Set(try schedule.makeUpSaturdays.map(day))
        var date = CivilDate.firstDay(ofYear: schedule.year, month: 1)
        let end = CivilDate.lastDay(ofYear: schedule.year, month: 12)
        while date <= end {
            let weekday = Weekday(date)
            let expected = makeUp.contains(date) || (weekday < .saturday && !off.contains(date))
            #expect(vn.isWorkingDay(date) == expected, "\(date.iso) (\(weekday.name))")
            date = date.adding(days: 1)
        }
        for saturday in makeUp { #expect(Weekday(saturday) == .saturday) }
        for weekday in off { #expect(Weekday(weekday) < .saturday) }

        let listed = Set(vn.specialDays(inYear: schedule.year).map(\.date))
        let weekendHolidays = Set(try schedule.weekendHolidays.map(day))
        #expect(listed == off.union(makeUp).union(weekendHolidays))
        #expect(vn.specialDays(inYear: schedule.year).allSatisfy { !$0.provisional })
        #expect(!vn.isProvisional(year: schedule.year))
    }

    @Test func kindsNamesAndLunarDates2026() throws {
        let tet = try #require(vn.specialDay(try day("2026-02-17")))
        #expect(tet.kind == .holiday && tet.name.vi == "Tết Nguyên đán" && tet.lunar == "1/1")
        #expect(vn.specialDay(try day("2026-02-16"))?.lunar == "29/12")
        let hungKings = try #require(vn.specialDay(try day("2026-04-26")))
        #expect(hungKings.kind == .holiday && hungKings.lunar == "10/3" && hungKings.name.en == "Hùng Kings' Commemoration Day")
        let inLieu = try #require(vn.specialDay(try day("2026-04-27")))
        #expect(inLieu.kind == .dayOff && inLieu.name.vi == "Nghỉ bù Giỗ Tổ Hùng Vương")
        let swapped = try #require(vn.specialDay(try day("2026-01-02")))
        #expect(swapped.kind == .dayOff && swapped.name.vi.contains("10/01/2026"))
        let makeUp = try #require(vn.specialDay(try day("2026-01-10")))
        #expect(makeUp.kind == .workday && makeUp.name.en.contains("02/01/2026"))
        #expect(vn.specialDay(try day("2026-03-02")) == nil)
    }

    /// The lunar labels typed into the announced schedules agree with the lunar calendar.
    @Test(arguments: [2025, 2026])
    func announcedLunarLabels(year: Int) {
        for special in vn.specialDays(inYear: year) {
            guard let label = special.lunar else { continue }
            #expect(LunarCalendar.vietnam.lunarDate(of: special.date).dayMonth == label, "\(special.date.iso)")
        }
    }

    // MARK: - Rolling deadlines (Civil Code art. 148(5))

    @Test(arguments: [
        ("2026-02-18", "2026-02-23"),  // in Tết 2026 → Monday after the block
        ("2026-02-14", "2026-02-23"),  // the Saturday that opens the block
        ("2026-04-26", "2026-04-28"),  // Giỗ Tổ (Sunday) → nghỉ bù Monday → Tuesday
        ("2026-04-30", "2026-05-04"),  // 30/4 Thursday, 1/5 Friday, weekend
        ("2026-01-10", "2026-01-10"),  // make-up Saturday is a working day
        ("2026-01-01", "2026-01-05"),  // Thursday 1/1, swapped Friday 2/1, weekend
        ("2026-08-29", "2026-09-03"),  // Saturday before the 31/8–2/9 block
        ("2025-01-25", "2025-02-03"),  // Tết 2025
        ("2025-04-26", "2025-04-26"),  // make-up Saturday 2025
        ("2026-03-03", "2026-03-03"),  // an ordinary Tuesday
    ])
    func rolls(from: String, to: String) throws {
        #expect(vn.roll(try day(from)).date == (try day(to)))
    }

    @Test func rollExplainsEachSkippedDay() throws {
        let rolled = vn.roll(try day("2026-04-26"))
        #expect(rolled.skipped.map(\.date) == [try day("2026-04-26"), try day("2026-04-27")])
        #expect(rolled.skipped.map { $0.reason?.kind } == [.holiday, .dayOff])
        let tet = vn.roll(try day("2026-02-20"))
        #expect(tet.skipped.map { $0.reason?.name.vi } == ["Tết Nguyên đán", nil, nil])
    }

    @Test func workingDayArithmeticAcrossTet() throws {
        #expect(vn.adding(workingDays: 1, after: try day("2026-02-13")) == (try day("2026-02-23")))
        #expect(vn.adding(workingDays: 5, after: try day("2026-02-12")) == (try day("2026-02-26")))
        #expect(vn.adding(workingDays: 10, after: try day("2026-02-09")) == (try day("2026-03-02")))
        #expect(vn.workingDays(from: try day("2026-02-01"), to: try day("2026-02-28")) == 15)
        #expect(vn.workingDays(from: try day("2026-01-01"), to: try day("2026-01-31")) == 21)
    }

    // MARK: - Computed years

    @Test func computedYearIsProvisional() throws {
        let days = vn.specialDays(inYear: 2027)
        #expect(vn.isProvisional(year: 2027) && !days.isEmpty && days.allSatisfy { $0.provisional })
        #expect(vn.covers(year: 1900) && vn.covers(year: 2100))
        #expect(!vn.covers(year: 1899) && !vn.covers(year: 2101))
        #expect(vn.specialDays(inYear: 2101).isEmpty)
        #expect(vn.specialDay(try day("2101-01-01")) == nil)
        #expect(vn.isWorkingDay(try day("2101-01-03")))   // a Monday: weekend rule only
        #expect(!vn.isWorkingDay(try day("2101-01-01")))  // a Saturday
    }

    /// 2027: Tết falls on Saturday 6/2, so mùng 1 and mùng 2 give Wednesday and Thursday off.
    @Test func computed2027() throws {
        let expected: [(String, CalendarDay.Kind, String?)] = [
            ("2027-01-01", .holiday, nil),
            ("2027-02-05", .holiday, "29/12"), ("2027-02-06", .holiday, "1/1"), ("2027-02-07", .holiday, "2/1"),
            ("2027-02-08", .holiday, "3/1"), ("2027-02-09", .holiday, "4/1"),
            ("2027-02-10", .dayOff, nil), ("2027-02-11", .dayOff, nil),
            ("2027-04-16", .holiday, "10/3"), ("2027-04-30", .holiday, nil), ("2027-05-01", .holiday, nil),
            ("2027-05-03", .dayOff, nil),
            ("2027-09-02", .holiday, nil), ("2027-09-03", .holiday, nil),
        ]
        let days = vn.specialDays(inYear: 2027)
        #expect(days.map(\.date.iso) == expected.map(\.0))
        #expect(days.map(\.kind) == expected.map(\.1))
        #expect(days.map(\.lunar) == expected.map(\.2))
        #expect(vn.specialDay(try day("2027-05-03"))?.name.vi == "Nghỉ bù Ngày Quốc tế Lao động")
    }

    // MARK: - The pending culture day

    @Test func cultureDayIsOffByDefault() throws {
        #expect(vn.isWorkingDay(try day("2026-11-24")))
        let withCulture = VietnamCalendar(options: .init(cultureDayFrom: 2026))
        let culture = try #require(withCulture.specialDay(try day("2026-11-24")))
        #expect(culture.kind == .holiday && culture.provisional && culture.name.vi == "Ngày Văn hóa Việt Nam")
        // The rest of the announced year stays as announced.
        #expect(withCulture.specialDays(inYear: 2026).filter { !$0.provisional }.count == vn.specialDays(inYear: 2026).count)
        #expect(withCulture.isWorkingDay(try day("2025-11-24")))
        // 24/11/2029 is a Saturday: Monday 26/11 is the day off in lieu.
        #expect(withCulture.specialDay(try day("2029-11-26"))?.kind == .dayOff)
    }

    // MARK: - Sharing

    @Test func concurrentReadersSeeOneTable() async {
        let calendar = VietnamCalendar()
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { (1990...2040).reduce(0) { $0 + calendar.specialDays(inYear: $1).count } }
            }
            var all: [Int] = []
            for await count in group { all.append(count) }
            return all
        }
        #expect(Set(counts).count == 1)
    }
}
