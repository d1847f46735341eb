import Testing
@testable import Rules

private func day(_ iso: String) throws -> CivilDate {
    try #require(CivilDate.parseISO(Substring(iso)), "bad test date \(iso)")
}

/// Files in memory, so that loader tests say exactly what is on disk.
func memoryFileSystem(_ files: [String: String]) -> FileSystem {
    FileSystem(
        kind: { path in
            if files[path] != nil { return .file }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            return files.keys.contains { $0.hasPrefix(prefix) } ? .directory : .missing
        },
        list: { folder in
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            return Array(Set(files.keys.filter { $0.hasPrefix(prefix) }
                .map { String($0.dropFirst(prefix.count).prefix { $0 != "/" }) })).sorted()
        },
        read: { path in files[path].map { Array($0.utf8) } })
}

/// Loads `json` as `calendars/NAME.json`; the calendar, or the diagnostics' codes.
private func load(_ json: String, name: String = "tinh") -> (calendar: (any WorkingCalendar)?, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let file = "rules/calendars/\(name).json"
    let calendar = CalendarFileLoader.load(file: file, fileSystem: memoryFileSystem([file: json]), diagnostics: &diagnostics)
    return (calendar, diagnostics)
}

@Suite struct CalendarFileLoaderTests {
    /// A provincial day off on top of vn: the day is off, everything else is vn's.
    @Test func extendingAddsAProvincialDayOff() throws {
        let (calendar, problems) = load(#"{"calendar": "tinh", "extends": "vn", "source": "QĐ giả định", "notes": ["x"], "holidays": [{"date": "2026-03-10", "name": "Ngày giải phóng tỉnh"}]}"#)
        #expect(problems.isEmpty)
        let tinh = try #require(calendar)
        #expect(!tinh.isWorkingDay(try day("2026-03-10")))
        #expect(tinh.specialDay(try day("2026-03-10"))?.name.vi == "Ngày giải phóng tỉnh")
        #expect(tinh.specialDay(try day("2026-03-10"))?.provisional == false)
        #expect(tinh.isWorkingDay(try day("2026-01-10")))       // vn's make-up Saturday
        #expect(!tinh.isWorkingDay(try day("2026-02-17")))      // vn's Tết
        #expect(tinh.covers(year: 1900) && tinh.covers(year: 2100) && !tinh.covers(year: 2101))
        #expect(tinh.roll(try day("2026-03-10")).date == (try day("2026-03-11")))
    }

    /// The 2027 schedule typed in as announced (a made-up announcement): vn's computed days
    /// of 2027 are gone, the file's are not provisional, and Tết days keep their lunar labels.
    @Test func replacedYearIsTheFileAlone() throws {
        let json = #"""
        {"calendar": "vn", "extends": "vn", "replaceYears": [2027],
         "holidays": [
           {"date": "2027-01-01", "name": "Tết Dương lịch"},
           {"date": "2027-02-04", "name": "Tết Nguyên đán"}, {"date": "2027-02-05", "name": "Tết Nguyên đán"},
           {"date": "2027-02-08", "name": "Tết Nguyên đán"}, {"date": "2027-02-09", "name": "Tết Nguyên đán"},
           {"date": "2027-02-10", "name": "Nghỉ bù Tết", "kind": "day-off"},
           {"date": "2027-02-11", "name": "Nghỉ hoán đổi", "kind": "day-off"}],
         "workdays": [{"date": "2027-02-20", "name": "Làm bù cho 11/02"}]}
        """#
        let (calendar, problems) = load(json, name: "vn")
        #expect(problems.isEmpty, "\(problems)")
        let vn = try #require(calendar)
        let days = vn.specialDays(inYear: 2027)
        #expect(days.map(\.date.iso) == ["2027-01-01", "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09",
                                         "2027-02-10", "2027-02-11", "2027-02-20"])
        #expect(days.allSatisfy { !$0.provisional })
        #expect(days.map(\.kind) == [.holiday, .holiday, .holiday, .holiday, .holiday, .dayOff, .dayOff, .workday])
        #expect(vn.specialDay(try day("2027-02-08"))?.lunar == "3/1")
        #expect(vn.specialDay(try day("2027-02-04"))?.lunar == nil)     // 28/12: no computed holiday there
        // Computed 2027 days the file does not list are working days now.
        #expect(vn.isWorkingDay(try day("2027-04-16")))                 // computed Giỗ Tổ, not in this file
        #expect(vn.isWorkingDay(try day("2027-02-20")))
        // Other years are the built-in ones.
        #expect(!vn.isWorkingDay(try day("2026-04-27")))
        #expect(vn.specialDays(inYear: 2028).allSatisfy { $0.provisional })
    }

    @Test(arguments: [
        (#"{"extends": "vn", "options": {"cultureDay": true}}"#, "2026-11-24", false),
        (#"{"extends": "vn", "options": {"cultureDay": 2027}}"#, "2026-11-24", true),
        (#"{"extends": "vn", "options": {"cultureDay": 2027}}"#, "2027-11-24", false),
        (#"{"extends": "vn", "options": {"cultureDay": false}}"#, "2026-11-24", true),
        (#"{"extends": "vn"}"#, "2026-11-24", true),
    ])
    func cultureDaySwitch(json: String, date: String, working: Bool) throws {
        let (calendar, problems) = load(json)
        #expect(problems.isEmpty)
        #expect(try #require(calendar).isWorkingDay(try day(date)) == working)
    }

    @Test func cultureDayOnASaturdayGivesADayOffInLieu() throws {
        let calendar = try #require(load(#"{"extends": "vn", "options": {"cultureDay": true}}"#).calendar)
        #expect(calendar.specialDay(try day("2029-11-24"))?.kind == .holiday)
        #expect(calendar.specialDay(try day("2029-11-26"))?.kind == .dayOff)
        #expect(calendar.specialDay(try day("2026-11-24"))?.provisional == true)
    }

    @Test func standaloneCalendarKeepsItsOwnWeekendAndYears() throws {
        let (calendar, problems) = load(#"{"weekend": ["chủ nhật"], "holidays": [{"date": "15/08/2026"}], "years": [2026, 2027]}"#)
        #expect(problems.isEmpty)
        let office = try #require(calendar)
        #expect(office.isWorkingDay(try day("2026-08-01")))     // a Saturday
        #expect(!office.isWorkingDay(try day("2026-08-15")))
        #expect(office.specialDay(try day("2026-08-15"))?.name.vi == "Ngày nghỉ")
        #expect(office.covers(year: 2027) && !office.covers(year: 2028))
    }

    /// Every problem of a file at once, each where it stands.
    @Test(arguments: [
        (#"{"calendar": "other", "extends": "vn"}"#, ["calendar.name-mismatch"]),
        (#"{"extends": "vm"}"#, ["calendar.unknown"]),
        (#"{"extends": "vn", "weekend": ["sunday"]}"#, ["calendar.weekend-and-extends"]),
        (#"{"weekend": ["sat"]}"#, ["calendar.bad-weekday"]),
        (#"{"holidays": [{"date": "2026-02-30"}], "workdays": [{"date": "2026-03-04"}]}"#,
         ["calendar.bad-date", "calendar.workday-not-needed"]),
        (#"{"holidays": [{"date": "2026-03-04", "kind": "workday"}]}"#, ["rules.bad-value"]),
        (#"{"holidays": [{"date": "2026-03-04", "nme": "x"}]}"#, ["rules.unknown-key"]),
        (#"{"holidays": {"date": "2026-03-04"}}"#, ["rules.wrong-type"]),
        (#"{"replaceYears": [2027], "holidays": [{"date": "2027-01-01"}]}"#, ["calendar.replace-without-base"]),
        (#"{"extends": "vn", "replaceYears": [2027, 2028], "holidays": [{"date": "2027-01-01"}]}"#, ["calendar.empty-year"]),
        (#"{"extends": "vn", "replaceYears": [2027], "holidays": [{"date": "2027-01-01"}], "workdays": [{"date": "2027-02-10"}]}"#,
         ["calendar.workday-not-needed"]),
        (#"{"extends": "vn", "options": {"cultureDay": "yes"}}"#, ["rules.bad-value"]),
        (#"{"extends": "vn", "options": {"culture": true}}"#, ["rules.unknown-key"]),
        (#"{"options": {"cultureDay": true}}"#, ["calendar.options-without-vn"]),
        (#"{"extends": "vn", "years": ["2027"]}"#, ["rules.wrong-type"]),
        (#"{"extend": "vn"}"#, ["rules.unknown-key"]),
    ])
    func problems(json: String, codes: [String]) {
        let (calendar, problems) = load(json)
        #expect(calendar == nil)
        #expect(problems.map(\.code) == codes, "\(problems.map { $0.message.en })")
        #expect(problems.allSatisfy { $0.location?.file == "rules/calendars/tinh.json" })
    }

    @Test func messagesSayWhatWasExpected() {
        let typo = load(#"{"extend": "vn"}"#).diagnostics
        #expect(typo.first?.hint?.en == "did you mean 'extends'?")
        let date = load(#"{"holidays": [{"date": "2026-02-30"}]}"#).diagnostics
        #expect(date.first?.message.en == "'2026-02-30' is not a valid date: month 2 of 2026 has 28 days")
        #expect(date.first?.location?.line == 1)
        let culture = load(#"{"extends": "vn", "options": {"cultureDay": "yes"}}"#).diagnostics
        #expect(culture.first?.message.vi.contains("'yes'") == true)
        #expect(culture.first?.hint?.en == "\"cultureDay\": true makes 24/11 a day off from 2026")
    }

    @Test func unreadableAndBrokenFiles() {
        var diagnostics: [Diagnostic] = []
        #expect(CalendarFileLoader.load(file: "rules/calendars/x.json", fileSystem: memoryFileSystem([:]), diagnostics: &diagnostics) == nil)
        #expect(diagnostics.map(\.code) == ["rules.unreadable"])
        diagnostics = []
        let file = "rules/calendars/x.json"
        #expect(CalendarFileLoader.load(file: file, fileSystem: memoryFileSystem([file: "{\"extends\": \"vn\",}"]),
                                        diagnostics: &diagnostics) == nil)
        #expect(diagnostics.count == 1 && diagnostics[0].location?.file == file)
    }

    @Test func checkAllReadsEveryCalendarOfAFolder() {
        let fs = memoryFileSystem([
            "rules/plan.json": "{}",
            "rules/calendars/a.json": #"{"extends": "vn"}"#,
            "rules/calendars/b.json": #"{"extends": "vn", "holidays": [{"date": "2026-13-01"}]}"#,
            "rules/calendars/readme.txt": "not a calendar",
        ])
        var diagnostics: [Diagnostic] = []
        let files = CalendarFileLoader.checkAll(besideRules: "rules", fileSystem: fs, diagnostics: &diagnostics)
        #expect(files == ["rules/calendars/a.json", "rules/calendars/b.json"])
        #expect(diagnostics.map(\.code) == ["calendar.bad-date"])
        #expect(CalendarFileLoader.checkAll(besideRules: "elsewhere", fileSystem: fs, diagnostics: &diagnostics).isEmpty)
    }

    @Test(arguments: [("rules/calendars/vn.json", "vn"), ("tinh-x.json", "tinh-x"), ("/a/b/lich", "lich")])
    func nameOfFile(file: String, name: String) {
        #expect(CalendarFileLoader.name(ofFile: file) == name)
    }
}
