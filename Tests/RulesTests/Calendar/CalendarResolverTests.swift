import Testing
@testable import Rules

@Suite struct CalendarResolverTests {
    static let files = [
        "rules/plan.json": "{}",
        "rules/calendars/tinh.json": #"{"extends": "vn", "holidays": [{"date": "2026-03-10", "name": "Ngày của tỉnh"}]}"#,
        "rules/calendars/vn.json": #"{"holidays": [{"date": "2026-03-11"}]}"#,
        "rules/calendars/broken.json": #"{"extends": "vn", "holidays": [{"date": "10/13/2026"}]}"#,
        "other/lich.json": #"{"extends": "vn"}"#,
    ]
    let fs = memoryFileSystem(CalendarResolverTests.files)
    let usedAt = SourceLocation(file: "rules/plan.json", line: 6, column: 15, path: "$.calendar")

    private func resolve(_ name: String) -> ((any WorkingCalendar)?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let calendar = CalendarResolver.resolve(name, beside: "rules", fileSystem: fs, usedAt: usedAt, diagnostics: &diagnostics)
        return (calendar, diagnostics)
    }

    @Test func aFileBesideTheRulesComesFirst() throws {
        let (calendar, problems) = resolve("tinh")
        #expect(problems.isEmpty)
        let watched = try #require(calendar as? WatchedCalendar)
        #expect(watched.file == "rules/calendars/tinh.json")
        #expect(watched.base is TableCalendar)
        #expect(watched.name == "tinh")
    }

    /// `calendars/vn.json` without `extends` replaces the built-in calendar (spec §6.1).
    @Test func aFileNamedLikeABuiltInReplacesIt() throws {
        let vn = try #require(resolve("vn").0)
        #expect(!vn.isWorkingDay(try #require(CivilDate(year: 2026, month: 3, day: 11))))
        #expect(vn.isWorkingDay(try #require(CivilDate(year: 2026, month: 2, day: 17))))   // no Tết in the file
        #expect(!vn.covers(year: 2027))
    }

    @Test func builtInCalendarsAreWatchedToo() throws {
        var diagnostics: [Diagnostic] = []
        let calendar = CalendarResolver.resolve("vn", beside: "elsewhere", fileSystem: fs, usedAt: usedAt, diagnostics: &diagnostics)
        let watched = try #require(calendar as? WatchedCalendar)
        #expect(watched.base as? VietnamCalendar === BuiltInCalendars.vietnam)
        #expect(watched.file == nil)
        // Each resolution is its own watch, so that runs do not share notes.
        let again = CalendarResolver.resolve("vn", beside: "elsewhere", fileSystem: fs, usedAt: usedAt, diagnostics: &diagnostics)
        #expect((again as? WatchedCalendar) !== watched)
    }

    @Test(arguments: ["../secret", "a/b", ".hidden", ""])
    func pathsAreNotCalendarNames(name: String) {
        let (calendar, problems) = resolve(name)
        #expect(calendar == nil)
        #expect(problems.map(\.code) == ["rules.bad-calendar-name"])
        #expect(problems.first?.location == usedAt)
    }

    @Test func unknownNameSaysWhereItLooked() {
        let (calendar, problems) = resolve("vm")
        #expect(calendar == nil)
        #expect(problems.map(\.code) == ["rules.unknown-calendar"])
        #expect(problems.first?.message.en == "unknown calendar 'vm': no rules/calendars/vm.json and no built-in calendar of that name")
        #expect(problems.first?.hint?.en == "did you mean 'vn'?")
    }

    @Test func brokenFileGivesItsProblems() {
        let (calendar, problems) = resolve("broken")
        #expect(calendar == nil)
        #expect(problems.map(\.code) == ["calendar.bad-date"])
        #expect(problems.first?.location?.file == "rules/calendars/broken.json")
    }

    // MARK: - The command line's lookup

    @Test(arguments: [
        ("tinh", ["rules"], "rules/calendars/tinh.json"),
        ("tinh", ["rules/plan.json"], "rules/calendars/tinh.json"),
        ("tinh", ["missing", "rules/"], "rules/calendars/tinh.json"),
        ("other/lich.json", ["rules"], "other/lich.json"),
        ("vn", ["rules"], "rules/calendars/vn.json"),
        ("vn", ["other"], nil),
        ("none", ["rules"], nil),
    ])
    func lookupFinds(reference: String, rules: [String], file: String?) throws {
        let (lookup, warnings) = CalendarResolver.lookup(reference, rulesPaths: rules, fileSystem: fs)
        guard case .found(let calendar) = lookup else {
            Issue.record("expected a calendar for \(reference), got \(lookup)")
            return
        }
        #expect(calendar.file == file)
        #expect(warnings.isEmpty)
    }

    @Test func lookupTellsUnknownFromBroken() {
        let (unknown, _) = CalendarResolver.lookup("tinh-x", rulesPaths: ["rules"], fileSystem: fs)
        guard case .unknown(let problem) = unknown else { Issue.record("expected unknown"); return }
        #expect(problem.message.en.contains("no rules/calendars/tinh-x.json"))
        #expect(problem.hint?.en == "did you mean 'tinh'?")
        let (broken, _) = CalendarResolver.lookup("broken", rulesPaths: ["rules"], fileSystem: fs)
        guard case .broken(let problems) = broken else { Issue.record("expected broken"); return }
        #expect(problems.map(\.code) == ["calendar.bad-date"])
        let (missing, _) = CalendarResolver.lookup("no/such.json", rulesPaths: ["rules"], fileSystem: fs)
        guard case .broken(let unreadable) = missing else { Issue.record("expected broken"); return }
        #expect(unreadable.map(\.code) == ["rules.unreadable"])
    }

    /// The calendar files the loader read for the plans, each once whatever the spelling of
    /// the paths; built-in calendars are no files.
    @Test(arguments: [
        (["rules/a.json"], ["rules/calendars/tinh.json"]),
        (["rules"], ["rules/calendars/tinh.json", "rules/calendars/vn.json"]),
        (["rules/a.json", "./rules/b.json", "./rules/c.json"], ["rules/calendars/tinh.json", "./rules/calendars/vn.json"]),
        (["other/d.json"], []),
    ])
    func theLoaderListsTheCalendarFilesItRead(paths: [String], expected: [String]) {
        let plan = { (id: String, calendar: String) in
            #"{"plan": "\#(id)", "units": ["u"], "year": 2026, "calendar": "\#(calendar)", "rules": []}"#
        }
        let files = [
            "rules/a.json": plan("a", "tinh"), "rules/b.json": plan("b", "vn"), "rules/c.json": plan("c", "tinh"),
            "rules/calendars/tinh.json": #"{"extends": "vn"}"#, "rules/calendars/vn.json": #"{"extends": "vn"}"#,
            "other/d.json": plan("d", "none"),
        ]
        let fs = FileSystem(kind: { path in
            let clean = RulesLoader.samePath(path)
            if files[clean] != nil { return .file }
            return files.keys.contains { $0.hasPrefix(clean + "/") } ? .directory : .missing
        }, list: { folder in
            let prefix = RulesLoader.samePath(folder) + "/"
            return Array(Set(files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).prefix { $0 != "/" }) })).sorted()
        }, read: { files[RulesLoader.samePath($0)].map { Array($0.utf8) } })
        let result = RulesLoader.load(paths: paths, fileSystem: fs)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        #expect(result.calendarFiles == expected)
    }
}
