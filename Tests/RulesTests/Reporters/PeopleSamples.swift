@testable import Rules

/// The shared sample reports with what the people formats draw besides findings: values,
/// goal lines and report timeliness as the engine would fill them, just as awkward
/// (`<&>"'`, line breaks, control characters, a strict range, a rule with no value, a
/// schedule whose explicit periods overlap).
enum PeopleSamples {
    static func date(_ m: Int, _ d: Int) -> CivilDate { CivilDate(year: 2026, month: m, day: d)! }
    static func end(_ period: String) -> CivilDate { PeriodID.period(period)!.end }
    static func values(_ pairs: [(String, Double)]) -> [ValuePoint] {
        pairs.map { ValuePoint(period: $0.0, end: end($0.0), value: $0.1) }
    }

    static let details = ReportDetails(sections: [
        ReportDetails.Section(plan: "dong-hy-2026", planTitle: "=HYPERLINK(\"http://evil.example\") <b>kế hoạch</b>", unit: "dong-hy", rules: [
            RuleProgress(rule: "voter-list", title: "=HYPERLINK(\"http://evil.example\",\"click\")", shape: "task",
                         indicator: "voter-list", expected: "≤ 2026-02-02", due: date(2, 2), status: .violation),
            RuleProgress(rule: "tổ-bầu-cử", title: "Thành lập Tổ bầu cử: 50% ::warning:: %0A", shape: "task",
                         indicator: "tổ-bầu-cử", expected: "≤ 2026-07-03", due: date(7, 3), completed: nil, status: .warning),
        ]),
        ReportDetails.Section(plan: "xa-mau-2026", planTitle: "Kế hoạch <xã> & \"mẫu\" năm 2026", unit: "xa-mau", rules: [
            RuleProgress(rule: "lane-roads", title: "BTXM đường ngõ xóm 6 km <ngõ> & \"xóm\"", shape: "target",
                         indicator: "lane_road_km", unitLabel: "km", expected: "≥ 6 km", due: date(9, 30),
                         values: values([("2026-Q1", 1.2), ("2026-Q2", 2.4)]),
                         goal: GoalLine(due: date(9, 30), low: 6, text: "≥ 6 km"),
                         milestones: [GoalLine(due: date(6, 30), low: 3, text: "≥ 3 km")], status: .violation),
            RuleProgress(rule: "online-dossiers", title: "Tỷ lệ TTHC trực tuyến\nđạt 100% (dòng 2)", shape: "maintain",
                         indicator: "online_dossier_rate", unitLabel: "%", expected: "≥ 90%",
                         values: values([("2026-01", 91.5), ("2026-02", 88.2), ("2026-03", 93), ("2026-04", 95), ("2026-05", 96), ("2026-06", 97)]),
                         goal: GoalLine(due: nil, low: 90, text: "≥ 90%"), status: .violation),
            RuleProgress(rule: "co-ops", title: "Duy trì 2-3 HTX \u{0001}", shape: "maintain", indicator: "coops", unitLabel: "HTX",
                         expected: "2..3 HTX", values: values([("2026-Q1", 2), ("2026-Q2", 3)]),
                         goal: GoalLine(due: nil, low: 2, high: 3, text: "2..3 HTX"), status: .passed),
            RuleProgress(rule: "new-jobs", title: "Giải quyết việc làm 370 người", shape: "target", indicator: "new_jobs",
                         unitLabel: "người", expected: "≥ 370 người", due: date(12, 31),
                         values: values([("2026-03", 120), ("2026-05", 200)]),
                         goal: GoalLine(due: date(12, 31), low: 370, text: "≥ 370 người"), status: .pending),
            RuleProgress(rule: "budget", title: nil, shape: "change", indicator: "budget_revenue", unitLabel: "triệu đồng",
                         expected: "≥ +10%", due: date(12, 31), goal: GoalLine(due: date(12, 31), low: 2024, text: "≥ +10%"),
                         status: .warning),
            RuleProgress(rule: "election-team", title: "Thành lập Tổ bầu cử <các thôn> & \"khu phố\"", shape: "task",
                         indicator: "election-team", expected: "≤ 2026-01-31", due: date(1, 31), completed: date(1, 28),
                         status: .passed),
        ], reports: [
            ReportTimeline(schedule: "monthly", title: "Báo cáo tháng <T>", cells: (1...12).map { m in
                let id = "2026-\(m < 10 ? "0" : "")\(m)"
                let due = date(m, 24)
                switch m {
                case 1: return .init(period: id, due: date(1, 26), submitted: date(1, 30), status: .late)
                case 2, 4: return .init(period: id, due: due, submitted: date(m, 20), status: .onTime)
                case 3: return .init(period: id, due: due, submitted: date(3, 20), status: .onTime, incomplete: true)
                case 5: return .init(period: id, due: date(5, 25), status: .missing)
                case 6: return .init(period: id, due: date(7, 3), status: .dueSoon)
                default: return .init(period: id, due: due, status: .notDue)
                }
            }),
            ReportTimeline(schedule: "quarterly", title: nil, cells: [
                .init(period: "2026-Q1", due: date(3, 19), submitted: date(3, 18), status: .onTime),
                .init(period: "2026-Q2", due: date(6, 19), submitted: date(6, 19), status: .onTime),
                .init(period: "2026-Q3", due: date(9, 21), status: .notDue),
                .init(period: "2026-Q4", due: date(12, 21), status: .notDue),
            ]),
            ReportTimeline(schedule: "overlapping", title: "Sơ kết & tổng kết", cells: [
                .init(period: "2026-Q1", due: date(4, 10), status: .missing),
                .init(period: "2026-H1", due: date(7, 10), status: .notDue),
                .init(period: "2026-9M", due: date(10, 10), status: .notDue),
                .init(period: "2026", due: CivilDate(year: 2027, month: 1, day: 10)!, status: .notDue),
            ]),
        ]),
    ])

    /// The shared awkward report with details; owners' data routing left empty so that
    /// unassigned findings show in the email diagnostics.
    static var awkward: Report {
        var r = SampleReports.awkward
        r.details = details
        return r
    }

    /// The shared empty report, with one plan drawn for its unit and nothing reported.
    static var empty: Report {
        var r = SampleReports.empty
        r.details = ReportDetails(sections: [
            ReportDetails.Section(plan: "xa-mau-2026", unit: "xa-mau", rules: [
                RuleProgress(rule: "forest", shape: "target", indicator: "forest_cover", unitLabel: "%", expected: "≥ 52%",
                             due: date(12, 31), goal: GoalLine(due: date(12, 31), low: 52, text: "≥ 52%"), status: .pending),
            ]),
        ])
        return r
    }

    static func sample(_ name: String) -> Report { name == "empty" ? empty : awkward }
}
