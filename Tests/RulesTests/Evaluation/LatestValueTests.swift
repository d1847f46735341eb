import Testing
@testable import Rules

/// The latest value read straight from the rows (`ProgressData.latestValue`, the passing
/// target check's shortcut) is the one the series gives, whatever the rows: several for one
/// period with different, equal or no submission dates, empty values, tasks not yet done
/// (NaN), months and quarters mixed, windows and cut-off dates anywhere in the year.
@Suite struct LatestValueTests {
    static func randomData(seed: UInt64) -> ProgressData {
        var state = seed
        func pick(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        let periods = ["2025-12", "2026-01", "2026-02", "2026-03", "2026-Q1", "2026-04", "2026-06", "2026-H1", "2026-Q3", "2026-11", "2026"]
        let dates = ["", "2026-02-10", "2026-04-01", "2026-04-01", "2026-07-15", "2026-12-01", "2027-01-05"]
        var csv = "unit,period,indicator,value,submitted\n"
        for u in 0..<6 {
            for _ in 0..<(5 + pick(30)) {
                let value = ["", "12.5", "40", "40", "77.25", "-3"][pick(6)]
                csv += "u\(u),\(periods[pick(periods.count)]),x,\(value),\(dates[pick(dates.count)])\n"
                let task = ["", "chưa", "xong", "2026-03-04", "0"][pick(5)]
                csv += "u\(u),\(periods[pick(periods.count)]),t,\(task),\(dates[pick(dates.count)])\n"
            }
        }
        let scope = DataScope(asOf: CivilDate(year: 2027, month: 2, day: 1)!, taskIndicators: ["t"])
        return DataLoader.load([.init(name: "d.csv", bytes: Array(csv.utf8))], scope: scope, plans: []).data
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func theShortcutGivesTheSeriesValue(seed: UInt64) {
        let data = Self.randomData(seed: seed)
        #expect(data.units.count == 6)
        let days = [(2025, 1, 1), (2026, 1, 1), (2026, 2, 28), (2026, 3, 31), (2026, 6, 30), (2026, 9, 30), (2026, 12, 31), (2027, 1, 31)]
            .map { CivilDate(year: $0.0, month: $0.1, day: $0.2)! }
        var compared = 0, found = 0
        for unit in data.units {
            let id = data.unitID(unit)
            for indicator in ["x", "t", "absent"] {
                let series = data.series(unitID: id, indicator: indicator)
                for (a, from) in days.enumerated() {
                    for to in days[a...] {
                        for cutoff in days {
                            let expected = series.value(.latest, in: from...to, upTo: cutoff)?.value
                            let shortcut = data.latestValue(unitID: id, indicator: indicator, in: from...to, upTo: cutoff)
                            let same = expected == shortcut || (expected?.isNaN == true && shortcut?.isNaN == true)
                            #expect(same, "\(unit) \(indicator) \(from.iso)...\(to.iso) ≤ \(cutoff.iso): \(String(describing: expected)) vs \(String(describing: shortcut))")
                            compared += 1
                            if expected != nil { found += 1 }
                        }
                    }
                }
            }
        }
        #expect(found > compared / 5)
    }
}
