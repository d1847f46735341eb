import Foundation
import Testing

/// A data file in unit order is judged while it is read (`UnitJudging`): the built `check`
/// must write exactly what it writes when that is turned off (`CHITIEU_STREAMING=0`) on one
/// thread, on a file large enough to be read in pieces, in unit order or not.
@Suite(.serialized) struct UnitOrderEndToEndTests {
    static let plan = """
        {"plan": "ca-nuoc", "units": "*", "year": 2026, "calendar": "none", "owner": "so",
         "owners": {"so": {"name": "Sở Nội vụ", "email": "so@example.vn"}},
         "reports": [{"id": "thang", "every": "month", "due": "by day 25 of the next month"}],
         "rules": [
          {"id": "r0", "indicator": "ind_0", "target": "≥ 50"},
          {"id": "r1", "indicator": "ind_1", "target": "từ 20 đến 80"},
          {"id": "r2", "indicator": "ind_2", "target": "< 90", "due": "2026-06-30"},
          {"id": "k3", "indicator": "ind_3", "maintain": "≥ 5"},
          {"id": "k4", "indicator": "ind_4", "maintain": "≤ 95"}]}
        """

    /// 800 units × 12 months × 8 indicators (5 MB: read in pieces by several threads), a
    /// conflicting duplicate and an unreadable value now and then; `unitComesBack` moves one
    /// unit's January rows to the end.
    static func csv(unitComesBack: Bool) -> String {
        var s = "unit,period,indicator,value,submitted\n"
        var tail = ""
        var n = 0
        for u in 0..<800 {
            let unit = "xa-" + String(String(u + 100_000).dropFirst())
            for m in 1...12 where !(u % 97 == 5 && m == 3) {
                let month = m < 10 ? "0\(m)" : "\(m)"
                let day = u % 20 == 0 ? 27 : 10 + u % 15
                let submitted = m == 12 ? "2027-01-\(day)" : "2026-\(m + 1 < 10 ? "0" : "")\(m + 1)-\(day)"
                var rows = ""
                for i in 0..<8 {
                    n += 1
                    let value = Double((u * 31 + m * 7 + i * 13) % 10_000) / 100
                    rows += "\(unit),2026-\(month),ind_\(i),\(n % 4_001 == 0 ? "n/a" : String(value)),\(submitted)\n"
                    if n % 3_001 == 0 { rows += "\(unit),2026-\(month),ind_\(i),\(value + 1),\(submitted)\n" }
                }
                if unitComesBack && u == 400 && m == 1 { tail = rows } else { s += rows }
            }
        }
        return s + tail
    }

    static func folder(unitComesBack: Bool) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try plan.write(to: dir.appendingPathComponent("plan.json"), atomically: true, encoding: .utf8)
        try csv(unitComesBack: unitComesBack).write(to: dir.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test(arguments: [false, true], [["--format", "jsonl"], ["--format", "json", "--all"]])
    func judgingWhileReadingWritesWhatTheUsualWayWrites(unitComesBack: Bool, format: [String]) throws {
        let dir = try Self.folder(unitComesBack: unitComesBack)
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = ["--rules", "plan.json", "data.csv", "--as-of", "2027-01-01"] + format
        let usual = try Binary.run(arguments, environment: ["CHITIEU_STREAMING": "0", "CHITIEU_THREADS": "1"], in: dir)
        #expect(usual.status == 1)
        #expect(usual.stdout.contains("conflicting duplicate"))
        #expect(usual.stdout.contains("report-late"))
        for threads in ["1", "3"] {
            let streamed = try Binary.run(arguments, environment: ["CHITIEU_THREADS": threads], in: dir)
            #expect(streamed.status == usual.status)
            #expect(streamed.stderr == usual.stderr)
            let same = streamed.stdout == usual.stdout
            #expect(same, "threads \(threads): \(streamed.stdout.count) vs \(usual.stdout.count) bytes")
        }
        // The phases say whether the units were judged while reading: all but those that
        // begin or end one of the three pieces, or none when a unit comes back.
        let timed = try Binary.run(arguments, environment: ["CHITIEU_THREADS": "3", "CHITIEU_TIMING": "1"], in: dir)
        let phases = timed.stderr.split(separator: "\n").first { $0.hasPrefix("timing: ") }.map(String.init) ?? ""
        if unitComesBack {
            #expect(phases.hasPrefix("timing: read "), "\(phases)")
        } else {
            let judged = phases.split(separator: " ").dropFirst(4).first.flatMap { Int($0) } ?? 0
            #expect(phases.hasPrefix("timing: read and judge ") && judged >= 800 - 6, "\(phases)")
        }
    }
}
