import Foundation
import Testing
@testable import Rules

/// Judging while reading (`UnitJudging`) gives exactly the report of reading everything and
/// judging afterwards — for a file in unit order cut into any number of pieces, with the
/// awkward rows of `ParallelReadingTests`, conflicting duplicates in later pieces, filters
/// and plans that list units absent from the data — and falls back to the usual reading when
/// a unit comes back after others.
@Suite struct UnitJudgingTests {
    /// Two plans: every unit in the data (a target, a band kept all year and a monthly
    /// report), and a list of units, one of them absent from the data.
    static let rules: RuleSet = {
        let every = Harness.plan(
            rules: #"{"id": "r", "indicator": "x", "target": "≥ 50"}, {"id": "keep", "indicator": "x", "maintain": "từ 10 đến 90", "owner": "van-phong"}"#,
            reports: #"{"id": "m", "every": "month", "due": "by day 25 of the next month"}"#,
            extra: #""calendar": "none", "owner": "ubnd", "owners": {"ubnd": {"name": "UBND"}, "van-phong": {"name": "Văn phòng"}}"#)
            .replacingOccurrences(of: #""units": ["u"]"#, with: #""units": "*""#)
        let listed = Harness.plan(rules: #"{"id": "y-rule", "indicator": "y", "target": "≤ 30", "due": "2026-06-30"}"#,
                                  extra: #""calendar": "none", "owner": "hdnd", "owners": {"hdnd": {"name": "HĐND"}}"#)
            .replacingOccurrences(of: #""plan": "p""#, with: #""plan": "q""#)
            .replacingOccurrences(of: #""units": ["u"]"#, with: #""units": ["u3", "u17", "u39", "zz-absent"]"#)
        let a = try! Harness.loadPlan(every).plans[0], b = try! Harness.loadPlan(listed, file: "rules/q.json").plans[0]
        return RuleSet(plans: [a, b], calendars: [a.id: EveryDayCalendar(), b.id: EveryDayCalendar()])
    }()

    static let asOf = CivilDate(year: 2027, month: 1, day: 31)!

    /// 40 units × 12 months in unit order: multi-line quoted notes, line ends of both kinds,
    /// unreadable values, conflicting duplicates, an indicator no plan knows, and a second
    /// indicator for the listed plan. `order` rearranges the units' blocks of rows.
    static func csv(units order: [Int] = Array(0..<40), splitMonthsAt split: Int? = nil, duplicates: Bool = true) -> [UInt8] {
        func rows(_ u: Int, months: ClosedRange<Int>, n: inout Int) -> String {
            var s = ""
            for m in months {
                n += 1
                let month = m < 10 ? "0\(m)" : "\(m)"
                let next = m == 12 ? "12" : (m + 1 < 10 ? "0\(m + 1)" : "\(m + 1)")
                let value = (u * 37 + m * 11) % 100
                let end = n % 7 == 0 ? "\n" : "\r\n"
                let note = n % 11 == 0 ? "\"ghi chú\nnhiều dòng, có \"\"ngoặc\"\"\"" : n % 11 == 3 ? "\"dòng 1\r\ndòng 2\"" : "bình thường"
                s += "u\(u),2026-\(month),x,\(value),2026-\(next)-1\(u % 9),m,\(note)\(end)"
                s += "u\(u),2026-\(month),y,\((value * 3) % 50),2026-\(next)-1\(u % 9),m,\(end)"
                if n % 97 == 0 { s += "u\(u),2026-\(month),x,abc,2026-02-01,m,\(end)" }
                if duplicates && n % 29 == 0 { s += "u\(u),2026-\(month),x,\(value + 1),2026-\(next)-1\(u % 9),m,dup\(end)" }
                if n % 53 == 0 { s += "u\(u),2026-\(month),xx_typo,1,2026-\(next)-1\(u % 9),m,\(end)" }
            }
            return s
        }
        var s = "unit,period,indicator,value,submitted,report,note\r\n"
        var n = 0
        if let split {
            for u in order { s += rows(u, months: 1...split, n: &n) }
            for u in order { s += rows(u, months: (split + 1)...12, n: &n) }
        } else {
            for u in order { s += rows(u, months: 1...12, n: &n) }
        }
        return Array(s.utf8)
    }

    struct Both {
        var usual: Report
        var streamed: Report
        var loaded: DataLoader.Result
    }

    /// The report read the usual way and judged while reading, same options.
    static func both(_ bytes: [UInt8], threads: Int, units: Set<String> = [], owners: Set<String> = [],
                     keepPassed: Bool = false) -> Both {
        var options = CheckOptions(asOf: asOf, units: units, owners: owners, keepPassed: keepPassed, threads: threads)
        options.messageLanguage = .en
        let scope = DataScope(plans: rules.plans, asOf: asOf, numbers: .c, unitFilter: units)
        let source = DataLoader.Source(name: "d.csv", bytes: bytes)
        let usual = DataLoader.load([source], scope: scope, plans: rules.plans, threads: threads, parallelThreshold: 1)
        let streaming = DataLoader.load([source], scope: scope, plans: rules.plans, threads: threads, parallelThreshold: 1,
                                        judging: UnitJudging(rules: rules, options: options))
        return Both(usual: Engine.run(rules, data: usual.data, dataFindings: usual.findings, options: options),
                    streamed: Engine.judge(rules, data: streaming.data, dataFindings: streaming.findings, options: options,
                                           streamed: streaming.streamed).report(),
                    loaded: streaming)
    }

    static func same(_ a: Report, _ b: Report, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.findings.count == b.findings.count, sourceLocation: sourceLocation)
        // Plain Booleans: the expectation macro would print every finding of both sides.
        let diff = a.findings.map(describe).difference(from: b.findings.map(describe))
        let noDifference = diff.isEmpty, sameFindings = a.findings == b.findings, samePassed = a.passed == b.passed
        #expect(noDifference, "\(Array(diff.prefix(4)))", sourceLocation: sourceLocation)
        #expect(sameFindings, sourceLocation: sourceLocation)
        #expect(samePassed, sourceLocation: sourceLocation)
        #expect((a.checks, a.passedCount, a.pendingCount, a.units, a.plans) == (b.checks, b.passedCount, b.pendingCount, b.units, b.plans),
                sourceLocation: sourceLocation)
        #expect(a.dataOwners == b.dataOwners, sourceLocation: sourceLocation)
    }

    static func describe(_ f: Finding) -> String {
        "\(f.unit ?? "-") \(f.plan ?? "-") \(f.rule ?? "-") \(f.period ?? "-") \(f.code) \(f.owner ?? "-") \(f.location?.line ?? 0) \(f.message.en)"
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13])
    func dataInUnitOrderIsJudgedWhileReadingWithTheSameReport(threads: Int) throws {
        let run = Self.both(Self.csv(), threads: threads)
        Self.same(run.streamed, run.usual)
        let streamed = try #require(run.loaded.streamed)
        // All units but those that begin or end a piece were judged while reading; the data
        // left over holds only those.
        #expect(streamed.units.count >= 40 - 2 * threads)
        #expect(run.loaded.data.units.count <= 2 * threads)
        #expect(run.usual.findings.contains { $0.message.en.contains("conflicting duplicate") && ($0.location?.line ?? 0) > 400 })
        #expect(run.usual.findings.contains { $0.code == .unknownIndicator })
        #expect(run.usual.findings.contains { $0.unit == "zz-absent" })
        #expect(run.usual.findings.contains { $0.code == .dataInvalid && $0.message.en.contains("abc") })
    }

    /// Without conflicting duplicates (whose messages name a line, so that their piece is
    /// read again once its first line is known), the findings of later pieces have their
    /// lines moved into place.
    @Test(arguments: [2, 3, 7])
    func findingsOfLaterPiecesGetTheirTrueLines(threads: Int) throws {
        let run = Self.both(Self.csv(duplicates: false), threads: threads)
        Self.same(run.streamed, run.usual)
        _ = try #require(run.loaded.streamed)
        #expect(run.usual.findings.contains { $0.rule == "r" && ($0.location?.line ?? 0) > 600 })
    }

    @Test(arguments: [(["u3", "u20"], []), ([], ["van-phong"]), ([], ["hdnd"]), (["u0", "u39", "zz-absent"], ["ubnd"])] as [([String], [String])])
    func filtersGiveTheSameReport(units: [String], owners: [String]) {
        for threads in [1, 3] {
            let run = Self.both(Self.csv(), threads: threads, units: Set(units), owners: Set(owners))
            Self.same(run.streamed, run.usual)
            #expect(run.loaded.streamed != nil)
        }
    }

    @Test func everyCheckKeptGivesTheSamePassedList() {
        let run = Self.both(Self.csv(), threads: 4, keepPassed: true)
        #expect(run.usual.passed.count > 100)
        Self.same(run.streamed, run.usual)
    }

    /// Units sorted or not: only their rows being together counts.
    @Test func unitsTogetherInAnyOrderAreJudgedWhileReading() throws {
        let run = Self.both(Self.csv(units: (0..<40).map { ($0 * 17) % 40 }), threads: 3)
        Self.same(run.streamed, run.usual)
        _ = try #require(run.loaded.streamed)
    }

    @Test(arguments: [1, 2, 5])
    func aUnitThatComesBackFallsBackToTheUsualReading(threads: Int) {
        let run = Self.both(Self.csv(units: Array(0..<40) + [7]), threads: threads)
        #expect(run.loaded.streamed == nil)
        Self.same(run.streamed, run.usual)
    }

    /// Each half of the file is in unit order; the file is not (each unit appears twice),
    /// whether one piece or the other sees both halves.
    @Test(arguments: [1, 2, 3])
    func twoExportsOneAfterTheOtherFallBack(threads: Int) {
        let run = Self.both(Self.csv(splitMonthsAt: 6), threads: threads)
        #expect(run.loaded.streamed == nil)
        Self.same(run.streamed, run.usual)
    }

    /// Several files are judged after reading (a unit may be in each of them).
    @Test func severalFilesAreReadTheUsualWay() {
        let scope = DataScope(plans: Self.rules.plans, asOf: Self.asOf, numbers: .c, unitFilter: [])
        let bytes = Self.csv()
        let loaded = DataLoader.load([.init(name: "a.csv", bytes: bytes), .init(name: "b.csv", bytes: bytes)], scope: scope,
                                     plans: Self.rules.plans, threads: 2, parallelThreshold: 1,
                                     judging: UnitJudging(rules: Self.rules, options: CheckOptions(asOf: Self.asOf)))
        #expect(loaded.streamed == nil)
        #expect(loaded.data.units.count == 40)
    }
}
