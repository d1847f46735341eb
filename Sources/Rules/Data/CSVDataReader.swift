import Foundation

/// Progress data as CSV (spec §5): a header row naming the columns in any order
/// (case-insensitive), then one row per value or submission, separated by `,` or by `;`
/// (whichever the header uses).
///
/// Records that `CSVReader` cannot split into cells (a stray quote, invalid UTF-8) and
/// rows with more non-empty cells than the header has columns are `data-invalid`
/// findings at their line (unless their unit, read before the problem, is not checked);
/// rows whose cells are all empty (a spreadsheet's leftover `,,,,` lines) are skipped.
///
/// A large file is read in pieces on several threads: a first pass counts line breaks and
/// quotes in each piece, which places every piece boundary on a record boundary (an even
/// number of quotes before it) and gives each piece its exact first line number; then the
/// pieces are parsed, each streaming through a small buffer, and merged in order.
public enum CSVDataReader {
    static let required = ["unit", "period"]
    static let optional = ["indicator", "value", "submitted", "report", "note"]

    /// Bytes per read of a piece: large enough to keep the parser busy, small enough that
    /// memory does not grow with the file.
    static let blockSize = 1 << 22
    /// Below this size a file is read by one thread: starting threads would cost more.
    public static let parallelThreshold = 1 << 22

    static func read(_ source: ByteSource, file: String, fileIndex: Int32, scope: DataScope, threads: Int,
                     parallelThreshold: Int = parallelThreshold, plainLane: Bool = true,
                     blockSize: Int = blockSize) -> (collectors: [ObservationCollector], diagnostics: [Diagnostic]) {
        // The header, from the first block (with room for a byte order mark and the line
        // break of a header that fits).
        let head = source.prefix(min(source.count, headerLimit + 5))
        let header: HeaderRead
        switch head.withUnsafeBytes({ readHeader($0, file: file, wholeFile: head.count == source.count) }) {
        case .success(let h): header = h
        case .failure(let problems): return ([], problems.diagnostics)
        }
        guard let layout = header.layout else { return ([], []) }

        let body = header.end..<source.count
        var pieces = [Piece(range: body, firstLine: header.nextLine)]
        if threads > 1 && body.count >= max(parallelThreshold, threads) {
            pieces = split(source, body, into: threads, firstLine: header.nextLine)
        }
        let planned = pieces
        let rowBytes = head.withUnsafeBytes { averageRowBytes($0, from: header.end) }
        let parsed = Parallel.map(planned.count, threads: threads) { i in
            parse(source, planned[i], layout: layout, scope: scope, file: file, fileIndex: fileIndex,
                  isLast: i == planned.count - 1, rowBytes: rowBytes, plainLane: plainLane, block: blockSize)
        }
        // A piece that met a stray quote or an open quote at its end may have been split at
        // the wrong place (quote counting assumes well-formed quoting): read from its start
        // to the end of the file in one go instead.
        var collectors: [ObservationCollector] = []
        for (i, result) in parsed.enumerated() {
            if i < parsed.count - 1 && result.suspect {
                let rest = Piece(range: pieces[i].range.lowerBound..<body.upperBound, firstLine: pieces[i].firstLine)
                let again = parse(source, rest, layout: layout, scope: scope, file: file, fileIndex: fileIndex,
                                  isLast: true, rowBytes: rowBytes, plainLane: plainLane, block: blockSize)
                collectors.append(again.collector)
                return (collectors, again.diagnostics)
            }
            collectors.append(result.collector)
            if !result.diagnostics.isEmpty { return (collectors, result.diagnostics) }
        }
        return (collectors, [])
    }

    // MARK: - Pieces

    struct Piece: Sendable {
        var range: Range<Int>
        var firstLine: Int
    }

    /// What the first pass learns of one stretch of the file.
    struct Scan: Sendable {
        var quotes = 0
        var lineBreaks = 0
        /// The first LF after which the stretch's own quote count is even / odd, and how many
        /// line breaks the stretch has up to and including it.
        var firstEven: (offset: Int, lineBreaks: Int)?
        var firstOdd: (offset: Int, lineBreaks: Int)?
    }

    /// Splits `body` into about `count` pieces that start on record boundaries.
    static func split(_ source: ByteSource, _ body: Range<Int>, into count: Int, firstLine: Int) -> [Piece] {
        let size = body.count / count
        let nominal = (0..<count).map { i in
            body.lowerBound + i * size..<(i == count - 1 ? body.upperBound : body.lowerBound + (i + 1) * size)
        }
        let scans = Parallel.map(count, threads: count) { i in scan(source, nominal[i]) }
        var pieces: [Piece] = []
        var start = body.lowerBound, startLine = firstLine
        var quotesBefore = 0, linesBefore = firstLine - 1  // up to the nominal start of piece i
        for i in 0..<count {
            // A CR LF pair cut by the nominal boundary was counted once on each side.
            if i > 0, nominal[i].lowerBound > 0, source.bytes(nominal[i].lowerBound - 1..<nominal[i].lowerBound + 1) == [0x0D, 0x0A] {
                linesBefore -= 1
            }
            if i > 0 {
                // The first line break inside nominal piece i with an even number of quotes
                // before it in the whole file.
                let wanted = quotesBefore % 2 == 0 ? scans[i].firstEven : scans[i].firstOdd
                if let cut = wanted {
                    pieces.append(Piece(range: start..<(cut.offset + 1), firstLine: startLine))
                    start = cut.offset + 1
                    startLine = linesBefore + cut.lineBreaks + 1
                }
            }
            quotesBefore += scans[i].quotes
            linesBefore += scans[i].lineBreaks
        }
        pieces.append(Piece(range: start..<body.upperBound, firstLine: startLine))
        return pieces.filter { !$0.range.isEmpty }
    }

    /// Counts quotes and line breaks (LF; CR LF counts once, a lone CR too) in a stretch,
    /// and finds the first LF with an even, and with an odd, number of quotes before it.
    /// Runs at several GB/s: counting looks at eight bytes at a time, and the candidate
    /// cuts are found by jumping between line breaks and quotes with `memchr`.
    static func scan(_ source: ByteSource, _ range: Range<Int>) -> Scan {
        var s = Scan()
        var offset = range.lowerBound
        var previousCR = false
        source.blocks(range, size: blockSize) { block in
            let n = block.count
            var cursor = 0
            func countUpTo(_ end: Int) {
                guard end > cursor else { return }
                let segment = UnsafeRawBufferPointer(rebasing: block[cursor..<end])
                let (q, breaks, endsWithCR) = Self.count(segment, previousCR: previousCR)
                s.quotes += q
                s.lineBreaks += breaks
                previousCR = endsWithCR
                cursor = end
            }
            func find(_ byte: UInt8, from i: Int) -> Int? {
                guard i < n, let p = memchr(block.baseAddress! + i, Int32(byte), n - i) else { return nil }
                return UnsafeRawPointer(p) - block.baseAddress!
            }
            func isCut(_ lf: Int) -> Bool { offset + lf + 1 < range.upperBound }
            // The first LF with an even count: usually the first line break of the stretch.
            while s.firstEven == nil, let lf = find(0x0A, from: cursor) {
                countUpTo(lf + 1)
                if s.quotes % 2 == 0 && isCut(lf) { s.firstEven = (offset + lf, s.lineBreaks) }
            }
            // The first LF with an odd count can only follow a quote.
            while s.firstEven != nil && s.firstOdd == nil, let q = find(0x22, from: cursor) {
                countUpTo(q + 1)
                guard s.quotes % 2 == 1, let lf = find(0x0A, from: q + 1) else { continue }
                if let next = find(0x22, from: q + 1), next < lf { continue }
                countUpTo(lf + 1)
                if isCut(lf) { s.firstOdd = (offset + lf, s.lineBreaks) }
            }
            countUpTo(n)
            offset += n
        }
        return s
    }

    /// Quotes and line breaks in `bytes`; a CR LF pair is one break, even when the CR ended
    /// the previous stretch.
    static func count(_ bytes: UnsafeRawBufferPointer, previousCR: Bool) -> (quotes: Int, breaks: Int, endsWithCR: Bool) {
        // Quotes and LFs counted eight bytes at a time (byte loops are not vectorised for
        // the baseline x86-64 target, and ran at a quarter of the speed); CRs are rare, so
        // they get a loop of their own only when there are some.
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (0, 0, previousCR) }
        let n = bytes.count
        let quote = ByteSearch.splat(0x22), lineFeed = ByteSearch.splat(0x0A)
        var quotes = 0, lf = 0, i = 0
        while i &+ 8 <= n {
            let w = ByteSearch.load(base, i)
            quotes &+= ByteSearch.exactMatches(w, quote).nonzeroBitCount
            lf &+= ByteSearch.exactMatches(w, lineFeed).nonzeroBitCount
            i &+= 8
        }
        while i < n {
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            quotes &+= b == 0x22 ? 1 : 0
            lf &+= b == 0x0A ? 1 : 0
            i &+= 1
        }
        guard memchr(base, 0x0D, bytes.count) != nil || previousCR else {
            return (quotes, lf, false)
        }
        var cr = 0, pairs = 0
        var previous: UInt8 = previousCR ? 0x0D : 0
        for b in bytes {
            cr &+= b == 0x0D ? 1 : 0
            pairs &+= (b == 0x0A && previous == 0x0D) ? 1 : 0
            previous = b
        }
        return (quotes, lf + cr - pairs, previous == 0x0D)
    }

    struct PieceResult: Sendable {
        var collector: ObservationCollector
        var diagnostics: [Diagnostic]
        /// The split may have been wrong here (see `read`).
        var suspect: Bool
    }

    /// The average length of the rows in the first block after the header (nil when it
    /// has fewer than a hundred): how many rows a piece will hold, told from its size.
    static func averageRowBytes(_ head: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < head.count else { return nil }
        let rows = UnsafeRawBufferPointer(rebasing: head[start...])
        let breaks = count(rows, previousCR: false).breaks
        return breaks >= 100 ? max(1, rows.count / breaks) : nil
    }

    /// Parses one piece, streaming it through a buffer of `blockSize`.
    static func parse(_ source: ByteSource, _ piece: Piece, layout: Layout, scope: DataScope, file: String,
                      fileIndex: Int32, isLast: Bool, rowBytes: Int? = nil, plainLane: Bool = true,
                      block: Int = blockSize) -> PieceResult {
        // Room for a little more than the rows the piece seems to hold: pages not written
        // to cost nothing, and columns that never grow are never copied.
        let expected = rowBytes.map { piece.range.count / $0 + piece.range.count / $0 / 16 } ?? 0
        var collector = ObservationCollector(scope: scope, file: fileIndex, expectedRows: expected)
        var reader = CSVReader(delimiter: layout.delimiter, firstLine: piece.firstLine, atStartOfInput: false)
        var diagnostics: [Diagnostic] = []
        var suspect = false
        do {
            try source.stream(piece.range, block: block) { chunk, isFinal in
                // Plain records in the fast lane; each one it stops at goes through the
                // general reader, and the lane goes on after it.
                var at = 0
                while at < chunk.count {
                    if plainLane {
                        var line = reader.line
                        at = PlainRecords.read(chunk, from: at, line: &line, layout: layout, into: &collector)
                        reader.line = line
                    }
                    guard at < chunk.count else { break }
                    let used = try reader.parse(UnsafeRawBufferPointer(rebasing: chunk[at...]), isFinal: isFinal, limit: 1) { record in
                        take(record, layout: layout, into: &collector)
                    }
                    if used == 0 { break }  // an unfinished record: the next chunk completes it
                    at += used
                }
                return at
            }
        } catch let problem as CSVProblem {
            suspect = true
            diagnostics.append(problem.diagnostic(file: file))
        } catch {
            diagnostics.append(.error("data.unreadable", at: SourceLocation(file: file),
                                      LocalizedText(en: "cannot read the file: \(error)", vi: "không đọc được tệp: \(error)")))
        }
        if reader.resyncCount > 0 { suspect = true }
        collector.finish()
        return PieceResult(collector: collector, diagnostics: diagnostics, suspect: suspect && !isLast)
    }

    // MARK: - Header

    /// Which field holds each column.
    struct Layout: Sendable {
        var columns: Int
        var delimiter: CSVReader.Delimiter
        var unit: Int?
        var period: Int?
        var indicator: Int?
        var value: Int?
        var submitted: Int?
        var report: Int?
    }

    struct HeaderRead {
        /// Nil for a file with a header and no rows.
        var layout: Layout?
        /// The byte after the header's line break, and the line that starts there.
        var end: Int
        var nextLine: Int
    }

    struct HeaderProblems: Error {
        var diagnostics: [Diagnostic]
    }

    private struct Stop: Error {}

    /// The longest header row read, in bytes without its line break.
    static let headerLimit = 1 << 20

    /// `input`: the file's first `headerLimit + 5` bytes (all of it when `wholeFile`).
    static func readHeader(_ input: UnsafeRawBufferPointer, file: String, wholeFile: Bool) -> Result<HeaderRead, HeaderProblems> {
        let tooLong = HeaderProblems(diagnostics: [.error("data.unreadable", at: SourceLocation(file: file, line: 1),
            LocalizedText(en: "the header row is longer than 1 MB: expected the column names (unit,period,indicator,value,submitted) on one short line",
                          vi: "dòng tiêu đề dài hơn 1 MB: cần tên các cột (unit,period,indicator,value,submitted) trên một dòng ngắn"))])
        var reader = CSVReader(delimiter: CSVReader.detectDelimiter(in: input))
        var outcome: Result<HeaderRead, HeaderProblems>?
        do {
            _ = try reader.parse(input, isFinal: wholeFile) { record in
                guard record.text.count <= headerLimit else {
                    outcome = .failure(tooLong)
                    throw Stop()
                }
                outcome = layout(of: record, file: file).map { layout in
                    let text = record.text
                    var end = text.baseAddress.map { $0 - input.baseAddress! + text.count } ?? 0
                    var breaks = text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    if end < input.count, input[end] == 0x0D { end += 1 }
                    if end < input.count, input[end] == 0x0A { end += 1 }
                    breaks += 1
                    return HeaderRead(layout: layout, end: end, nextLine: record.line + breaks)
                }
                throw Stop()
            }
        } catch let problem as CSVProblem {
            return .failure(HeaderProblems(diagnostics: [problem.diagnostic(file: file)]))
        } catch {}
        if let outcome { return outcome }
        // No line break in the first bytes of a longer file.
        if !wholeFile { return .failure(tooLong) }
        return .failure(HeaderProblems(diagnostics: [.error("data.unreadable", at: SourceLocation(file: file, line: 1),
            LocalizedText(en: "the file is empty: expected a header row (unit,period,indicator,value,submitted)",
                          vi: "tệp rỗng: cần dòng tiêu đề (unit,period,indicator,value,submitted)"))]))
    }

    static func layout(of record: borrowing CSVRecordView, file: String) -> Result<Layout, HeaderProblems> {
        let at = SourceLocation(file: file, line: record.line)
        if let problem = record.problem {
            return .failure(HeaderProblems(diagnostics: [problem.diagnostic(file: file)]))
        }
        let names = (0..<record.count).map { record.string($0) }
        var columns: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for (i, name) in names.enumerated() {
            let key = TextFold.fold(name)
            if required.contains(key) || optional.contains(key) {
                if columns[key] != nil {
                    diagnostics.append(.error("data.unreadable", at: at,
                                              LocalizedText(en: "the column '\(key)' appears twice in the header",
                                                            vi: "cột '\(key)' xuất hiện hai lần trong dòng tiêu đề")))
                }
                columns[key] = i
            }
        }
        let found = names.map { "'\($0)'" }.joined(separator: ", ")
        for key in required + ["indicator", "value"] where columns[key] == nil {
            let near = names.first { DidYouMean.suggest(TextFold.fold($0), from: [key]) != nil }
            diagnostics.append(.error(
                "data.missing-column", at: at,
                LocalizedText(en: "the header has no '\(key)' column (found \(found))",
                              vi: "dòng tiêu đề thiếu cột '\(key)' (có \(found))"),
                hint: near.map { LocalizedText(en: "did you mean '\(key)' for '\($0)'?", vi: "có phải '\($0)' là cột '\(key)'?") }))
        }
        // A misspelt optional column would silently drop its data: say so.
        for name in names where columns[TextFold.fold(name)] == nil {
            if let near = DidYouMean.suggest(TextFold.fold(name), from: optional.filter { columns[$0] == nil }) {
                diagnostics.append(.error(
                    "data.unknown-column", at: at,
                    LocalizedText(en: "the column '\(name)' is not one the tool reads, and '\(near)' is missing",
                                  vi: "cột '\(name)' không được đọc, và thiếu cột '\(near)'"),
                    hint: LocalizedText(en: "did you mean '\(near)'?", vi: "có phải ý bạn là '\(near)'?")))
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(HeaderProblems(diagnostics: diagnostics))
        }
        return .success(Layout(columns: names.count, delimiter: CSVReader.Delimiter(rawValue: record.delimiter) ?? .comma,
                               unit: columns["unit"], period: columns["period"], indicator: columns["indicator"],
                               value: columns["value"], submitted: columns["submitted"], report: columns["report"]))
    }

    // MARK: - Rows

    static func take(_ record: borrowing CSVRecordView, layout: Layout, into collector: inout ObservationCollector) {
        if let problem = record.problem {
            // Positions are where the record starts (spec §6.1); a problem further down a
            // multi-line record says where it really is.
            let sameLine = problem.line == record.line
            let message = sameLine ? problem.message : LocalizedText(
                en: "line \(problem.line), column \(problem.column): \(problem.message.en)",
                vi: "dòng \(problem.line), cột \(problem.column): \(problem.message.vi)")
            collector.invalidRow(line: Int32(record.line), column: sameLine ? problem.column : nil,
                                 unit: cell(record, layout.unit), message: message, hint: problem.hint)
            return
        }
        var blank = true
        for i in 0..<record.count where !isBlank(record[i]) {
            blank = false
            break
        }
        if blank { return }
        if record.count > layout.columns {
            // `93,5` unquoted in a comma file: without this check the row would read as 93.
            for i in layout.columns..<record.count where !isBlank(record[i]) {
                let d = String(UnicodeScalar(layout.delimiter.rawValue))
                collector.invalidRow(
                    line: Int32(record.line), column: record.position(ofField: i).column, unit: cell(record, layout.unit),
                    message: LocalizedText(en: "the row has \(record.count) cells but the header has \(layout.columns) columns",
                                           vi: "dòng có \(record.count) ô nhưng dòng tiêu đề có \(layout.columns) cột"),
                    hint: LocalizedText(en: "a cell that contains '\(d)' (such as a decimal comma) must be in quotes: \"93\(d)5\"",
                                        vi: "ô có chứa '\(d)' (như dấu phẩy thập phân) phải đặt trong ngoặc kép: \"93\(d)5\""))
                return
            }
        }
        var row = DataRow(line: Int32(record.line))
        row.unit = cell(record, layout.unit).map(DataCell.bytes)
        row.period = cell(record, layout.period).map(DataCell.bytes)
        row.indicator = cell(record, layout.indicator).map(DataCell.bytes)
        row.value = cell(record, layout.value).map(DataCell.bytes)
        row.submitted = cell(record, layout.submitted).map(DataCell.bytes)
        row.report = cell(record, layout.report).map(DataCell.bytes)
        collector.add(row)
    }

    static func cell(_ record: borrowing CSVRecordView, _ index: Int?) -> UnsafeRawBufferPointer? {
        guard let index, index < record.count else { return nil }
        return record[index]
    }

    /// Empty, or only ASCII spaces and tabs.
    static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
