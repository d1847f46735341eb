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
/// A large file is read in pieces on several threads, each streaming through a small
/// buffer: a piece starts after the first line feed past its share of the file and counts
/// its lines from 1. In order, each piece then learns its first line from the pieces before
/// it; a piece that ends inside a quoted field (so the next did not start on a record) is
/// read again from its start to the end of the file, so the result is always the one a
/// single sequential read gives.
public enum CSVDataReader {
    static let required = ["unit", "period"]
    static let optional = ["indicator", "value", "submitted", "report", "note"]

    /// Bytes per read of a piece: large enough to keep the parser busy, small enough that
    /// memory does not grow with the file.
    static let blockSize = 1 << 22
    /// Below this size a file is read by one thread: starting threads would cost more.
    public static let parallelThreshold = 1 << 22

    /// `judging`: judge each unit as soon as its rows end (`UnitJudging`); when some unit
    /// comes back after others, reading stops early with nothing (`judging.stop` is set).
    static func read(_ source: ByteSource, file: String, fileIndex: Int32, scope: DataScope, threads: Int,
                     parallelThreshold: Int = parallelThreshold, plainLane: Bool = true,
                     blockSize: Int = blockSize, judging: UnitJudging? = nil)
        -> (collectors: [ObservationCollector], diagnostics: [Diagnostic]) {
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
            pieces = cut(source, body, into: threads, firstLine: header.nextLine)
        }
        // Judging while reading pays only for a file in unit order: a glance first.
        let judging = judging.flatMap { UnitOrderSample.looksGrouped(source, body, layout: layout) ? $0 : nil }
        let planned = pieces
        let rowBytes = head.withUnsafeBytes { averageRowBytes($0, from: header.end) }
        @Sendable func parsePiece(_ piece: Piece, isLast: Bool) -> PieceResult {
            parse(source, piece, layout: layout, scope: scope, file: file, fileIndex: fileIndex,
                  isLast: isLast, rowBytes: rowBytes, plainLane: plainLane, block: blockSize,
                  judging: judging, holdsFirst: piece.range.lowerBound != body.lowerBound)
        }
        let parsed = Parallel.map(planned.count, threads: threads) { i in
            parsePiece(planned[i], isLast: i == planned.count - 1)
        }
        if judging?.stop.isSet == true { return ([], []) }
        // The pieces after the first counted their lines from 1; in order, each now learns
        // its first line from the pieces before it, and its lines are moved there. A piece
        // that ends inside a quoted field (the cut after it fell on a line break inside the
        // field, so the next piece did not start a record) or met a stray quote is read
        // again from its start to the end of the file in one go; a piece whose messages name
        // lines is read again at its true first line.
        var collectors: [ObservationCollector] = []
        var line = header.nextLine
        for (i, first) in parsed.enumerated() {
            let isLast = i == parsed.count - 1
            if !isLast && first.suspect {
                let rest = parsePiece(Piece(range: pieces[i].range.lowerBound..<body.upperBound, firstLine: line), isLast: true)
                collectors.append(rest.collector)
                return (collectors, rest.diagnostics)
            }
            var result = first
            let offset = line - pieces[i].firstLine
            if offset != 0 && (result.collector.citesLines || !result.diagnostics.isEmpty) {
                result = parsePiece(Piece(range: pieces[i].range, firstLine: line), isLast: isLast)
            } else {
                result.collector.shiftLines(by: Int32(offset))
            }
            collectors.append(result.collector)
            if !result.diagnostics.isEmpty { return (collectors, result.diagnostics) }
            line += result.lines
        }
        return (collectors, [])
    }

    // MARK: - Pieces

    struct Piece: Sendable {
        var range: Range<Int>
        var firstLine: Int
    }

    /// Splits `body` into about `count` pieces, each after the first starting right after
    /// the first line feed at or after its nominal start. Whether that line feed ends a
    /// record, or lies inside a quoted field, is known once the piece before it is read
    /// (`read`); nothing is scanned ahead. Pieces after the first count their lines from 1.
    static func cut(_ source: ByteSource, _ body: Range<Int>, into count: Int, firstLine: Int) -> [Piece] {
        let size = body.count / count
        var starts = [body.lowerBound]
        for i in 1..<count {
            let nominal = max(body.lowerBound + i * size, starts[starts.count - 1])
            guard let lf = source.firstIndex(of: ByteSearch.lf, in: nominal..<body.upperBound) else { break }
            if lf + 1 < body.upperBound && lf + 1 > starts[starts.count - 1] { starts.append(lf + 1) }
        }
        return starts.indices.map { k in
            Piece(range: starts[k]..<(k + 1 < starts.count ? starts[k + 1] : body.upperBound), firstLine: k == 0 ? firstLine : 1)
        }
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

    private struct StoppedJudging: Error {}

    struct PieceResult: Sendable {
        var collector: ObservationCollector
        var diagnostics: [Diagnostic]
        /// The split may have been wrong here (see `read`).
        var suspect: Bool
        /// The line breaks the piece holds (its last record's line break included).
        var lines: Int
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
                      block: Int = blockSize, judging: UnitJudging? = nil, holdsFirst: Bool = false) -> PieceResult {
        // Room for a little more than the rows the piece seems to hold: pages not written
        // to cost nothing, and columns that never grow are never copied. Judged unit by
        // unit, the columns hold one unit's rows at a time.
        let expected = judging != nil ? 0 : rowBytes.map { piece.range.count / $0 + piece.range.count / $0 / 16 } ?? 0
        var collector = ObservationCollector(scope: scope, file: fileIndex, expectedRows: expected)
        if let judging { collector.judgeByUnit(UnitJudge(judging), holdsFirst: holdsFirst) }
        var reader = CSVReader(delimiter: layout.delimiter, firstLine: piece.firstLine, atStartOfInput: false)
        var diagnostics: [Diagnostic] = []
        var suspect = false
        do {
            try source.stream(piece.range, block: block) { chunk, isFinal in
                if let judging, judging.stop.isSet { throw StoppedJudging() }
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
        } catch is StoppedJudging {
            // Another piece found the file out of unit order: this reading is discarded.
        } catch let problem as CSVProblem {
            suspect = true
            diagnostics.append(problem.diagnostic(file: file))
        } catch {
            diagnostics.append(.error("data.unreadable", at: SourceLocation(file: file),
                                      LocalizedText(en: "cannot read the file: \(error)", vi: "không đọc được tệp: \(error)")))
        }
        if reader.resyncCount > 0 { suspect = true }
        collector.finish()
        return PieceResult(collector: collector, diagnostics: diagnostics, suspect: suspect && !isLast,
                           lines: reader.line - piece.firstLine)
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
            if !sameLine { collector.citesLines = true }
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
