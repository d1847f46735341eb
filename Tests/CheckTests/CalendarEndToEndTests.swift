import Foundation
import Rules
import Testing

/// The working-day calendar through the built `check` binary: deadlines that fall on days
/// off get the verdict the law gives (Civil Code 2015, art. 148(5)), calendar files change
/// verdicts, and `check calendar` shows what the calendar knows.
@Suite(.serialized) struct CalendarEndToEndTests {
    static let deadlines = Binary.fixture("deadlines")
    static let province = Binary.fixture("province")

    /// The findings of one rule as `severity code due`, and the exit status of the run.
    static func findings(rules: String, asOf: String, rule: String, stdin: String? = nil) throws -> (status: Int32, lines: [String]) {
        var arguments = ["-r", rules, "--as-of", asOf, "-f", "json"]
        if stdin != nil { arguments.append("-") }
        let run = try Binary.run(arguments, stdin: stdin)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let all = try #require(object?["findings"] as? [[String: Any]], "\(run.stdout)\(run.stderr)")
        let lines = all.filter { $0["rule"] as? String == rule }.map { f in
            "\(f["severity"] as? String ?? "?") \(f["code"] as? String ?? "?") \(f["due"] as? String ?? "-")"
        }
        return (run.status, lines)
    }

    static func nextDay(_ iso: String) throws -> String {
        try #require(CivilDate.parseISO(Substring(iso))).adding(days: 1).iso
    }

    // MARK: - Deadlines on days off

    /// Each case is judged on the computed deadline (nothing is late yet) and the day after
    /// it (overdue): a task due in Tết 2026 → Monday 23/02; on Giỗ Tổ, Sunday 26/04 → past the
    /// Monday in lieu to Tuesday 28/04; on the swapped Friday 02/01 → Monday 05/01; on the
    /// make-up Saturday 10/01 → that Saturday itself.
    @Test(arguments: [
        ("tet", "2026-02-23"),
        ("gio-to", "2026-04-28"),
        ("swapped-friday", "2026-01-05"),
        ("make-up-saturday", "2026-01-10"),
    ])
    func deadlineOnADayOffGivesTheLawsVerdict(rule: String, due: String) throws {
        let on = try Self.findings(rules: Self.deadlines, asOf: due, rule: rule)
        #expect(on.lines == ["warning task-due-soon \(due)"])
        let after = try Self.findings(rules: Self.deadlines, asOf: try Self.nextDay(due), rule: rule)
        #expect(after.lines == ["violation task-overdue \(due)"])
        #expect(after.status == 1)

        // `check explain` judges the one rule: exit 0 on the deadline, 1 the day after.
        let explainOn = try Binary.run(["explain", rule, "-r", Self.deadlines, "--as-of", due])
        #expect(explainOn.status == 0, "\(explainOn.stdout)")
        let explainAfter = try Binary.run(["explain", rule, "-r", Self.deadlines, "--as-of", try Self.nextDay(due)])
        #expect(explainAfter.status == 1)
        #expect(explainAfter.stdout.contains("task-overdue"))
    }

    @Test func explainShowsEachDaySkipped() throws {
        let run = try Binary.run(["explain", "gio-to", "-r", Self.deadlines, "--as-of", "2026-04-29", "--lang", "vi"])
        #expect(run.stdout.contains("""
              thời hạn theo văn bản: '26/04/2026': hết ngày 26/04/2026 (Chủ nhật)
              không phải ngày làm việc theo lịch 'vn': theo Điều 148 khoản 5 Bộ luật Dân sự 2015, thời hạn chuyển sang ngày làm việc tiếp theo là 28/04/2026 (thứ Ba), bỏ qua 2 ngày nghỉ:
                26/04/2026 (Chủ nhật): Giỗ Tổ Hùng Vương (nghỉ lễ)
                27/04/2026 (thứ Hai): Nghỉ bù Giỗ Tổ Hùng Vương

            """), "\(run.stdout)")
        let tet = try Binary.run(["explain", "tet", "-r", Self.deadlines, "--as-of", "2026-02-24", "--lang", "vi"])
        #expect(tet.stdout.contains("    21/02/2026 (thứ Bảy): Tết Nguyên đán (nghỉ cuối tuần)\n"))
    }

    // MARK: - Working days after a period

    /// `within 3 working days after` a period that ends on Friday 13/02/2026: the Tết break
    /// (14/02–22/02) does not count, so the report is due Wednesday 25/02, not Monday 16/02.
    @Test func withinThreeWorkingDaysAfterAcrossTet() throws {
        #expect(try Self.findings(rules: Self.deadlines, asOf: "2026-02-25", rule: "snapshot").lines
                == ["warning report-due-soon 2026-02-25"])
        #expect(try Self.findings(rules: Self.deadlines, asOf: "2026-02-26", rule: "snapshot").lines
                == ["violation report-missing 2026-02-25"])
        let header = "unit,period,indicator,value,submitted,report\n"
        let onTime = try Self.findings(rules: Self.deadlines, asOf: "2026-03-02", rule: "snapshot",
                                       stdin: header + "xa-han,2026-02-13,,,2026-02-25,snapshot\n")
        #expect(onTime.lines.isEmpty)
        let late = try Self.findings(rules: Self.deadlines, asOf: "2026-03-02", rule: "snapshot",
                                     stdin: header + "xa-han,2026-02-13,,,2026-02-26,snapshot\n")
        #expect(late.lines == ["violation report-late 2026-02-25"])
        let explain = try Binary.run(["explain", "snapshot", "-r", Self.deadlines, "--as-of", "2026-02-26"])
        #expect(explain.stdout.contains("working day 3 after 2026-02-13 is 2026-02-25 (Wednesday); 9 days off in between not counted"))
    }

    // MARK: - Calendar files

    /// The same task due Tuesday 10/03/2026: a working day in `vn`, a provincial day off in
    /// `calendars/tinh.json` (which extends vn), so the province's deadline is Wednesday 11/03.
    @Test func aProvincialDayOffChangesTheVerdict() throws {
        #expect(try Self.findings(rules: Self.deadlines, asOf: "2026-03-11", rule: "province-day").lines
                == ["violation task-overdue 2026-03-10"])
        #expect(try Self.findings(rules: Self.province, asOf: "2026-03-11", rule: "province-day").lines
                == ["warning task-due-soon 2026-03-11"])
        #expect(try Self.findings(rules: Self.province, asOf: "2026-03-12", rule: "province-day").lines
                == ["violation task-overdue 2026-03-11"])
        let explain = try Binary.run(["explain", "province-day", "-r", Self.province, "--as-of", "2026-03-12"])
        #expect(explain.stdout.contains("2026-03-10 (Tuesday): Ngày giải phóng tỉnh, public holiday"))
    }

    /// A date outside a calendar's years: judged by the weekend alone, with one note on
    /// standard error for the calendar however many dates fall there.
    @Test func oneNotePerCalendarForYearsItDoesNotCover() throws {
        let run = try Binary.run(["-r", Binary.fixture("far-future"), "--as-of", "2027-02-01", "-f", "jsonl"])
        #expect(run.status == 1)
        let notes = run.stderr.components(separatedBy: "[calendar.year-not-covered]").count - 1
        #expect(notes == 1, "\(run.stderr)")
        #expect(run.stderr.contains("far-future/calendars/office.json: note: calendar 'office' has no days off for 2027: dates in that year were judged by the weekend alone"))
        #expect(run.stdout.contains(#""rule":"next-year","unit":"van-phong","indicator":"next-year","due":"2027-01-04""#))
        #expect(!run.stdout.contains("calendar.year-not-covered"))
        let quiet = try Binary.run(["-r", Binary.fixture("far-future"), "--as-of", "2027-02-01", "-q"])
        #expect(!quiet.stderr.contains("year-not-covered"))
        let covered = try Binary.run(["-r", Self.deadlines, "--as-of", "2026-07-01"])
        #expect(!covered.stderr.contains("year-not-covered"))
    }

    @Test func lintChecksCalendarsNoPlanUses() throws {
        let run = try Binary.run(["lint", Binary.fixture("lint-calendars")])
        #expect(run.status == 1)
        let stderr = EndToEndTests.portable(run.stderr)
        #expect(stderr.contains("lint-calendars/calendars/unused.json:5:14: error: $.holidays[0].date: '2026-02-30' is not a valid date"))
        #expect(stderr.contains("unused.json:8:5: error: $.workdays[0]: workday '2026-03-04' is a Wednesday, already a working day [calendar.workday-not-needed]"))
        #expect(stderr.contains("unused.json:10:3: error: $.option: unknown key 'option' in a calendar [rules.unknown-key]"))
        #expect(stderr.contains("hint: did you mean 'options'?"))
        let direct = try Binary.run(["lint", Binary.fixture("lint-calendars/calendars/unused.json"), "-f", "json"])
        #expect(direct.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 3)
        #expect(object?["calendars"] as? Int == 1)
        let clean = try Binary.run(["lint", Self.province])
        #expect(clean.status == 0)
        #expect(clean.stdout == "1 files, 1 plans, 1 rules, 0 report schedules, 1 calendar: no problems\n")
    }

    /// `calendars` counts every calendar file checked, each once, however it was reached:
    /// found in `calendars/` of a folder, named on the command line, or used by a plan of a
    /// single rules file. Paths are relative to the fixtures; `lint-calendars`' plan uses the
    /// built-in `vn`, which is no file.
    @Test(arguments: [
        (["province"], 1),
        (["province/tinh-2026.json"], 1),
        (["province", "province/tinh-2026.json"], 1),
        (["province/tinh-2026.json", "province/calendars/tinh.json"], 1),
        (["far-future/office-2026.json"], 1),
        (["far-future/office-2026.json", "province/tinh-2026.json"], 2),
        (["lint-calendars/plan.json"], 0),
        (["rules"], 0),
    ])
    func lintCountsEveryCalendarFileOnce(paths: [String], count: Int) throws {
        let arguments = ["lint"] + paths.map(Binary.fixture)
        let json = try Binary.run(arguments + ["-f", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["calendars"] as? Int == count, "\(json.stdout)")
        let text = try Binary.run(arguments)
        let summary = count == 0 ? "" : ", \(count) calendar\(count == 1 ? "" : "s")"
        #expect(text.stdout.hasSuffix("\(summary): no problems\n"), "\(text.stdout)")
    }

    // MARK: - check calendar

    @Test func calendarShowsAYear() throws {
        let en = try Binary.run(["calendar", "vn", "2026"])
        #expect(en.status == 0)
        #expect(en.stderr.isEmpty)
        try Golden.check(en.stdout, "calendar-vn-2026.text")
        let vi = try Binary.run(["calendar", "vn", "2027", "--lang", "vi"])
        #expect(vi.status == 0)
        try Golden.check(vi.stdout, "calendar-vn-2027.vi.text")
        #expect(vi.stdout.contains("tạm tính: chưa có thông báo lịch nghỉ chính thức năm 2027"))
    }

    @Test func calendarJSON() throws {
        let run = try Binary.run(["calendar", "vn", "2026", "--format", "json"])
        #expect(run.status == 0)
        try Golden.check(run.stdout, "calendar-vn-2026.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["calendar"] as? String == "vn")
        #expect(object["year"] as? Int == 2026)
        let days = try #require(object["days"] as? [[String: Any]])
        let tet = try #require(days.first { $0["date"] as? String == "2026-02-17" })
        #expect(tet["kind"] as? String == "holiday")
        #expect(tet["lunar"] as? String == "1/1")
        #expect((tet["name"] as? [String: String])?["vi"] == "Tết Nguyên đán")
        #expect(tet["provisional"] == nil)
        #expect(days.first { $0["date"] as? String == "2026-01-10" }?["kind"] as? String == "workday")
        #expect(days.first { $0["date"] as? String == "2026-04-27" }?["kind"] as? String == "day-off")
        let computed = try Binary.run(["calendar", "2027", "-f", "json"])
        let future = try #require(try JSONSerialization.jsonObject(with: Data(computed.stdout.utf8)) as? [String: Any])
        #expect((future["days"] as? [[String: Any]])?.allSatisfy { $0["provisional"] as? Bool == true } == true)
    }

    @Test func calendarFileBesideTheRules() throws {
        let run = try Binary.run(["calendar", "tinh", "2026", "-r", Self.province, "-f", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["calendar"] as? String == "tinh")
        let days = try #require(object["days"] as? [[String: Any]])
        let province = try #require(days.first { $0["date"] as? String == "2026-03-10" })
        #expect((province["name"] as? [String: String])?["vi"] == "Ngày giải phóng tỉnh")
        #expect(province["provisional"] == nil)
        // `"options": {"cultureDay": true}`: 24/11 is a day off, provisional until the law says so.
        let culture = try #require(days.first { $0["date"] as? String == "2026-11-24" })
        #expect((culture["name"] as? [String: String])?["vi"] == "Ngày Văn hóa Việt Nam")
        #expect(culture["provisional"] as? Bool == true)
        let byPath = try Binary.run(["calendar", Self.province + "/calendars/tinh.json", "2026"])
        #expect(byPath.status == 0)
        #expect(byPath.stdout.contains("2026-03-10  Tuesday    holiday         Ngày giải phóng tỉnh\n"))
    }

    @Test(arguments: [
        ["calendar", "vn", "--workdays-between", "2026-02-10", "2026-02-28"],
        ["calendar", "vn", "2026", "--workdays-between", "2026-02-10", "2026-02-28"],
        ["calendar", "--workdays-between", "10/02/2026", "28/02/2026"],
    ])
    func workingDaysBetween(arguments: [String]) throws {
        let run = try Binary.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("calendar 'vn': 9 working days from 2026-02-10 to 2026-02-28 (both included; 19 days)\n"))
        #expect(run.stdout.contains("2026-02-20  Friday     holiday  4/1    Lunar New Year (Tết) · Tết Nguyên đán\n"))
        let json = try Binary.run(arguments + ["-f", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["workingDays"] as? Int == 9)
        #expect((object?["days"] as? [Any])?.count == 5)
    }

    @Test func calendarOutsideItsYearsNotesIt() throws {
        let run = try Binary.run(["calendar", "vn", "2101"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("0 holidays and days off, 0 make-up working days, 260 working days in 2101"))
        #expect(run.stderr.contains("note: calendar 'vn' has no days off for 2101"))
    }

    @Test func calendarWritesOut() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-calendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("vn-2026.json").path
        let run = try Binary.run(["calendar", "vn", "2026", "-f", "json", "-o", out])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == (try Binary.run(["calendar", "vn", "2026", "-f", "json"])).stdout)
    }

    @Test func calendarWithoutAYearShowsThisYear() throws {
        let run = try Binary.run(["calendar"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("calendar 'vn', "))
        let help = try Binary.run(["calendar", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("usage: check calendar [NAME] [YEAR] [OPTIONS]"))
        #expect(try Binary.run(["--help"]).stdout.contains("check calendar [NAME] [YEAR]"))
    }

    @Test(arguments: [
        (["calendar", "vm", "2026"], "unknown calendar 'vm'", "did you mean 'vn'?"),
        (["calendar", "vn", "26"], "'26' is not a year: expected four digits, e.g. 2027", ""),
        (["calendar", "vn", "2026", "2027"], "more than one year given: '2027'", ""),
        (["calendar", "vn", "tinh"], "one calendar at a time: 'vn' and 'tinh'", ""),
        (["calendar", "vn", "--format", "jsno"], "calendar --format: expected 'text' or 'json', found 'jsno'", "did you mean 'json'?"),
        (["calendar", "--workdays-between", "2026-02-10"], "--workdays-between needs two dates", "e.g. check calendar vn --workdays-between"),
        (["calendar", "--workdays-between", "2026-02-28", "2026-02-10"], "--workdays-between: 2026-02-28 comes after 2026-02-10", "earlier date first"),
        (["calendar", "--workdays-between", "2026-02-30", "2026-03-10"], "--workdays-between: cannot read '2026-02-30' as a date", "YYYY-MM-DD"),
        (["calendar", "--year", "2026"], "unknown option '--year'", ""),
    ])
    func calendarBadUsageExitsSixtyFour(arguments: [String], message: String, hint: String) throws {
        let run = try Binary.run(arguments)
        #expect(run.status == 64, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(hint.isEmpty || run.stderr.contains(hint), "\(run.stderr)")
    }

    @Test func brokenCalendarFileExitsTwo() throws {
        let run = try Binary.run(["calendar", Binary.fixture("lint-calendars/calendars/unused.json"), "2026"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("[calendar.bad-date]"))
        #expect(run.stderr.contains("check: the calendar has 3 errors"))
        let missing = try Binary.run(["calendar", "no/such/calendar.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the calendar file"))
    }
}
