import Foundation
import Testing
@testable import Rules

/// The fast lane reads plain records exactly as the general reader does, and hands every
/// other record to it: with the lane on or off, the same values, line numbers and findings.
@Suite struct PlainRecordsTests {
    static let header = "unit,period,indicator,value,submitted,report,note\n"

    static func load(_ text: String, plainLane: Bool, threads: Int = 1) -> [String] {
        load(Array(text.utf8), plainLane: plainLane, threads: threads)
    }

    static func load(_ bytes: [UInt8], plainLane: Bool, threads: Int = 1) -> [String] {
        let scope = DataScope(plans: [ParallelReadingTests.plan], asOf: CivilDate(year: 2027, month: 1, day: 31)!,
                              numbers: .c, unitFilter: [])
        let result = DataLoader.load([.init(name: "d.csv", bytes: bytes)], scope: scope, plans: [ParallelReadingTests.plan],
                                     threads: threads, parallelThreshold: 1, plainLane: plainLane)
        return ParallelReadingTests.fingerprint(result)
    }

    /// Each row: records the lane must read, or must leave to the general reader, next to
    /// plain ones (so that the lane stops and starts again around them).
    @Test(arguments: [
        ("plain rows", "u1,2026-01,x,51,2026-02-10,m,\nu1,2026-02,x,52,2026-03-10,m,ok\n"),
        ("CR LF line ends", "u1,2026-01,x,51,2026-02-10,m,\r\nu1,2026-02,x,52,2026-03-10,m,\r\n"),
        ("a lone CR ends a record", "u1,2026-01,x,51,2026-02-10,m,\ru1,2026-02,x,52,,m,\nu1,2026-03,x,53,,m,\n"),
        ("empty lines and a line of spaces", "\n\r\nu1,2026-01,x,51,,m,\n   \n\nu1,2026-02,x,52,,m,\n"),
        ("a blank row of delimiters", "u1,2026-01,x,51,,m,\n,,,,,,\nu1,2026-02,x,52,,m,\n"),
        ("a quoted note", "u1,2026-01,x,51,,m,\"có, dấu phẩy\"\nu1,2026-02,x,52,,m,\n"),
        ("a note over two lines", "u1,2026-01,x,51,,m,\"dòng 1\ndòng 2\"\nu1,2026-02,x,52,,m,\n"),
        ("a stray quote", "u1,2026-01,x,5\"1,,m,\nu1,2026-02,x,52,,m,\n"),
        ("text outside ASCII", "u1,2026-01,x,51,,m,ghi chú\nu1,2026-02,x,52,,m,\n"),
        ("invalid UTF-8", "u1,2026-01,x,51,,m,\u{FFFD}\nu1,2026-02,x,52,,m,\n"),
        ("an unquoted decimal comma", "u1,2026-01,x,93,5,2026-02-10,m,ok\nu1,2026-02,x,52,,m,,\n"),
        ("fewer cells than columns", "u1,2026-01,x,51\nu1,2026-02,x\nu1,2026-03\n"),
        ("a bad number and a bad date", "u1,2026-01,x,abc,,m,\nu1,2026-02,x,52,32/13/2026,m,\n"),
        ("spaces around cells", " u1 , 2026-01 ,x , 51 ,2026-02-10 ,m,\n"),
        ("the last line without a line break", "u1,2026-01,x,51,,m,\nu1,2026-02,x,52,,m,"),
        ("the last line ends in CR", "u1,2026-01,x,51,,m,\nu1,2026-02,x,52,,m,\r"),
        ("a unit that is no slug", "U 1,2026-01,x,51,,m,\nu1,2026-02,x,52,,m,\n"),
    ])
    func bothLanesReadTheSame(_ name: String, _ rows: String) {
        var bytes = Array((Self.header + rows).utf8)
        if name == "invalid UTF-8" { bytes = bytes.replacing(Array("\u{FFFD}".utf8), with: [0xC3, 0x28]) }
        let general = Self.load(bytes, plainLane: false)
        #expect(!general.isEmpty)
        ParallelReadingTests.same(Self.load(bytes, plainLane: true), general)
    }

    /// Rows that repeat the unit, period, submission date and report cells of the row before
    /// take the collector's short way (`ObservationCollector.addPlain`); every cell that
    /// way must leave to `add(_:)` comes right after such a row here, so that the short way
    /// is tried on it: a new indicator, an invalid one, a task, a `%` on a non-percent
    /// indicator, an empty or spaced value, an exponent, a long number, another report,
    /// an invalid report, an empty report cell; and rows submitted after the as-of date.
    @Test(arguments: [DataNumberStyle.c, .vi])
    func rowsOfOneReportReadTheSameBothWays(numbers: DataNumberStyle) {
        let cells = ["x,51", "x,-2.5", "y,7", "Bad Id,3", "t,2026-01-20", "t,xong", "t,0", "t,1", "n,12%", "n,12", "x,",
                     "x, 51", "y,1e3", "y,1234567890123456", "x,93%", "z,.5", "x,-", "x,1.2.3", "y,51,5", "n,\"1,5\"", ",5",
                     "x,007", "y,1.000,5", "y,52", "y,53", "y,54"]
        var text = "unit,period,indicator,value,submitted,report\n"
        // Each cell in a unit of its own, so that every value shows in some series.
        for (k, cell) in cells.enumerated() {
            for m in 1...3 {
                // March of every other unit submitted after the as-of date: neither row is read.
                let late = m == 3 && k % 2 == 1
                let head = "u\(k),2026-0\(m),", tail = late ? ",2027-02-05" : ",2026-0\(m + 1)-1\(m)"
                let report = k == 23 ? "q" : k == 24 ? "Bad Report" : k == 25 ? "" : "m"
                text += head + "h,\(k)" + tail + ",m\n"  // read in full: its cells are the head of the row after
                text += head + cell + tail + ",\(report)\n"
            }
        }
        let scope = DataScope(asOf: CivilDate(year: 2027, month: 1, day: 31)!, numbers: numbers, taskIndicators: ["t"],
                              nonPercentIndicators: ["n": "ha"])
        func read(_ lane: Bool) -> [String] {
            let r = DataLoader.load([.init(name: "d.csv", bytes: Array(text.utf8))], scope: scope,
                                    plans: [ParallelReadingTests.plan], threads: 1, parallelThreshold: 1, plainLane: lane)
            var out = ParallelReadingTests.fingerprint(r)
            for unit in r.data.units {
                for indicator in ["h", "y", "t", "n", "z"] {
                    for p in r.data.series(unit: unit, indicator: indicator).points {
                        out.append("\(unit) \(indicator) \(r.data.periods[Int(p.period)].id) \(p.value) line \(p.line)")
                    }
                }
            }
            out += r.data.submissions.map { "\($0.key) \($0.value.indicators.sorted())" }.sorted()
            return out
        }
        let general = read(false)
        #expect(general.filter { $0.hasPrefix("data-invalid") }.count >= 20, "\(general.prefix(5))")
        #expect(general.count > 250)
        ParallelReadingTests.same(read(true), general)
    }

    /// A header wider than the lane's limit of cells (a spreadsheet export with many extra
    /// columns): rows with more cells than the lane takes go to the general reader.
    @Test(arguments: [31, 32, 33, 34, 40])
    func rowsWiderThanTheLaneAreReadByTheGeneralReader(cells: Int) {
        let extra = (7..<40).map { "extra\($0)" }.joined(separator: ",")
        var text = "unit,period,indicator,value,submitted,report,note,\(extra)\n"
        let filler = String(repeating: ",x", count: cells - 7)
        text += "u1,2026-01,x,51,2026-02-10,m,note\(filler)\nu1,2026-02,x,52,,m,\n"
        let general = Self.load(text, plainLane: false)
        #expect(general.contains { $0.contains("2026-01 51.0") })
        ParallelReadingTests.same(Self.load(text, plainLane: true), general)
    }

    @Test func theAwkwardFileOfTheParallelTestsReadsTheSameInBothLanes() {
        let bytes = ParallelReadingTests.csv(strayQuoteAt: 300)
        let general = Self.load(bytes, plainLane: false)
        ParallelReadingTests.same(Self.load(bytes, plainLane: true), general)
        ParallelReadingTests.same(Self.load(bytes, plainLane: true, threads: 3), general)
    }

    /// A file on disk is read in blocks (4 MB; 4 KB here): records cut by a block's end (in
    /// the lane or not, a CR LF pair cut in two, a note longer than a block) are completed
    /// from the next block.
    @Test func recordsCutByTheEndOfABlockAreReadWhole() throws {
        var text = "unit,period,indicator,value,submitted,report,note\r\n"
        let long = "\"" + String(repeating: "dài, ", count: 1500) + "\""
        for n in 1...3000 {
            let end = n % 5 == 0 ? "\n" : "\r\n"
            let note = n == 1234 ? long : n % 13 == 0 ? "\"ghi chú\r\ndài\"" : n % 17 == 0 ? "tiếng Việt" : "x"
            text += "u\(n % 40),2026-\(n % 12 < 9 ? "0" : "")\(n % 12 + 1),x,\(n % 100),2026-12-1\(n % 9),m,\(note)\(end)"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-lanes-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let scope = DataScope(plans: [ParallelReadingTests.plan], asOf: CivilDate(year: 2027, month: 1, day: 31)!,
                              numbers: .c, unitFilter: [])
        func read(_ lane: Bool, threads: Int, block: Int) throws -> [String] {
            let source = try #require(ByteSource(path: url.path))
            let (collectors, diagnostics) = CSVDataReader.read(source, file: "d.csv", fileIndex: 0, scope: scope, threads: threads,
                                                               parallelThreshold: 1, plainLane: lane, blockSize: block)
            let (data, findings) = ProgressData.merge(collectors, files: ["d.csv"], threads: 1)!
            return ParallelReadingTests.fingerprint(DataLoader.Result(data: data, findings: findings, diagnostics: diagnostics))
        }
        let general = try read(false, threads: 1, block: 1 << 22)
        #expect(general.count > 400)
        #expect(text.utf8.count > 25 * 4096)
        ParallelReadingTests.same(try read(true, threads: 1, block: 4096), general)
        ParallelReadingTests.same(try read(false, threads: 1, block: 4096), general)
        ParallelReadingTests.same(try read(true, threads: 3, block: 4096), general)
    }
}
