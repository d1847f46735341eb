import Testing
@testable import Rules

/// `check template`'s rows: which indicators and tasks a report asks for, which schedule a
/// period belongs to, and a file that `check` reads back as data.
@Suite struct ReportTemplateTests {
    static let rules = #"""
        {"id": "roads", "title": "Đường <ngõ>", "indicator": "road_km", "target": "≥ 6 km"},
        {"id": "jobs", "indicator": "new_jobs", "target": "từ 370 người trở lên", "units": ["u"]},
        {"id": "other", "indicator": "other_rate", "maintain": "≥ 90%", "units": ["v"]},
        {"id": "team", "task": "Thành lập Tổ, \"bầu cử\"", "due": "chậm nhất ngày 31/01/2026"},
        {"id": "list", "task": "Niêm yết danh sách", "due": "2026-02-27"}
        """#

    static func plan(reports: String) throws -> (Plan, RuleSet) {
        let json = Harness.plan(rules: rules, reports: reports, extra: #"""
            "units": ["u", "v"], "calendar": "vn",
            "indicators": {"road_km": {"title": "=Đường bê tông, \"ngõ\"", "unit": "km"},
                           "new_jobs": {"title": "Việc làm", "unit": "người", "aggregate": "sum"}}
            """#).replacingOccurrences(of: #""units": ["u"], "year""#, with: #""year""#)
        let set = try Harness.loadPlan(json)
        return (try #require(set.plans.first), set)
    }

    static func rows(_ reports: String, unit: String = "u", period: String, language: Language = .en,
                     numbers: DataNumberStyle = .c) throws -> [ReportTemplate.Row] {
        let (plan, set) = try plan(reports: reports)
        let p = try #require(PeriodParser.parse(period, defaultYear: 2026))
        let schedule = try ReportTemplate.schedule(nil, plan: plan, unit: unit, period: p)
        return ReportTemplate(plan: plan, schedule: schedule, unit: unit, period: p, calendar: set.calendar(for: plan),
                              language: language, numbers: numbers).rows
    }

    @Test(arguments: [
        // No `requires`: every indicator the unit's rules read, as with "all".
        (#"{"id": "m", "every": "month", "due": "by day 25"}"#, "u", "2026-01", ["new_jobs", "road_km"]),
        (#"{"id": "m", "every": "month", "due": "by day 25", "requires": "all"}"#, "v", "2026-03", ["other_rate", "road_km"]),
        (#"{"id": "m", "every": "month", "due": "by day 25", "requires": ["road_km"]}"#, "u", "2026-03", ["road_km"]),
        // Tasks due in the period: 31/01/2026 is a Saturday, so 'team' is due on Monday 02/02.
        (#"{"id": "m", "every": "month", "due": "by day 25", "requires": ["road_km"]}"#, "u", "2026-02", ["road_km", "team", "list"]),
        (#"{"id": "q", "every": "quarter", "due": "by day 25", "requires": []}"#, "u", "quý I/2026", ["team", "list"]),
    ])
    func indicatorsThenTasksDueInThePeriod(reports: String, unit: String, period: String, indicators: [String]) throws {
        let rows = try Self.rows(reports, unit: unit, period: period)
        #expect(rows.map(\.indicator) == indicators)
        #expect(Set(rows.map(\.unit)) == [unit])
    }

    @Test func commentsSayWhatEachRowAsksForInTheChosenLanguage() throws {
        let monthly = #"{"id": "m", "every": "month", "due": "by day 25"}"#
        let en = try Self.rows(monthly, period: "2026-02")
        #expect(en.map(\.comment) == [
            "Việc làm (người): amount for this period alone, decimals with '.'",
            "=Đường bê tông, \"ngõ\" (km): value at the end of the period, decimals with '.'",
            "task: Thành lập Tổ, \"bầu cử\", due 2026-02-02: write the completion date (YYYY-MM-DD) or 'done'; leave empty if not done",
            "task: Niêm yết danh sách, due 2026-02-27: write the completion date (YYYY-MM-DD) or 'done'; leave empty if not done",
        ])
        let vi = try Self.rows(monthly, period: "tháng 2/2026", language: .vi, numbers: .vi)
        #expect(vi[1].comment == "=Đường bê tông, \"ngõ\" (km): số liệu đến cuối kỳ, số thập phân dùng dấu ','")
        #expect(vi[2].comment.hasPrefix("nhiệm vụ: Thành lập Tổ, \"bầu cử\", hạn 02/02/2026: ghi ngày hoàn thành"))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a, b", "\"a, b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@home", "'@home"),
        ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
        ("bell\u{7}", "bell\u{FFFD}"),
    ])
    func cellsAreRFC4180AndDefusedForSpreadsheets(raw: String, written: String) {
        #expect(ReportTemplate.cell(raw) == written)
    }

    @Test func theFileIsDataThatCheckReads() throws {
        let reports = #"{"id": "m", "every": "month", "due": "by day 25", "requires": "all"}"#
        let (plan, set) = try Self.plan(reports: reports)
        let period = Period.month(2026, 2)
        let schedule = try ReportTemplate.schedule("m", plan: plan, unit: "u", period: period)
        let csv = ReportTemplate(plan: plan, schedule: schedule, unit: "u", period: period, calendar: set.calendar(for: plan),
                                 language: .vi, numbers: .vi).csv
        #expect(csv.hasPrefix("\u{FEFF}unit,period,indicator,value,submitted,report,note,comment\r\n"))
        #expect(csv.hasSuffix("\r\n"))
        let scope = DataScope(plans: set.plans, asOf: CivilDate(year: 2026, month: 3, day: 31)!, numbers: .vi, unitFilter: [])
        let loaded = DataLoader.load([.init(name: "t.csv", bytes: Array(csv.utf8))], scope: scope, plans: set.plans)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.findings.isEmpty)
    }

    @Test(arguments: [
        (nil, "2026-06", "several reports of plan 'p' are due for 2026-06: m, s", "choose one with --report"),
        (nil, "2026-H2", "no report of plan 'p' is due for 2026-H2", "the plan's reports: m (month), s"),
        ("mm", "2026-06", "--report: plan 'p' has no report schedule 'mm'", "did you mean 'm'?"),
        ("s", "2026-05", "report 's' has no report for 2026-05", "its periods are 2026-06"),
        ("m", "2026-Q2", "report 'm' has no report for 2026-Q2", "its periods are 2026-01, 2026-02, 2026-03, 2026-04, …"),
    ] as [(String?, String, String, String)])
    func theScheduleIsNamedOrTheOnlyOneForThePeriod(report: String?, period: String, message: String, hint: String) throws {
        let (plan, _) = try Self.plan(reports: #"""
            {"id": "m", "every": "month", "due": "by day 25"},
            {"id": "s", "periods": ["2026-06"], "due": "2026-07-10"}
            """#)
        let p = try #require(PeriodParser.parse(period, defaultYear: 2026))
        #expect {
            _ = try ReportTemplate.schedule(report, plan: plan, unit: "u", period: p)
        } throws: { error in
            let failure = error as? ReportTemplate.Failure
            return failure?.message.en == message && failure?.hint?.en == hint
        }
        #expect(try ReportTemplate.schedule("m", plan: plan, unit: "u", period: .month(2026, 6)).id == "m")
        #expect(try ReportTemplate.schedule(nil, plan: plan, unit: "u", period: .month(2026, 5)).id == "m")
    }
}
