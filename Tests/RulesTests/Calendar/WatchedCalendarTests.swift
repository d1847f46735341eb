import Testing
@testable import Rules

private func day(_ iso: String) throws -> CivilDate {
    try #require(CivilDate.parseISO(Substring(iso)), "bad test date \(iso)")
}

@Suite struct WatchedCalendarTests {
    @Test func remembersOnlyUncoveredYears() throws {
        let vn = WatchedCalendar(BuiltInCalendars.vietnam)
        _ = vn.roll(try day("2026-02-17"))
        _ = vn.adding(workingDays: 3, after: try day("2100-12-30"))   // runs into 2101
        _ = vn.isWorkingDay(try day("1899-12-31"))
        #expect(vn.uncoveredYears == [1899, 2101])
        // The answers are the base calendar's: outside its years, the weekend alone.
        #expect(vn.roll(try day("2101-01-01")).date == (try day("2101-01-03")))
        #expect(vn.roll(try day("2026-02-17")).date == BuiltInCalendars.vietnam.roll(try day("2026-02-17")).date)
        #expect(vn.name == "vn" && vn.covers(year: 2026) && !vn.covers(year: 2101))
    }

    @Test func oneNotePerCalendar() throws {
        let office = try TableCalendar(name: "office", basis: .standalone(weekend: [.saturday, .sunday]),
                                       holidays: [TableCalendar.Entry(date: try day("2026-07-06"))], workdays: [])
        let first = WatchedCalendar(office, file: "rules/calendars/office.json")
        let second = WatchedCalendar(office, file: "rules/calendars/office.json")   // the same file, read for another plan
        let vn = WatchedCalendar(BuiltInCalendars.vietnam)
        let quiet = WatchedCalendar(BuiltInCalendars.vietnam)
        _ = first.roll(try day("2027-01-02"))
        _ = first.roll(try day("2027-01-09"))
        _ = second.roll(try day("2028-01-01"))
        _ = vn.roll(try day("2101-01-01"))
        _ = quiet.roll(try day("2026-01-01"))
        let notes = WatchedCalendar.notes(for: [vn, first, second, first, quiet, EveryDayCalendar()])
        #expect(notes.map(\.code) == ["calendar.year-not-covered", "calendar.year-not-covered"])
        #expect(notes.map(\.severity) == [.note, .note])
        #expect(notes[0].message.en == "calendar 'office' has no days off for 2027, 2028: dates in those years were judged by the weekend alone")
        #expect(notes[0].location?.file == "rules/calendars/office.json")
        #expect(notes[0].hint?.vi == "ghi các ngày nghỉ của những năm đó vào tệp lịch")
        #expect(notes[1].message.vi == "lịch 'vn' không có ngày nghỉ của năm 2101: các ngày trong năm đó chỉ được xét theo ngày nghỉ cuối tuần")
        #expect(notes[1].location == nil && notes[1].hint == nil)
        #expect(WatchedCalendar.notes(for: [quiet]).isEmpty)
    }

    @Test func sharedAcrossThreads() async throws {
        let vn = WatchedCalendar(BuiltInCalendars.vietnam)
        let start = try day("2099-06-01")
        let last = await withTaskGroup(of: CivilDate.self) { group in
            for offset in 0..<8 {
                group.addTask { vn.adding(workingDays: 200 + offset * 100, after: start) }
            }
            var last = start
            for await end in group { last = max(last, end) }
            return last
        }
        #expect(last.year > 2101)
        #expect(vn.uncoveredYears == Array(2101...last.year))
    }

    // MARK: - The break a weekend day belongs to

    @Test(arguments: [
        ("2026-02-21", "Tết Nguyên đán"),        // Saturday after the Tết weekdays
        ("2026-02-14", "Tết Nguyên đán"),        // Saturday before them
        ("2026-04-25", "Giỗ Tổ Hùng Vương"),     // Saturday before Giỗ Tổ on Sunday
        ("2026-05-02", "Ngày Quốc tế Lao động"), // Saturday after 30/4–1/5
        ("2026-08-29", "Quốc khánh"),            // Saturday before the swapped Monday 31/8
        ("2026-01-03", "Tết Dương lịch"),        // after 1/1 and the swapped Friday
    ])
    func weekendInABreak(date: String, holiday: String) throws {
        #expect(BuiltInCalendars.vietnam.holidayBreak(containing: try day(date))?.name.vi == holiday)
    }

    @Test(arguments: ["2026-03-07", "2026-02-17", "2026-02-23", "2026-01-10", "2026-04-27"])
    func noBreak(date: String) throws {
        // A plain weekend, a holiday itself, a working day, a make-up Saturday, a day in lieu.
        #expect(BuiltInCalendars.vietnam.holidayBreak(containing: try day(date)) == nil)
    }
}
