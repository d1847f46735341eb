import Testing
@testable import Rules

/// `Report.details`: filled by the engine only when asked, from the same evaluation as the
/// findings, and `--only-new`'s reading of an earlier JSON report.
@Suite struct ReportDetailsTests {
    static let plan = Harness.plan(
        rules: #"""
        {"id": "roads", "title": "Đường", "indicator": "road_km", "target": "≥ 6", "due": "2026-09-30",
         "milestones": [{"due": "2026-06-30", "target": "≥ 3"}]},
        {"id": "jobs", "indicator": "jobs", "target": "≥ 100", "due": "2026-12-31"},
        {"id": "rate", "indicator": "rate", "maintain": "between 2 and 3"},
        {"id": "revenue", "indicator": "revenue", "change": "≥ +10%", "baseline": 200, "due": "2026-12-31"},
        {"id": "team", "task": "Thành lập tổ", "due": "2026-01-31"}
        """#,
        reports: #"{"id": "monthly", "every": "month", "due": "by day 25"}"#,
        extra: #""calendar": "none", "indicators": {"jobs": {"unit": "người", "aggregate": "sum"}}"#)

    static let csv = """
        u,2026-01,road_km,1,2026-01-20,monthly
        u,2026-01,jobs,30,2026-01-20,monthly
        u,2026-01,team,done,2026-01-20,monthly
        u,2026-02,jobs,20,2026-02-27,monthly
        u,2026-Q1,road_km,2,2026-03-20,monthly
        u,2026-04,rate,2.5,2026-04-20,monthly
        u,2026-04,revenue,210,2026-04-20,monthly
        u,2026-06,road_km,2.5,2026-06-20,monthly
        u,2026-06,rate,3.5,2026-06-20,monthly
        """

    static func run(details: Bool) throws -> Report {
        let rules = try Harness.loadPlan(plan)
        let asOf = try #require(CivilDate(year: 2026, month: 7, day: 20))
        let scope = DataScope(plans: rules.plans, asOf: asOf, numbers: .c, unitFilter: [])
        let loaded = DataLoader.load([.init(name: "d.csv", bytes: Array(("unit,period,indicator,value,submitted,report\n" + csv).utf8))],
                                     scope: scope, plans: rules.plans)
        return Engine.run(rules, data: loaded.data, dataFindings: loaded.findings,
                          options: CheckOptions(asOf: asOf, details: details))
    }

    @Test func detailsOnlyWhenAskedAndFindingsUnchanged() throws {
        let plain = try Self.run(details: false)
        let detailed = try Self.run(details: true)
        #expect(plain.details == nil)
        #expect(detailed.details != nil)
        #expect(plain.findings == detailed.findings)
        #expect(plain.checks == detailed.checks)
        #expect(plain.passedCount == detailed.passedCount)
    }

    @Test func valuesGoalsAndStatusesPerRule() throws {
        let section = try #require(try Self.run(details: true).details?.sections.first)
        #expect(section.plan == "p" && section.unit == "u")
        let rules = Dictionary(uniqueKeysWithValues: section.rules.map { ($0.rule, $0) })

        let roads = try #require(rules["roads"])
        #expect(roads.values.map(\.period) == ["2026-01", "2026-Q1", "2026-06"])
        #expect(roads.values.map(\.value) == [1, 2, 2.5])
        #expect(roads.goal == GoalLine(due: CivilDate(year: 2026, month: 9, day: 30), low: 6, text: "≥ 6"))
        #expect(roads.milestones.map(\.low) == [3])
        #expect(roads.status == .violation, "the milestone was missed")
        #expect(roads.title == "Đường")

        let jobs = try #require(rules["jobs"])
        #expect(jobs.values.map(\.value) == [30, 50], "running totals for a sum indicator")
        #expect(jobs.unitLabel == "người")
        #expect(jobs.status == .pending)

        let rate = try #require(rules["rate"])
        #expect(rate.goal?.low == 2 && rate.goal?.high == 3)
        #expect(rate.status == .violation)

        let revenue = try #require(rules["revenue"])
        #expect(revenue.goal.map { abs($0.low - 220) < 1e-9 } == true, "baseline 200 moved by +10%")

        let team = try #require(rules["team"])
        #expect(team.shape == "task")
        #expect(team.title == "Thành lập tổ")
        #expect(team.completed == CivilDate(year: 2026, month: 1, day: 20))
        #expect(team.status == .passed)
    }

    @Test func reportTimelinessPerPeriod() throws {
        let section = try #require(try Self.run(details: true).details?.sections.first)
        let monthly = try #require(section.reports.first)
        #expect(monthly.cells.count == 12)
        let status = monthly.cells.map(\.status)
        #expect(Array(status.prefix(8)) == [.onTime, .late, .missing, .onTime, .missing, .onTime, .dueSoon, .notDue])
        #expect(monthly.cells[1].submitted == CivilDate(year: 2026, month: 2, day: 27))
        #expect(monthly.cells[11].status == .notDue)
    }

    @Test func theOwnerFilterAppliesToDetailsToo() throws {
        let rules = try Harness.loadPlan(Harness.plan(
            rules: #"{"id": "a", "indicator": "x", "target": "≥ 1", "owner": "k"}, {"id": "b", "indicator": "y", "target": "≥ 1", "owner": "m"}"#,
            extra: #""calendar": "none", "owners": {"k": {"name": "K"}, "m": {"name": "M"}}"#))
        let asOf = try #require(CivilDate(year: 2026, month: 3, day: 1))
        let report = Engine.run(rules, data: ProgressData(), options: CheckOptions(asOf: asOf, owners: ["k"], details: true))
        #expect(report.details?.sections.first?.rules.map(\.rule) == ["a"])
    }

    // MARK: - --only-new

    @Test func previousFindingsAreMatchedByPlanRuleUnitCodeAndPeriod() throws {
        let json = JSONReporter().render(SampleReports.awkward, options: RenderOptions(language: .vi))
        let text = try #require((json).text)
        let previous = try PreviousFindings.read(Array(text.utf8), file: "prev.json").get()
        #expect(previous.newFindings(of: SampleReports.awkward).findings.isEmpty)

        var later = SampleReports.awkward
        var moved = later.findings[0]
        moved.period = "2026-Q3"
        later.findings.append(moved)
        let fresh = previous.newFindings(of: later)
        #expect(fresh.findings == [moved])
        #expect(fresh.violations == 1)
    }

    /// A data finding of the earlier run changed in one way: whether it is then new news.
    /// `unknown-indicator` is one per unit and indicator; `data-invalid` is the row it points at.
    static let dataFindingChanges: [DataFindingChange] = [
        .init("unknown-indicator, same indicator", .unknownIndicator, isNew: false) { $0.hint = nil },
        .init("unknown-indicator, first row moved", .unknownIndicator, isNew: false) { $0.location?.line = 99 },
        .init("unknown-indicator, another indicator", .unknownIndicator, isNew: true) { $0.indicator = "duck_herds" },
        .init("data-invalid, same row", .dataInvalid, isNew: false) { $0.message = LocalizedText(en: "other words", vi: "lời khác") },
        .init("data-invalid, another line", .dataInvalid, isNew: true) { $0.location?.line = 14 },
        .init("data-invalid, another column", .dataInvalid, isNew: true) { $0.location?.column = 30 },
        .init("data-invalid, another file", .dataInvalid, isNew: true) { $0.location?.file = "data/2026 Q3.csv" },
        .init("data-invalid, another indicator", .dataInvalid, isNew: true) { $0.indicator = "new_firms" },
        .init("data-invalid, no location", .dataInvalid, isNew: true) { $0.location = nil },
    ]

    @Test(arguments: dataFindingChanges)
    func dataFindingsAreMatchedByWhatIdentifiesThem(_ row: DataFindingChange) throws {
        for language in [Language.en, .vi] {
            let text = try #require(JSONReporter().render(SampleReports.awkward, options: RenderOptions(language: language)).text)
            let previous = try PreviousFindings.read(Array(text.utf8), file: "prev.json").get()
            var later = SampleReports.awkward
            let index = try #require(later.findings.firstIndex { $0.code == row.code })
            var changed = later.findings[index]
            row.change(&changed)
            later.findings[index] = changed
            #expect(previous.newFindings(of: later).findings == (row.isNew ? [changed] : []), "\(language)")
        }
    }

    /// A duplicate key in the earlier report is reported, not read past.
    @Test(arguments: [
        #"{"findings": [], "findings": [{"code": "no-data"}]}"#,
        #"{"findings": [{"code": "no-data", "unit": "a", "unit": "b"}]}"#,
    ])
    func aDuplicateKeyInThePreviousReportIsAnError(text: String) {
        switch PreviousFindings.read(Array(text.utf8), file: "prev.json") {
        case .success: Issue.record("'\(text)' was accepted")
        case .failure(let e):
            #expect(e.diagnostics.map(\.code) == ["json.duplicate-key"])
            #expect(e.diagnostics.first?.location?.file == "prev.json")
        }
    }

    @Test(arguments: [
        ("", "json.syntax"),
        ("{\"findings\": [", "json.syntax"),
        ("[1, 2]", "only-new.not-a-report"),
        ("{\"asOf\": \"2026-07-01\"}", "only-new.not-a-report"),
        ("{\"findings\": [1]}", "only-new.not-a-report"),
        ("{\"findings\": [{\"plan\": \"p\"}]}", "only-new.not-a-report"),
        ("{\"findings\": [{\"code\": \"x\", \"period\": 5}]}", "only-new.not-a-report"),
        (#"{"findings": [{"code": "x", "indicator": 5}]}"#, "only-new.not-a-report"),
        (#"{"findings": [{"code": "data-invalid", "location": "d.csv"}]}"#, "only-new.not-a-report"),
        (#"{"findings": [{"code": "data-invalid", "location": {"file": "d.csv", "line": "3"}}]}"#, "only-new.not-a-report"),
        ("{\"findings\": [{\"code\": \"x\", \"indicator\": 5}]}", "only-new.not-a-report"),
        ("{\"findings\": [{\"code\": \"data-invalid\", \"location\": \"d.csv\"}]}", "only-new.not-a-report"),
        ("{\"findings\": [{\"code\": \"data-invalid\", \"location\": {\"file\": \"d.csv\", \"line\": \"3\"}}]}", "only-new.not-a-report"),
    ])
    func anUnreadablePreviousReportIsAnError(text: String, code: String) {
        switch PreviousFindings.read(Array(text.utf8), file: "prev.json") {
        case .success: Issue.record("'\(text)' was accepted")
        case .failure(let e): #expect(e.diagnostics.map(\.code) == [code])
        }
    }
}

/// A data finding of the earlier run changed in one way, and whether it is then new news:
/// `unknown-indicator` is one per unit and indicator; `data-invalid` is the row it points at.
struct DataFindingChange: Sendable, CustomTestStringConvertible {
    var name: String
    var code: FindingCode
    var isNew: Bool
    var change: @Sendable (inout Finding) -> Void
    init(_ name: String, _ code: FindingCode, isNew: Bool, change: @escaping @Sendable (inout Finding) -> Void) {
        self.name = name
        self.code = code
        self.isNew = isNew
        self.change = change
    }
    var testDescription: String { name }
}
