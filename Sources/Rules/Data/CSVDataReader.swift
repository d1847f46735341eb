/// Progress data as CSV (spec §5): a header row naming the columns in any order
/// (case-insensitive), then one row per value or submission, separated by `,` or by `;`
/// (whichever the header uses).
///
/// Records that `CSVReader` cannot split into cells (a stray quote, invalid UTF-8) and
/// rows with more non-empty cells than the header has columns are `data-invalid`
/// findings at their line (unless their unit, read before the problem, is not checked);
/// rows whose cells are all empty (a spreadsheet's leftover `,,,,` lines) are skipped.
enum CSVDataReader {
    static let required = ["unit", "period"]
    static let optional = ["indicator", "value", "submitted", "report", "note"]

    static func read(_ bytes: [UInt8], file: String, fileIndex: Int32, into collector: inout ObservationCollector) -> [Diagnostic] {
        bytes.withUnsafeBytes { read($0, file: file, fileIndex: fileIndex, into: &collector) }
    }

    static func read(_ input: UnsafeRawBufferPointer, file: String, fileIndex: Int32,
                     into collector: inout ObservationCollector) -> [Diagnostic] {
        var reader = CSVReader(delimiter: CSVReader.detectDelimiter(in: input))
        var layout: Layout?
        var diagnostics: [Diagnostic] = []
        do {
            _ = try reader.parse(input, isFinal: true) { record in
                if let layout {
                    return take(record, layout: layout, fileIndex: fileIndex, into: &collector)
                }
                switch readHeader(record, file: file) {
                case .success(let header): layout = header
                case .failure(let problems):
                    diagnostics = problems.diagnostics
                    throw problems
                }
            }
        } catch let problem as CSVProblem {
            diagnostics.append(.error("data.unreadable", at: SourceLocation(file: file, line: problem.line, column: problem.column),
                                      problem.message, hint: problem.hint))
            return diagnostics
        } catch {
            return diagnostics  // the header's problems, gathered above
        }
        if layout == nil {
            return [.error("data.unreadable", at: SourceLocation(file: file, line: 1),
                           LocalizedText(en: "the file is empty: expected a header row (unit,period,indicator,value,submitted)",
                                         vi: "tệp rỗng: cần dòng tiêu đề (unit,period,indicator,value,submitted)"))]
        }
        return diagnostics
    }

    // MARK: - Header

    /// Which field holds each column.
    struct Layout {
        var columns: Int
        var delimiter: UInt8
        var unit: Int?
        var period: Int?
        var indicator: Int?
        var value: Int?
        var submitted: Int?
        var report: Int?
        var note: Int?
    }

    struct HeaderProblems: Error {
        var diagnostics: [Diagnostic]
    }

    static func readHeader(_ record: borrowing CSVRecordView, file: String) -> Result<Layout, HeaderProblems> {
        let at = SourceLocation(file: file, line: record.line)
        if let problem = record.problem {
            return .failure(HeaderProblems(diagnostics: [
                .error("data.unreadable", at: SourceLocation(file: file, line: problem.line, column: problem.column),
                       problem.message, hint: problem.hint),
            ]))
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
        return .success(Layout(columns: names.count, delimiter: record.delimiter,
                               unit: columns["unit"], period: columns["period"], indicator: columns["indicator"],
                               value: columns["value"], submitted: columns["submitted"], report: columns["report"],
                               note: columns["note"]))
    }

    // MARK: - Rows

    static func take(_ record: borrowing CSVRecordView, layout: Layout, fileIndex: Int32,
                     into collector: inout ObservationCollector) {
        if let problem = record.problem {
            // Positions are where the record starts (spec §6.1); a problem further down a
            // multi-line record says where it really is.
            let sameLine = problem.line == record.line
            let message = sameLine ? problem.message : LocalizedText(
                en: "line \(problem.line), column \(problem.column): \(problem.message.en)",
                vi: "dòng \(problem.line), cột \(problem.column): \(problem.message.vi)")
            collector.invalidRow(file: fileIndex, line: Int32(record.line), column: sameLine ? problem.column : nil,
                                 unit: unit(of: record, layout), message: message, hint: problem.hint)
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
                let d = String(UnicodeScalar(layout.delimiter))
                collector.invalidRow(
                    file: fileIndex, line: Int32(record.line), column: record.position(ofField: i).column,
                    unit: unit(of: record, layout), message: LocalizedText(en: "the row has \(record.count) cells but the header has \(layout.columns) columns",
                                           vi: "dòng có \(record.count) ô nhưng dòng tiêu đề có \(layout.columns) cột"),
                    hint: LocalizedText(en: "a cell that contains '\(d)' (such as a decimal comma) must be in quotes: \"93\(d)5\"",
                                        vi: "ô có chứa '\(d)' (như dấu phẩy thập phân) phải đặt trong ngoặc kép: \"93\(d)5\""))
                return
            }
        }
        // One string per row; the cells are slices of it.
        let text = String(decoding: record.text, as: UTF8.self)
        var row = DataRow(file: fileIndex, line: Int32(record.line))
        row.unit = cell(record, layout.unit, text)
        row.period = cell(record, layout.period, text)
        row.indicator = cell(record, layout.indicator, text)
        row.value = cell(record, layout.value, text)
        row.submitted = cell(record, layout.submitted, text)
        row.report = cell(record, layout.report, text)
        row.note = cell(record, layout.note, text)
        collector.add(row)
    }

    static func cell(_ record: borrowing CSVRecordView, _ index: Int?, _ text: String) -> DataRow.Cell? {
        guard let index, index < record.count else { return nil }
        guard let range = record.textRange(ofField: index) else { return .text(Substring(record.string(index))) }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        return .text(Substring(utf8[lower..<upper]))
    }

    /// The unit cell of a record that cannot be read, when it was read before the problem.
    static func unit(of record: borrowing CSVRecordView, _ layout: Layout) -> Substring? {
        guard let index = layout.unit, index < record.count else { return nil }
        return Substring(record.string(index))
    }

    /// Empty, or only ASCII spaces and tabs.
    static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
