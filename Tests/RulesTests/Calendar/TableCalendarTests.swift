import Testing
@testable import Rules

private func day(_ iso: String) throws -> CivilDate {
    try #require(CivilDate.parseISO(Substring(iso)), "bad test date \(iso)")
}

private func entry(_ iso: String, _ name: String? = nil, line: Int? = nil) throws -> TableCalendar.Entry {
    TableCalendar.Entry(date: try day(iso), name: name, location: line.map { SourceLocation(file: "calendars/x.json", line: $0) })
}

@Suite struct TableCalendarTests {
    @Test func standaloneCalendarCoversTheYearsItMentions() throws {
        let calendar = try TableCalendar(name: "office", basis: .standalone(weekend: [.saturday, .sunday]),
                                         holidays: [try entry("2026-02-16", "Tết Nguyên đán")],
                                         workdays: [try entry("2026-01-10")])
        #expect(calendar.name == "office")
        #expect(calendar.covers(year: 2026) && !calendar.covers(year: 2027))
        #expect(!calendar.isWorkingDay(try day("2026-02-16")))
        #expect(calendar.isWorkingDay(try day("2026-01-10")))
        #expect(!calendar.isWorkingDay(try day("2026-01-11")))
        #expect(calendar.specialDays(inYear: 2026).map(\.date.iso) == ["2026-01-10", "2026-02-16"])
        #expect(calendar.specialDay(try day("2026-01-10"))?.name.vi == "Ngày làm bù")
        #expect(calendar.specialDay(try day("2026-02-16"))?.name == LocalizedText(verbatim: "Tết Nguyên đán"))
    }

    @Test func otherWeekends() throws {
        let friday = try TableCalendar(name: "fri", basis: .standalone(weekend: [.friday]), holidays: [], workdays: [])
        #expect(friday.isWeekend(try day("2026-01-02")))
        #expect(!friday.isWeekend(try day("2026-01-03")))
        let none = try TableCalendar(name: "all", basis: .standalone(weekend: []), holidays: [], workdays: [])
        #expect(none.isWorkingDay(try day("2026-01-04")))
    }

    /// A file that extends vn with the (hypothetical) 2027 announcement: Friday 12/2 off,
    /// the computed Thursday 11/2 worked instead.
    @Test func extendingVietnamCorrectsComputedDays() throws {
        let vn = VietnamCalendar()
        let calendar = try TableCalendar(name: "vn-2027", basis: .extending(vn),
                                         holidays: [try entry("2027-02-12", "Tết Nguyên đán")],
                                         workdays: [try entry("2027-02-11", "Làm việc")])
        #expect(calendar.covers(year: 2050) && !calendar.covers(year: 2101))
        #expect(!calendar.isWorkingDay(try day("2027-02-12")))
        #expect(calendar.isWorkingDay(try day("2027-02-11")))
        #expect(!calendar.isWorkingDay(try day("2027-02-10")))   // still the base's day in lieu
        #expect(calendar.isWorkingDay(try day("2026-01-10")))    // base make-up Saturday
        #expect(calendar.isWeekend(try day("2027-02-13")))
        let february = calendar.specialDays(inYear: 2027).filter { $0.date.month == 2 }
        #expect(february.map(\.date.iso) == ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                                             "2027-02-10", "2027-02-11", "2027-02-12"])
        #expect(february.map(\.provisional) == [true, true, true, true, true, true, false, false])
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let holidays = [try entry("2026-02-16", line: 3), try entry("2026-02-16", line: 4), try entry("2026-01-10", line: 5)]
        let workdays = [try entry("2026-01-10", line: 8), try entry("2026-01-12", line: 9)]
        do {
            _ = try TableCalendar(name: "bad", basis: .standalone(weekend: Set(Weekday.allCases)),
                                  holidays: holidays, workdays: workdays)
            Issue.record("expected an error")
        } catch {
            let codes = error.diagnostics.map(\.code)
            #expect(codes == ["calendar.duplicate-date", "calendar.conflicting-date", "calendar.no-working-days"])
            #expect(error.diagnostics[0].location?.line == 4)
            #expect(error.diagnostics[0].message.en == "'2026-02-16' is listed twice (calendars/x.json:3)")
            #expect(error.diagnostics[1].message.vi.contains("ngày 10/01/2026 "))
        }
        // A Monday made a workday in a Saturday/Sunday calendar does nothing: an error.
        let monday = [try entry("2026-01-12", line: 9)]
        do {
            _ = try TableCalendar(name: "bad", basis: .standalone(weekend: [.saturday, .sunday]), holidays: [],
                                  workdays: monday)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["calendar.workday-not-needed"])
            #expect(error.diagnostics[0].message.en == "workday '2026-01-12' is a Monday, already a working day")
            #expect(error.diagnostics[0].message.vi == "ngày làm bù 12/01/2026 là thứ Hai, vốn đã là ngày làm việc")
            #expect(error.diagnostics[0].hint != nil)
        }
    }

    /// A date listed twice says what both entries are, in both languages, with the Vietnamese
    /// date in the Vietnamese text.
    @Test(arguments: [
        (CalendarDay.Kind.holiday, CalendarDay.Kind.dayOff, false, "calendar.conflicting-date",
         "'2026-02-16' is listed both as a holiday (holidays) and as a day off (holidays, kind day-off) (calendars/x.json:3)",
         "ngày 16/02/2026 vừa được ghi là ngày lễ (holidays) vừa được ghi là ngày nghỉ (holidays, kind day-off) (calendars/x.json:3)"),
        (.dayOff, .holiday, false, "calendar.conflicting-date",
         "'2026-02-16' is listed both as a day off (holidays, kind day-off) and as a holiday (holidays) (calendars/x.json:3)",
         "ngày 16/02/2026 vừa được ghi là ngày nghỉ (holidays, kind day-off) vừa được ghi là ngày lễ (holidays) (calendars/x.json:3)"),
        (.holiday, .workday, true, "calendar.conflicting-date",
         "'2026-02-16' is listed both as a holiday (holidays) and as a make-up workday (workdays) (calendars/x.json:3)",
         "ngày 16/02/2026 vừa được ghi là ngày lễ (holidays) vừa được ghi là ngày làm bù (workdays) (calendars/x.json:3)"),
        (.dayOff, .workday, true, "calendar.conflicting-date",
         "'2026-02-16' is listed both as a day off (holidays, kind day-off) and as a make-up workday (workdays) (calendars/x.json:3)",
         "ngày 16/02/2026 vừa được ghi là ngày nghỉ (holidays, kind day-off) vừa được ghi là ngày làm bù (workdays) (calendars/x.json:3)"),
        (.dayOff, .dayOff, false, "calendar.duplicate-date",
         "'2026-02-16' is listed twice (calendars/x.json:3)",
         "ngày 16/02/2026 được liệt kê hai lần (calendars/x.json:3)"),
    ])
    func aDateListedTwiceSaysWhatTheEntriesAre(first: CalendarDay.Kind, second: CalendarDay.Kind, secondIsWorkday: Bool,
                                               code: String, en: String, vi: String) throws {
        var holidays = [TableCalendar.Entry(date: try day("2026-02-16"), location: SourceLocation(file: "calendars/x.json", line: 3),
                                            kind: first)]
        var workdays: [TableCalendar.Entry] = []
        let again = TableCalendar.Entry(date: try day("2026-02-16"), location: SourceLocation(file: "calendars/x.json", line: 4),
                                        kind: secondIsWorkday ? nil : second)
        if secondIsWorkday { workdays.append(again) } else { holidays.append(again) }
        do {
            // Sunday off only: 2026-02-16 (a Monday) could be a workday only if it were off.
            _ = try TableCalendar(name: "x", basis: .standalone(weekend: [.sunday, .monday]), holidays: holidays, workdays: workdays)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.code) == [code])
            #expect(error.diagnostics.first?.message.en == en)
            #expect(error.diagnostics.first?.message.vi == vi)
            #expect(error.diagnostics.first?.location?.line == 4)
        }
    }

    @Test(arguments: [("saturday", Weekday.saturday), ("Sunday", .sunday), ("thứ bảy", .saturday),
                      ("Thứ  7", .saturday), ("th\u{1B0}\u{301} ba\u{309}y", .saturday), ("chủ nhật", .sunday), ("thứ hai", .monday), ("thứ 2", .monday)])
    func weekdayNames(name: String, weekday: Weekday) {
        #expect(Weekday(name: name) == weekday)
    }

    @Test(arguments: ["sat", "", "thứ 8", "thứ 1", "weekend"])
    func unknownWeekdayNames(name: String) {
        #expect(Weekday(name: name) == nil)
    }

    @Test func declaredYearsAndCalendarLevelLocation() throws {
        let calendar = try TableCalendar(name: "x", basis: .standalone(weekend: [.sunday]), holidays: [], workdays: [],
                                         coveredYears: [2026, 2027])
        #expect(calendar.covers(year: 2027) && !calendar.covers(year: 2028))
        let file = SourceLocation(file: "calendars/x.json", line: 2, column: 14)
        #expect(throws: DiagnosticsError.self) {
            try TableCalendar(name: "x", basis: .standalone(weekend: Set(Weekday.allCases)), holidays: [], workdays: [],
                              location: file)
        }
        do {
            _ = try TableCalendar(name: "x", basis: .standalone(weekend: Set(Weekday.allCases)), holidays: [], workdays: [],
                                  location: file)
        } catch {
            #expect(error.diagnostics.map(\.location) == [file])
            #expect(error.diagnostics[0].message.en == "calendar 'x' makes every day of the week a weekend day")
        }
    }
}
