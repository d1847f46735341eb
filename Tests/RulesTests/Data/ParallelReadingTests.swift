import Foundation
import Testing
@testable import Rules

/// A file read by several threads gives exactly what one thread gives: the same values,
/// the same line numbers, the same findings — whatever the line ends, quoted line breaks,
/// and broken quotes that force the reader to fall back to one piece.
@Suite struct ParallelReadingTests {
    static let plan: Plan = {
        let json = Harness.plan(rules: #"{"id": "r", "indicator": "x", "target": "≥ 50"}"#,
                                reports: #"{"id": "m", "every": "month", "due": "by day 25 of the next month"}"#)
            .replacingOccurrences(of: #""units": ["u"]"#, with: #""units": "*""#)
        return try! Harness.loadPlan(json).plans[0]
    }()

    /// Rows for 40 units × 12 months, with awkward records sprinkled in.
    static func csv(strayQuoteAt stray: Int? = nil) -> [UInt8] {
        var s = "unit,period,indicator,value,submitted,report,note\r\n"
        var n = 0
        for u in 0..<40 {
            for m in 1...12 {
                n += 1
                let month = m < 10 ? "0\(m)" : "\(m)"
                let value = (u * 37 + m * 11) % 100
                let end = n % 7 == 0 ? "\n" : "\r\n"
                let note: String
                switch n % 11 {
                case 0: note = "\"ghi chú\nnhiều dòng, có \"\"ngoặc\"\"\""
                case 3: note = "\"dòng 1\r\ndòng 2\r\ndòng 3\""
                default: note = "bình thường"
                }
                s += "u\(u),2026-\(month),x,\(value),2026-\(m == 12 ? "12" : (m + 1 < 10 ? "0\(m + 1)" : "\(m + 1)"))-1\(u % 9),m,\(note)\(end)"
                if n % 97 == 0 { s += "u\(u),2026-\(month),x,abc,2026-02-01,m,\(end)" }
                if n % 89 == 0 { s += "u\(u),2026-\(month),x,\(value + 1),2026-\(m == 12 ? "12" : (m + 1 < 10 ? "0\(m + 1)" : "\(m + 1)"))-1\(u % 9),m,dup\(end)" }
                if let stray, n == stray { s += "u\(u),2026-\(month),x,5\"0,2026-02-01,m,\(end)" }
            }
        }
        return Array(s.utf8)
    }

    static func load(_ bytes: [UInt8], threads: Int) -> DataLoader.Result {
        let scope = DataScope(plans: [plan], asOf: CivilDate(year: 2027, month: 1, day: 31)!, numbers: .c, unitFilter: [])
        return DataLoader.load([.init(name: "d.csv", bytes: bytes)], scope: scope, plans: [plan], threads: threads,
                               parallelThreshold: 1)
    }

    /// Everything the rules can see, as text.
    static func fingerprint(_ r: DataLoader.Result) -> [String] {
        var out = r.findings.sorted(by: Finding.canonicalOrder).map {
            "\($0.code) \($0.unit ?? "-") \($0.period ?? "-") \($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message.en)"
        }
        for unit in r.data.units {
            for p in r.data.series(unit: unit, indicator: "x").points {
                out.append("\(unit) \(r.data.periods[Int(p.period)].id) \(p.value) \(p.submitted?.iso ?? "-") line \(p.line)")
            }
        }
        for (k, v) in r.data.submissions.sorted(by: { "\($0.key)" < "\($1.key)" }) {
            out.append("\(k.unit) \(k.report) \(k.period.id) \(v.date?.iso ?? "-") line \(v.line)")
        }
        out += r.diagnostics.map { "\($0.code) \($0.location?.line ?? 0)" }
        return out
    }

    @Test(arguments: [2, 3, 5, 8, 13])
    func piecesGiveWhatOneThreadGives(threads: Int) {
        let bytes = Self.csv()
        let one = Self.fingerprint(Self.load(bytes, threads: 1))
        #expect(one.count > 480, "\(one.prefix(3))")
        Self.same(Self.fingerprint(Self.load(bytes, threads: threads)), one)
    }

    /// Compares line by line, reporting the first differences only.
    static func same(_ a: [String], _ b: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let diff = a.difference(from: b)
        #expect(diff.isEmpty, "\(Array(diff.prefix(6)))", sourceLocation: sourceLocation)
    }

    @Test(arguments: [2, 4, 7])
    func aStrayQuoteFallsBackToOnePieceWithTheSameResult(threads: Int) {
        let bytes = Self.csv(strayQuoteAt: 200)
        let one = Self.fingerprint(Self.load(bytes, threads: 1))
        #expect(one.contains { $0.hasPrefix("data-invalid") && $0.contains("quote") })
        Self.same(Self.fingerprint(Self.load(bytes, threads: threads)), one)
    }

    @Test func aFileOnDiskIsReadInPiecesLikeBytesInMemory() throws {
        let bytes = Self.csv()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-parallel-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let scope = DataScope(plans: [Self.plan], asOf: CivilDate(year: 2027, month: 1, day: 31)!, numbers: .c, unitFilter: [])
        let fromDisk = DataLoader.load([.init(path: url.path)], scope: scope, plans: [Self.plan], threads: 4, parallelThreshold: 1)
        let fingerprint = Self.fingerprint(fromDisk).map { $0.replacingOccurrences(of: url.path, with: "d.csv") }
        Self.same(fingerprint, Self.fingerprint(Self.load(bytes, threads: 1)))
    }

    @Test func theScanCountsLineBreaksAndQuotesLikeAPlainLoop() {
        let bytes = Self.csv()
        let (q, breaks, _) = bytes.withUnsafeBytes { CSVDataReader.count($0, previousCR: false) }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(q == bytes.filter { $0 == 0x22 }.count)
        // Swift counts a CR LF pair as one line separator, like the CSV reader.
        #expect(breaks == text.reduce(0) { $0 + ($1.isNewline ? 1 : 0) })
    }
}

extension ParallelReadingTests {
    /// Every piece starts right after a line break outside quotes, and knows its line
    /// (CR LF pairs cut by a nominal boundary included).
    @Test(arguments: [2, 5, 13, 40])
    func piecesStartRightAfterALineFeedAndCoverTheBody(count: Int) {
        let bytes = Self.csv()
        let header = Array("unit,period,indicator,value,submitted,report,note\r\n".utf8).count
        let pieces = CSVDataReader.cut(ByteSource(bytes: bytes), header..<bytes.count, into: count, firstLine: 2)
        #expect(pieces.count > 1)
        #expect(pieces.first?.range.lowerBound == header && pieces.last?.range.upperBound == bytes.count)
        #expect(pieces.first?.firstLine == 2)
        for (a, b) in zip(pieces, pieces.dropFirst()) {
            #expect(a.range.upperBound == b.range.lowerBound)
            #expect(bytes[b.range.lowerBound - 1] == 0x0A)
            #expect(b.firstLine == 1)
        }
    }

    /// A cut that falls on a line break inside a quoted field: the piece before it ends in an
    /// open quote, and the file is read on from that piece's start, with the same result.
    @Test(arguments: [2, 3, 4, 6])
    func aCutInsideAQuotedFieldReadsTheSame(threads: Int) {
        var s = "unit,period,indicator,value,submitted,report,note\n"
        for m in 1...6 { s += "u1,2026-0\(m),x,\(m),2026-0\(m + 1)-10,m,ok\n" }
        s += "u2,2026-01,x,5,2026-02-10,m,\"" + (0..<400).map { "dòng \($0), có \"\"ngoặc\"\"" }.joined(separator: "\n") + "\"\n"
        for m in 1...6 { s += "u3,2026-0\(m),x,\(m * 2),2026-0\(m + 1)-10,m,ok\n" }
        let bytes = Array(s.utf8)
        let one = Self.fingerprint(Self.load(bytes, threads: 1))
        #expect(one.contains { $0.hasPrefix("u3 2026-06 12.0") && $0.hasSuffix("line 413") }, "\(one.filter { $0.hasPrefix("u3") })")
        Self.same(Self.fingerprint(Self.load(bytes, threads: threads)), one)
    }

    /// A problem further down a multi-line record names its line in the message: a piece
    /// holding one is read again at its true first line, so the message is right.
    @Test(arguments: [2, 3, 5])
    func messagesThatNameLinesAreRightInEveryPiece(threads: Int) {
        var bytes = Array("unit,period,indicator,value,submitted,report,note\n".utf8)
        for u in 0..<60 {
            for m in 1...9 { bytes += Array("u\(u),2026-0\(m),x,\(m),,m,ok\n".utf8) }
            // Invalid UTF-8 on the second line of a quoted note: no stray quote, so the piece
            // is not read again for that; only because its message names a line.
            if u % 7 == 3 { bytes += Array("u\(u),2026-09,x,1,,m,\"first\nsec".utf8) + [0xFF] + Array("ond\"\n".utf8) }
        }
        let one = Self.fingerprint(Self.load(bytes, threads: 1))
        #expect(one.filter { $0.hasPrefix("data-invalid") && $0.contains(" line ") }.count == 9, "\(one.filter { $0.hasPrefix("data-invalid") })")
        Self.same(Self.fingerprint(Self.load(bytes, threads: threads)), one)
    }
}

extension ParallelReadingTests {
    /// Many files, each read in pieces: more pieces than a fixed split of the row
    /// reference held (32), so the split follows the number of pieces.
    @Test(arguments: [1, 4])
    func fortyFilesInPiecesGiveWhatOneFileGives(threads: Int) {
        let lines = String(decoding: Self.csv(), as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let header = String(lines[0])
        let body = lines.dropFirst().joined(separator: "\r\n")
        // Cut between units: every unit's rows start with "u<N>,2026-01,".
        var files: [String] = []
        for u in 0..<40 {
            let start = body.range(of: "u\(u),2026-01,")!.lowerBound
            let end = u == 39 ? body.endIndex : body.range(of: "u\(u + 1),2026-01,")!.lowerBound
            files.append(header + "\r\n" + body[start..<end])
        }
        let scope = DataScope(plans: [Self.plan], asOf: CivilDate(year: 2027, month: 1, day: 31)!, numbers: .c, unitFilter: [])
        let many = DataLoader.load(files.enumerated().map { .init(name: "d\($0.offset).csv", bytes: Array($0.element.utf8)) },
                                   scope: scope, plans: [Self.plan], threads: threads, parallelThreshold: 1)
        #expect(many.diagnostics.filter { $0.severity == .error }.isEmpty)
        func values(_ r: DataLoader.Result) -> [String] {
            r.data.units.flatMap { unit in
                r.data.series(unit: unit, indicator: "x").points.map { "\(unit) \(r.data.periods[Int($0.period)].id) \($0.value)" }
            }
        }
        let one = values(Self.load(Self.csv(), threads: 1))
        #expect(one.count == 480)
        Self.same(values(many), one)
        #expect(many.findings.count == Self.load(Self.csv(), threads: 1).findings.count)
    }

    @Test func theRowReferenceSplitsByTheNumberOfPieces() {
        #expect(ProgressData.rowLayout(pieces: 1, maxRows: 1 << 30) == 31)
        #expect(ProgressData.rowLayout(pieces: 32, maxRows: 1 << 27) == 27)
        #expect(ProgressData.rowLayout(pieces: 33, maxRows: 1 << 26) == 26)
        #expect(ProgressData.rowLayout(pieces: 33, maxRows: (1 << 26) + 1) == nil)
        #expect(ProgressData.rowLayout(pieces: 1000, maxRows: 4_000_000) == 22)
    }
}
