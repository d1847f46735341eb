import Testing
@testable import Rules

/// The glance at a large file before judging while reading: rows unit by unit say yes, rows
/// period by period (every unit each month) say no, and too small a file is not looked at.
@Suite struct UnitOrderSampleTests {
    static let layout = CSVDataReader.Layout(columns: 5, delimiter: .comma, unit: 0, period: 1, indicator: 2, value: 3,
                                             submitted: 4, report: nil)

    /// 600 units × 12 months × 20 indicators (about 7 MB), by unit or by month.
    static func csv(byMonth: Bool, units: Int = 600, quoted: Bool = false) -> [UInt8] {
        var s = ""
        func row(_ u: Int, _ m: Int, _ i: Int) -> String {
            let unit = quoted && i == 0 ? "\"xa-\(u)\"" : "xa-\(u)"
            return "\(unit),2026-\(m < 10 ? "0" : "")\(m),ind_\(i),\(Double(u * i % 997) / 10),2026-\(m < 9 ? "0" : "")\(m + 1 == 13 ? 12 : m + 1)-20\n"
        }
        if byMonth {
            for m in 1...12 { for u in 0..<units { for i in 0..<20 { s += row(u, m, i) } } }
        } else {
            for u in 0..<units { for m in 1...12 { for i in 0..<20 { s += row(u, m, i) } } }
        }
        return Array(s.utf8)
    }

    @Test(arguments: [
        (false, 600, false, true),   // unit by unit: worth judging while reading
        (true, 600, false, false),   // month by month: every unit comes back
        (false, 600, true, true),    // quoted lines are skipped, the rest still tells
        (true, 20, false, true),     // under 1 MB: not looked at (a failed try costs little)
    ])
    func aGlanceTellsUnitOrder(byMonth: Bool, units: Int, quoted: Bool, expected: Bool) {
        let bytes = Self.csv(byMonth: byMonth, units: units, quoted: quoted)
        let source = ByteSource(bytes: bytes)
        #expect(UnitOrderSample.looksGrouped(source, 0..<bytes.count, layout: Self.layout) == expected)
    }
}
