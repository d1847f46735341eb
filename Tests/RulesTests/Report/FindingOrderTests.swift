import Testing
@testable import Rules

/// The fast canonical sort (numbered fields, chunks on several threads) puts findings in
/// exactly the order of spec §6 that `Finding.canonicalOrder` spells out field by field.
@Suite struct FindingOrderTests {
    static func findings(_ count: Int) -> [Finding] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func pick<T>(_ options: [T]) -> T {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return options[Int(state >> 33) % options.count]
        }
        let units: [String?] = (0..<40).map { "xa-\($0 * 7 % 40)" } + [nil]
        let rules: [String?] = ["r1", "r10", "r2", "r100", "bhyt", "Z", nil]
        let periods: [String?] = ["2026-06", "2026-Q2", "2026-H1", "2026-9M", "2026", "2026-06-30", "2025-12", nil]
        let codes: [FindingCode] = [TargetRule.missed, .dueSoon, .dataInvalid, .noData, .unknownIndicator]
        return (0..<count).map { i in
            Finding(severity: pick([.violation, .warning]), code: pick(codes), plan: pick(["p", "a", nil]), rule: pick(rules),
                    unit: pick(units), period: pick(periods),
                    due: pick([nil, CivilDate(year: 2026, month: 6, day: 30), CivilDate(year: 2026, month: 1, day: 5)]),
                    message: LocalizedText(verbatim: "m\(i % 3)"),
                    location: pick([nil, SourceLocation(file: "b.csv", line: i % 50), SourceLocation(file: "a.csv", line: i % 7)]))
        }
    }

    /// Sorting reads period ids back byte by byte: every id a period has names that period,
    /// and anything else is no period (it then sorts as text).
    @Test func periodIDsReadBackTheirPeriods() {
        var periods: [Period] = []
        for year in [1, 999, 2025, 2026, 9999] {
            periods += (1...12).map { Period.month(year, $0) } + (1...4).map { Period.quarter(year, $0) }
            periods += [.half(year, 1), .half(year, 2), .nineMonths(year), .year(year)]
            periods += [CivilDate(year: year, month: 2, day: 28)!, CivilDate(year: year, month: 12, day: 31)!].map(Period.day)
        }
        for p in periods { #expect(PeriodID.period(p.id) == p, "\(p.id)") }
        for text in ["", "2026-", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3", "2026-8M", "2026-9m", "0000",
                     "12345", "2026-6", "2026-006", "2026-02-30", "2026/06", "x026-06", "2026-06-1", "2026-Q2x"] {
            #expect(PeriodID.period(text) == nil, "\(text)")
        }
    }

    static func reference(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            if Finding.canonicalOrder(a.element, b.element) { return true }
            if Finding.canonicalOrder(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }

    @Test(arguments: [(0, 1), (1, 1), (300, 1), (300, 4), (20_000, 1), (20_000, 2), (20_000, 7)])
    func theFastSortIsTheCanonicalOrder(count: Int, threads: Int) {
        let findings = Self.findings(count)
        let sorted = FindingOrder.sorted(findings, threads: threads)
        let expected = Self.reference(findings)
        #expect(sorted.count == expected.count)
        let firstDifference = zip(sorted, expected).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstDifference == nil, "first difference at \(firstDifference?.offset ?? -1)")
    }

    @Test func partsAreJoinedAndSortedAsOne() {
        let findings = Self.findings(5_000)
        let parts = [Array(findings[..<1_000]), [], Array(findings[1_000...])]
        #expect(FindingOrder.sorted(parts, threads: 3) == Self.reference(findings))
    }

    /// Findings of units judged while reading come as runs, each unit's in order: taken as
    /// they are when the units come in order, sorted with the rest when they do not, and
    /// the other findings (of units judged afterwards, rows that could not be read) merged in.
    @Test(arguments: [(40, true, 0), (40, true, 500), (40, false, 500), (1, true, 300), (40, true, 5_000)])
    func presortedRunsGiveTheCanonicalOrder(units: Int, inOrder: Bool, others: Int) {
        let all = Self.findings(6_000)
        let judged = Self.reference(all.filter { $0.unit != nil }).filter { f in
            (0..<units).contains { f.unit == "xa-\($0 * 7 % 40)" }
        }
        var byUnit: [String: [Finding]] = [:]
        for f in judged { byUnit[f.unit!, default: []].append(f) }
        let order = inOrder ? byUnit.keys.sorted() : byUnit.keys.sorted().reversed()
        let flat = order.flatMap { byUnit[$0]! }
        let runs = [Array(flat[..<(flat.count / 3)]), [], Array(flat[(flat.count / 3)...])]
        let judgedSet = Set(judged)
        let rest = Array(all.filter { !judgedSet.contains($0) }.prefix(others))
        let sorted = FindingOrder.sorted([rest], presorted: runs, threads: 2)
        let expected = Self.reference(flat + rest)
        let same = sorted == expected
        #expect(sorted.count == expected.count)
        #expect(same)
    }
}
