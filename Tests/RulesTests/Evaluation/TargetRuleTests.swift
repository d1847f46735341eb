import Testing
@testable import Rules

/// `target` (spec §6): judged from the day after the due date; on the due date only warnings.
@Suite struct TargetRuleTests {
    static let plan = Harness.plan(
        rules: #"{"id": "r", "indicator": "km", "target": "≥ 6 km", "due": "2026-09-30"}"#,
        extra: #""calendar": "none", "indicators": {"km": {"unit": "km"}}"#)

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var csv: String
        var asOf: String
        var expected: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Row(name: "the day after the due date, value below: missed",
            csv: "u,2026-09,km,5,2026-09-25", asOf: "2026-10-01",
            expected: ["violation target-missed r 2026-09 due=2026-09-30 actual=5 line=2"]),
        Row(name: "exactly on the threshold passes", csv: "u,2026-09,km,6,2026-09-25", asOf: "2026-10-01", expected: []),
        Row(name: "within 1e-9 of the threshold passes", csv: "u,2026-09,km,5.9999999999,2026-09-25", asOf: "2026-10-01", expected: []),
        Row(name: "on the due date nothing is judged: due-soon only",
            csv: "u,2026-09,km,5,2026-09-25", asOf: "2026-09-30",
            expected: ["warning due-soon r 2026-09 due=2026-09-30 actual=5 line=2"]),
        Row(name: "a week before the due date: due-soon", csv: "u,2026-08,km,5,2026-09-01", asOf: "2026-09-23",
            expected: ["warning due-soon r 2026-08 due=2026-09-30 actual=5 line=2"]),
        Row(name: "eight days before: nothing yet", csv: "u,2026-08,km,5,2026-09-01", asOf: "2026-09-22", expected: []),
        Row(name: "already met before the due date: no due-soon", csv: "u,2026-08,km,7,2026-09-01", asOf: "2026-09-28", expected: []),
        Row(name: "no value when judged: no-data with the rule's severity", csv: "", asOf: "2026-10-01",
            expected: ["violation no-data r due=2026-09-30"]),
        Row(name: "a row submitted after the as-of date is not known yet",
            csv: "u,2026-09,km,7,2026-10-05", asOf: "2026-10-01", expected: ["violation no-data r due=2026-09-30"]),
        Row(name: "a row submitted late still counts once known (cut-off is the period's end)",
            csv: "u,2026-09,km,7,2026-10-05", asOf: "2026-10-06", expected: []),
        Row(name: "values after the due date do not count", csv: "u,2026-09,km,5,2026-09-25\nu,2026-10,km,8,2026-10-20",
            asOf: "2026-10-25", expected: ["violation target-missed r 2026-09 due=2026-09-30 actual=5 line=2"]),
        Row(name: "a row without a submission date counts once its period has ended",
            csv: "u,2026-09,km,7,", asOf: "2026-09-30", expected: []),
        Row(name: "a row without a date is unknown before its period ends",
            csv: "u,2026-09,km,7,", asOf: "2026-09-29", expected: ["warning due-soon r due=2026-09-30"]),
        Row(name: "values of earlier years do not count", csv: "u,2025-12,km,9,2026-01-05", asOf: "2026-10-01",
            expected: ["violation no-data r due=2026-09-30"]),
    ])
    func judged(_ row: Row) throws {
        let outcome = try Harness.run(Self.plan, csv: row.csv, asOf: row.asOf)
        #expect(outcome.lines == row.expected)
    }

    @Test func strictlyAboveFailsOnTheThreshold() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "bhyt", "target": "trên 98%"}"#,
                                extra: #""calendar": "none", "indicators": {"bhyt": {"unit": "%"}}"#)
        let on = try Harness.run(plan, csv: "u,2026-12,bhyt,98,2026-12-20", asOf: "2027-01-01")
        #expect(on.lines == ["violation target-missed r 2026-12 due=2026-12-31 actual=98 line=2"])
        let above = try Harness.run(plan, csv: "u,2026-12,bhyt,98.1,2026-12-20", asOf: "2027-01-01")
        #expect(above.lines.isEmpty)
    }

    @Test func belowTargetIsMetFromBelow() throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "ngheo", "target": "dưới 15%"}"#,
                                extra: #""calendar": "none", "indicators": {"ngheo": {"unit": "%"}}"#)
        #expect(try Harness.run(plan, csv: "u,2026-12,ngheo,14.9,2026-12-20", asOf: "2027-01-01").lines.isEmpty)
        #expect(try Harness.run(plan, csv: "u,2026-12,ngheo,15,2026-12-20", asOf: "2027-01-01").lines
                == ["violation target-missed r 2026-12 due=2026-12-31 actual=15 line=2"])
    }

    @Test func milestonesAreJudgedAtTheirOwnDates() throws {
        let plan = Harness.plan(
            rules: #"{"id": "r", "indicator": "km", "target": "≥ 6 km", "due": "quý III/2026", "milestones": [{"due": "Q2", "target": "tối thiểu 3 km"}]}"#,
            extra: #""calendar": "none", "indicators": {"km": {"unit": "km"}}"#)
        let csv = "u,2026-03,km,1.2,2026-04-10\nu,2026-06,km,2.4,2026-07-10"
        // On 30/06 the milestone is due soon and the June value is not known yet.
        #expect(try Harness.run(plan, csv: csv, asOf: "2026-06-30").lines
                == ["warning due-soon r 2026-03 due=2026-06-30 actual=1.2 line=2"])
        // On 01/07 the milestone is judged with the values known then: only March's.
        #expect(try Harness.run(plan, csv: csv, asOf: "2026-07-01").lines
                == ["violation milestone-missed r 2026-03 due=2026-06-30 actual=1.2 line=2"])
        // Once June's value is known it is used (its period ended by the milestone date).
        #expect(try Harness.run(plan, csv: csv, asOf: "2026-07-11").lines
                == ["violation milestone-missed r 2026-06 due=2026-06-30 actual=2.4 line=3"])
    }

    @Test func aMilestoneWithoutDataIsNoDataAndSuppressesTheRuleWarning() throws {
        let plan = Harness.plan(
            rules: #"{"id": "r", "indicator": "km", "target": "≥ 6 km", "due": "2026-09-30", "milestones": [{"due": "2026-06-30", "target": "≥ 3 km"}]}"#,
            reports: #"{"id": "m", "every": "month", "due": "by day 25 of the next month"}"#,
            extra: #""calendar": "none", "indicators": {"km": {"unit": "km"}}"#)
        let codes = try Harness.codes(Harness.run(plan, csv: "", asOf: "2026-07-01"))
        #expect(codes.filter { $0.hasSuffix("no-data") } == ["violation no-data"])
    }

    @Test func noDataWarningOnlyOnceAReportPeriodHasEnded() throws {
        let plan = Harness.plan(
            rules: #"{"id": "r", "indicator": "km", "target": "≥ 6 km"}"#,
            reports: #"{"id": "q", "every": "quarter", "due": "trước ngày 20 tháng cuối quý"}"#,
            extra: #""calendar": "none""#)
        #expect(!(try Harness.run(plan, csv: "", asOf: "2026-03-30").lines.contains("warning no-data r due=2026-12-31")))
        #expect(try Harness.run(plan, csv: "", asOf: "2026-03-31").lines.contains("warning no-data r due=2026-12-31"))
        let withoutSchedules = Harness.plan(rules: #"{"id": "r", "indicator": "km", "target": "≥ 6 km"}"#)
        #expect(try Harness.run(withoutSchedules, csv: "", asOf: "2026-11-01").lines == [])
    }
}

/// Which values count (spec §6.1): the latest period, the shortest on a tie, sums over the
/// finest periods, corrections and conflicting duplicates.
@Suite struct ValuesThatCountTests {
    static func plan(_ aggregate: String) -> String {
        Harness.plan(rules: #"{"id": "r", "indicator": "x", "target": "≥ 100", "due": "2026-06-30"}"#,
                     extra: #""calendar": "none", "indicators": {"x": {"aggregate": "\#(aggregate)"}}"#)
    }

    @Test func theShortestOfPeriodsEndingTogetherWins() throws {
        let csv = "u,2026-H1,x,1,2026-07-01\nu,2026-Q2,x,2,2026-07-01\nu,2026-06,x,3,2026-07-01"
        #expect(try Harness.run(Self.plan("latest"), csv: csv, asOf: "2026-07-02").lines
                == ["violation target-missed r 2026-06 due=2026-06-30 actual=3 line=4"])
    }

    @Test func sumsCountEachMonthOnceWithMonthsWinning() throws {
        // January and February are counted from their own rows; Q1 adds only March (55 − 30).
        let csv = "u,2026-01,x,10,2026-02-01\nu,2026-02,x,20,2026-03-01\nu,2026-Q1,x,55,2026-04-01\nu,2026-Q2,x,30,2026-07-01"
        #expect(try Harness.run(Self.plan("sum"), csv: csv, asOf: "2026-07-02").lines
                == ["violation target-missed r 2026-Q2 due=2026-06-30 actual=85 line=5"])
        // Only months: each counted once; the quarter that covers them exactly adds nothing.
        let months = "u,2026-01,x,10,2026-02-01\nu,2026-02,x,20,2026-03-01\nu,2026-03,x,30,2026-04-01\nu,2026-Q1,x,99,2026-04-01"
        #expect(try Harness.run(Self.plan("sum"), csv: months, asOf: "2026-07-02").lines
                == ["violation target-missed r 2026-03 due=2026-06-30 actual=60 line=4"])
    }

    @Test func aCumulativeHalfYearAfterAQuarterAddsTheSecondQuarter() throws {
        // Plans report "quý I" then "6 tháng" (cumulative): H1 counts as Q1 plus the rest.
        let csv = "u,2026-Q1,x,40,2026-04-01\nu,2026-H1,x,100,2026-07-01"
        #expect(try Harness.run(Self.plan("sum"), csv: csv, asOf: "2026-07-02").lines.isEmpty)
        let short = "u,2026-Q1,x,40,2026-04-01\nu,2026-H1,x,90,2026-07-01"
        #expect(try Harness.run(Self.plan("sum"), csv: short, asOf: "2026-07-02").lines
                == ["violation target-missed r 2026-H1 due=2026-06-30 actual=90 line=3"])
    }

    @Test func aLaterSubmissionIsACorrectionFromItsDateOn() throws {
        let csv = "u,2026-06,x,50,2026-06-28\nu,2026-06,x,120,2026-07-20"
        #expect(try Harness.run(Self.plan("latest"), csv: csv, asOf: "2026-07-10").lines
                == ["violation target-missed r 2026-06 due=2026-06-30 actual=50 line=2"])
        #expect(try Harness.run(Self.plan("latest"), csv: csv, asOf: "2026-07-20").lines == [])
    }

    @Test func onEqualDatesADatedRowBeatsAnUndatedOne() throws {
        let csv = "u,2026-06,x,120,2026-06-30\nu,2026-06,x,50,"
        #expect(try Harness.run(Self.plan("latest"), csv: csv, asOf: "2026-07-10").lines == [])
        let reversed = "u,2026-06,x,50,\nu,2026-06,x,120,2026-06-30"
        #expect(try Harness.run(Self.plan("latest"), csv: reversed, asOf: "2026-07-10").lines == [])
    }

    @Test func conflictingDuplicatesFlagTheLaterRowAndUseTheFirst() throws {
        let csv = "u,2026-06,x,50,2026-06-28\nu,2026-06,x,120,2026-06-28"
        #expect(try Harness.run(Self.plan("latest"), csv: csv, asOf: "2026-07-10").lines == [
            "violation data-invalid 2026-06 line=3",
            "violation target-missed r 2026-06 due=2026-06-30 actual=50 line=2",
        ])
        let same = "u,2026-06,x,50,2026-06-28\nu,2026-06,x,50,2026-06-28"
        #expect(try Harness.run(Self.plan("latest"), csv: same, asOf: "2026-07-10").lines
                == ["violation target-missed r 2026-06 due=2026-06-30 actual=50 line=2"])
    }
}
