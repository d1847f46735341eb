import Testing
@testable import Rules

@Suite struct MaintainRuleTests {
    static let plan = Harness.plan(rules: #"{"id": "r", "indicator": "tthc", "maintain": "từ 90% trở lên"}"#,
                                   extra: #""calendar": "none", "indicators": {"tthc": {"unit": "%"}}"#)

    @Test func everyFailingPeriodIsOneFinding() throws {
        let csv = "u,2026-01,tthc,91,2026-02-01\nu,2026-02,tthc,89.9,2026-03-01\nu,2026-03,tthc,90,2026-04-01\nu,2026-04,tthc,80,2026-05-01"
        #expect(try Harness.run(Self.plan, csv: csv, asOf: "2026-05-02").lines == [
            "violation maintain-broken r 2026-02 actual=89.9 line=3",
            "violation maintain-broken r 2026-04 actual=80 line=5",
        ])
    }

    @Test func valuesOutsideTheWindowAreNotJudged() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "htx", "maintain": "duy trì 04 HTX", "from": "2026-Q2", "to": "2026-Q3"}"#)
        let csv = "u,2026-03,htx,3,2026-04-01\nu,2026-06,htx,3,2026-07-01\nu,2026-10,htx,2,2026-11-01"
        #expect(try Harness.run(plan, csv: csv, asOf: "2026-12-01").lines == ["violation maintain-broken r 2026-06 actual=3 line=3"])
    }

    @Test func aPlanStyleRangeIsStrictInMaintain() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "htx", "maintain": "2-3 HTX"}"#)
        let csv = "u,2026-01,htx,1,2026-02-01\nu,2026-02,htx,2,2026-03-01\nu,2026-03,htx,3,2026-04-01\nu,2026-04,htx,4,2026-05-01"
        #expect(try Harness.run(plan, csv: csv, asOf: "2026-05-02").lines == [
            "violation maintain-broken r 2026-01 actual=1 line=2",
            "violation maintain-broken r 2026-04 actual=4 line=5",
        ])
    }
}

@Suite struct ChangeRuleTests {
    @Test func relativeGrowthExactlyOnTheRequirementPasses() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "thu", "change": "≥ +10%", "baseline": 1840}"#)
        #expect(try Harness.run(plan, csv: "u,2026,thu,2024,2026-12-20", asOf: "2027-01-01").lines.isEmpty)
        #expect(try Harness.run(plan, csv: "u,2026,thu,2023,2026-12-20", asOf: "2027-01-01").lines
                == ["violation change-missed r 2026 due=2026-12-31 actual=9.9457 line=2"])
    }

    @Test func aFallOfExactlyFivePercentPasses() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "vu_an", "change": "giảm 5%", "baseline": 40}"#)
        #expect(try Harness.run(plan, csv: "u,2026,vu_an,38,2026-12-20", asOf: "2027-01-01").lines.isEmpty)
        #expect(try Harness.run(plan, csv: "u,2026,vu_an,38.5,2026-12-20", asOf: "2027-01-01").lines
                == ["violation change-missed r 2026 due=2026-12-31 actual=-3.75 line=2"])
    }

    @Test func onAPercentIndicatorPercentMeansPoints() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "ngheo", "change": "giảm 2%", "baseline": 2.77}"#,
                                extra: #""calendar": "none", "indicators": {"ngheo": {"unit": "%"}}"#)
        #expect(try Harness.run(plan, csv: "u,2026,ngheo,0.77,2026-12-20", asOf: "2027-01-01").lines.isEmpty)
        #expect(try Harness.run(plan, csv: "u,2026,ngheo,1.5,2026-12-20", asOf: "2027-01-01").lines
                == ["violation change-missed r 2026 due=2026-12-31 actual=-1.27 line=2"])
    }

    @Test func aBaselinePeriodIsReadFromTheData() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "thu", "change": "tăng 10%", "baseline": "2025"}"#)
        let csv = "u,2025,thu,1000,2026-01-10\nu,2026,thu,1100,2026-12-20"
        #expect(try Harness.run(plan, csv: csv, asOf: "2027-01-01").lines.isEmpty)
        #expect(try Harness.run(plan, csv: "u,2026,thu,1100,2026-12-20", asOf: "2027-01-01").lines
                == ["violation no-data r due=2026-12-31"])
    }

    @Test func aRelativeChangeFromZeroCannotBeMet() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "thu", "change": "≥ +10%", "baseline": 0}"#)
        let outcome = try Harness.run(plan, csv: "u,2026,thu,50,2026-12-20", asOf: "2027-01-01")
        #expect(outcome.lines == ["violation change-missed r 2026 due=2026-12-31 actual=50 line=2"])
        #expect(outcome.report.findings.first?.message.en.contains("baseline is 0") == true)
    }
}

@Suite struct TaskRuleTests {
    static let plan = Harness.plan(rules: #"{"id": "t", "task": "Niêm yết danh sách cử tri", "due": "trước ngày 03/02/2026"}"#)

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var csv: String
        var asOf: String
        var expected: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Row(name: "'trước ngày 03/02' is due on 02/02: done that day is on time",
            csv: "u,2026-02,t,2026-02-02,2026-02-02", asOf: "2026-03-01", expected: []),
        Row(name: "done on 03/02 is late", csv: "u,2026-02,t,2026-02-03,2026-02-04", asOf: "2026-03-01",
            expected: ["violation task-late t 2026-02 due=2026-02-02 actual=2026-02-03 line=2"]),
        Row(name: "'xong' completes on the submission date", csv: "u,2026-02,t,xong,2026-02-05", asOf: "2026-03-01",
            expected: ["violation task-late t 2026-02 due=2026-02-02 actual=2026-02-05 line=2"]),
        Row(name: "'hoàn thành' without a date completes at the end of its period", csv: "u,2026-01,t,hoàn thành,", asOf: "2026-03-01",
            expected: []),
        Row(name: "not done on the due date: due soon", csv: "", asOf: "2026-02-02",
            expected: ["warning task-due-soon t due=2026-02-02"]),
        Row(name: "not done the day after: overdue", csv: "u,2026-02,t,chưa,2026-02-02", asOf: "2026-02-03",
            expected: ["violation task-overdue t due=2026-02-02"]),
        Row(name: "a completion not yet reported on the as-of date does not count",
            csv: "u,2026-02,t,2026-02-01,2026-02-10", asOf: "2026-02-05", expected: ["violation task-overdue t due=2026-02-02"]),
        Row(name: "an unreadable task value is data-invalid", csv: "u,2026-02,t,maybe,2026-02-01", asOf: "2026-02-01",
            expected: ["violation data-invalid 2026-02 line=2", "warning task-due-soon t due=2026-02-02"]),
        Row(name: "an unreadable row submitted after the as-of date is not read yet", csv: "u,2026-02,t,maybe,2026-02-05",
            asOf: "2026-02-01", expected: ["warning task-due-soon t due=2026-02-02"]),
    ])
    func judged(_ row: Row) throws {
        #expect(try Harness.run(Self.plan, csv: row.csv, asOf: row.asOf).lines == row.expected)
    }
}

@Suite struct ReportScheduleTests {
    static let plan = Harness.plan(
        rules: "", reports: #"{"id": "m", "title": "Báo cáo tháng", "every": "month", "due": "trước ngày 25 hàng tháng"}"#)

    @Test func dueOnTheTwentyFourthJudgedOnTheTwentyFifth() throws {
        #expect(try Harness.run(Self.plan, csv: "", asOf: "2026-01-24").lines == ["warning report-due-soon m 2026-01 due=2026-01-24"])
        #expect(try Harness.run(Self.plan, csv: "", asOf: "2026-01-25").lines == ["violation report-missing m 2026-01 due=2026-01-24"])
    }

    @Test func submittedOnTheDueDayIsOnTimeAndTheDayAfterIsLate() throws {
        let onTime = "u,2026-01,,,2026-01-24,m"
        #expect(try Harness.run(Self.plan, csv: onTime, asOf: "2026-01-31").lines.isEmpty)
        let late = "u,2026-01,,,2026-01-25,m"
        #expect(try Harness.run(Self.plan, csv: late, asOf: "2026-01-31").lines
                == ["violation report-late m 2026-01 due=2026-01-24 actual=2026-01-25 line=2"])
    }

    @Test func theEarliestRowDatesTheSubmissionAndUndatedRowsAreOnTime() throws {
        let csv = "u,2026-01,x,1,2026-01-30,m\nu,2026-01,y,2,2026-01-20,m"
        #expect(try Harness.run(Self.plan, csv: csv, asOf: "2026-02-01").codes(excluding: "unknown-indicator").isEmpty)
        #expect(try Harness.run(Self.plan, csv: "u,2026-01,,,,m", asOf: "2026-02-01").lines.isEmpty)
    }

    @Test func withoutAReportColumnRowsMatchByPeriod() throws {
        let csv = "unit,period,indicator,value,submitted\nu,2026-01,x,1,2026-01-20"
        #expect(try Harness.run(Self.plan, csv: csv, asOf: "2026-02-01").codes(excluding: "unknown-indicator").isEmpty)
    }

    @Test func twoSchedulesOfOneGranularityNeedTheColumn() throws {
        let plan = Harness.plan(rules: "", reports: #"{"id": "a", "every": "month", "due": "by day 25"}, {"id": "b", "every": "month", "due": "by day 25"}"#)
        let csv = "unit,period,indicator,value,submitted\nu,2026-01,x,1,2026-01-20"
        let codes = try Harness.run(plan, csv: csv, asOf: "2026-01-27").codes(excluding: "unknown-indicator")
        #expect(codes == ["violation report-missing", "violation report-missing"])
    }

    @Test func theRollGoesForwardAlsoAfterBefore() throws {
        // "trước ngày 20 tháng cuối quý" in September 2026: Saturday 19/09 rolls to Monday 21/09.
        let plan = Harness.plan(rules: "", reports: #"{"id": "q", "every": "quarter", "due": "trước ngày 20 tháng cuối quý"}"#,
                                extra: #""calendar": "vn""#)
        let late = try Harness.run(plan, csv: "u,2026-Q3,,,2026-09-22,q\nu,2026-Q1,,,2026-03-01,q\nu,2026-Q2,,,2026-06-01,q", asOf: "2026-10-01")
        #expect(late.lines == ["violation report-late q 2026-Q3 due=2026-09-21 actual=2026-09-22 line=2"])
        let onTime = try Harness.run(plan, csv: "u,2026-Q3,,,2026-09-21,q\nu,2026-Q1,,,2026-03-01,q\nu,2026-Q2,,,2026-06-01,q", asOf: "2026-10-01")
        #expect(onTime.lines.isEmpty)
        let noRoll = Harness.plan(rules: "", reports: #"{"id": "q", "every": "quarter", "due": "trước ngày 20 tháng cuối quý"}"#,
                                  extra: #""calendar": "vn", "roll": "none""#)
        #expect(try Harness.run(noRoll, csv: "u,2026-Q3,,,2026-09-21,q\nu,2026-Q1,,,2026-03-01,q\nu,2026-Q2,,,2026-06-01,q", asOf: "2026-10-01").lines
                == ["violation report-late q 2026-Q3 due=2026-09-19 actual=2026-09-21 line=2"])
    }
}

@Suite struct PaceAndForecastTests {
    static let plan = Harness.plan(
        rules: #"{"id": "r", "indicator": "km", "target": "≥ 10 km", "due": "2026-12-31", "pace": true}"#,
        extra: #""calendar": "none", "indicators": {"km": {"unit": "km", "aggregate": "sum"}}"#)

    @Test func behindByMoreThanTenPercentOfTheDistanceWarns() throws {
        // Path from 0 on 1/1 to 10 on 31/12; at 30/06 it expects 180/364 × 10 = 4.95 km.
        // Tolerance 1 km: 3.9 is behind, 4 is not.
        #expect(try Harness.run(Self.plan, csv: "u,2026-H1,km,3.9,2026-07-01", asOf: "2026-07-02").lines
                == ["warning behind-pace r 2026-H1 due=2026-12-31 actual=3.9 line=2"])
        #expect(try Harness.run(Self.plan, csv: "u,2026-H1,km,4,2026-07-01", asOf: "2026-07-02").lines.isEmpty)
        let finding = try Harness.run(Self.plan, csv: "u,2026-H1,km,3.9,2026-07-01", asOf: "2026-07-02").report.findings[0]
        #expect(finding.expected == "≥ 4.95 km by now")
    }

    @Test func aTrendThatMissesTheTargetIsForecast() throws {
        let plan = Harness.plan(
            rules: #"{"id": "r", "indicator": "bhyt", "target": "≥ 95%", "forecast": "trend"}"#,
            extra: #""calendar": "none", "indicators": {"bhyt": {"unit": "%"}}"#)
        let rising = "u,2026-01,bhyt,90,2026-02-01\nu,2026-02,bhyt,91,2026-03-01\nu,2026-03,bhyt,92,2026-04-01"
        #expect(try Harness.run(plan, csv: rising, asOf: "2026-04-02").lines.isEmpty)
        let slow = "u,2026-01,bhyt,90,2026-02-01\nu,2026-02,bhyt,90.2,2026-03-01\nu,2026-03,bhyt,90.4,2026-04-01"
        let lines = try Harness.run(plan, csv: slow, asOf: "2026-04-02").lines
        #expect(lines.count == 1 && lines[0].hasPrefix("warning forecast-miss r 2026-03 due=2026-12-31 actual=92"))
        let two = "u,2026-01,bhyt,90,2026-02-01\nu,2026-02,bhyt,90.2,2026-03-01"
        #expect(try Harness.run(plan, csv: two, asOf: "2026-04-02").lines.isEmpty)
    }
}

@Suite struct DataFindingTests {
    static let plan = Harness.plan(rules: #"{"id": "r", "indicator": "forest_cover", "target": "đạt 52%"}"#,
                                   extra: #""calendar": "none", "indicators": {"forest_cover": {"unit": "%"}, "pigs": {"unit": "con"}}"#)

    @Test(arguments: [
        ("u,2026-13,forest_cover,50,2026-02-01", "cannot read the period '2026-13'"),
        ("u,2026-01,forest_cover,5O,2026-02-01", "cannot read the value '5O'"),
        ("u,2026-01,forest_cover,50,2026-02-30", "cannot read the submission date '2026-02-30'"),
        ("U 1,2026-01,forest_cover,50,2026-02-01", "is not a unit slug"),
        ("u,2026-01,pigs,93%,2026-02-01", "has a % sign but 'pigs' is measured in con"),
        ("u,2026-01,forest_cover,\"50,5\",2026-02-01", "run with --numbers vi"),
    ])
    func unreadableRowsAreDataInvalidAtTheirLine(csv: String, message: String) throws {
        let outcome = try Harness.run(Self.plan, csv: csv, asOf: "2026-03-01")
        let f = try #require(outcome.report.findings.first { $0.code == .dataInvalid })
        #expect(f.location?.line == 2)
        #expect(f.message.en.contains(message), "\(f.message.en)")
    }

    @Test func aTypoInAnIndicatorGetsAHint() throws {
        let outcome = try Harness.run(Self.plan, csv: "u,2026-01,forest_covr,50,2026-02-01\nu,2026-02,forest_covr,51,2026-03-01", asOf: "2026-03-01")
        #expect(outcome.lines == ["warning unknown-indicator line=2"])
        #expect(outcome.report.findings[0].hint?.en == "did you mean 'forest_cover'?")
    }

    @Test func rowsOfOtherUnitsAreIgnoredBeforeBeingRead() throws {
        let outcome = try Harness.run(Self.plan, csv: "other,2026-99,forest_cover,bad,2026-02-01", asOf: "2026-03-01")
        #expect(outcome.lines.isEmpty)
    }

    @Test func vietnameseNumbersWithTheOption() throws {
        let outcome = try Harness.run(Self.plan, csv: "u,2026-12,forest_cover,\"51,5\",2026-12-20", asOf: "2027-01-01", numbers: .vi)
        #expect(outcome.lines == ["violation target-missed r 2026-12 due=2026-12-31 actual=51.5 line=2"])
    }
}

extension Harness.Outcome {
    func codes(excluding code: String) -> [String] {
        report.findings.filter { $0.code.rawValue != code }.map { "\($0.severity.rawValue) \($0.code.rawValue)" }
    }
}

@Suite struct ReportCompletenessTests {
    @Test func aSubmittedReportLackingRequiredIndicatorsIsIncomplete() throws {
        let plan = Harness.plan(
            rules: #"{"id": "a", "indicator": "x", "target": "≥ 1"}, {"id": "b", "indicator": "y", "target": "≥ 1"}, {"id": "t", "task": "T", "due": "2026-12-31"}"#,
            reports: #"{"id": "m", "every": "month", "due": "by day 25 of the next month", "requires": "all", "to": "2026-01"}"#)
        let partial = try Harness.run(plan, csv: "u,2026-01,x,1,2026-02-10,m", asOf: "2026-02-26")
        #expect(partial.lines == ["warning no-data b due=2026-12-31",
                                  "violation report-incomplete m 2026-01 due=2026-02-25 actual=2026-02-10 line=2"])
        #expect(partial.report.findings[0].message.en.contains("'y'"))
        let complete = try Harness.run(plan, csv: "u,2026-01,x,1,2026-02-10,m\nu,2026-01,y,2,2026-02-10,m", asOf: "2026-02-26")
        #expect(complete.lines.isEmpty)
        let listed = Harness.plan(rules: "", reports: #"{"id": "m", "every": "month", "due": "by day 25 of the next month", "requires": ["z"], "to": "2026-01"}"#)
        #expect(try Harness.run(listed, csv: "u,2026-01,,,2026-02-10,m", asOf: "2026-02-26").lines
                == ["violation report-incomplete m 2026-01 due=2026-02-25 actual=2026-02-10 line=2"])
    }
}

@Suite struct EngineExtensionTests {
    @Test func aBaselineMayBeAnotherIndicatorsLatestValue() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "thu", "change": "≥ +10%", "baseline": {"indicator": "thu_giao"}}"#)
        let csv = "u,2026-01,thu_giao,2000,2026-01-15\nu,2026,thu,2150,2026-12-20"
        #expect(try Harness.run(plan, csv: csv, asOf: "2027-01-01").lines
                == ["violation change-missed r 2026 due=2026-12-31 actual=7.5 line=3"])
        #expect(try Harness.run(plan, csv: "u,2026,thu,2150,2026-12-20", asOf: "2027-01-01").lines
                == ["violation no-data r due=2026-12-31"])
    }

    @Test func aMilestoneMayBeAWarningWhileTheTargetBinds() throws {
        let plan = Harness.plan(
            rules: #"{"id": "r", "indicator": "km", "target": "≥ 6", "due": "2026-12-31", "milestones": [{"due": "Q2", "target": "≥ 3", "severity": "warning"}]}"#)
        #expect(try Harness.run(plan, csv: "u,2026-Q2,km,2,2026-06-20", asOf: "2026-07-01").lines
                == ["warning milestone-missed r 2026-Q2 due=2026-06-30 actual=2 line=2"])
    }

    @Test func rulesMayCarryANote() throws {
        let rules = try Harness.loadPlan(Harness.plan(rules: #"{"id": "r", "indicator": "x", "target": "≥ 1", "note": "đọc là điểm phần trăm"}"#))
        #expect(rules.plans[0].rules[0].note == "đọc là điểm phần trăm")
    }
}
