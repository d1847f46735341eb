/// Progress data as CSV (spec §5): a header row naming the columns in any order
/// (case-insensitive), then one row per value or submission.
enum CSVDataReader {
    static let required = ["unit", "period"]
    static let optional = ["indicator", "value", "submitted", "report", "note"]

    static func read(_ bytes: [UInt8], file: String, fileIndex: Int32, into collector: inout ObservationCollector) -> [Diagnostic] {
        let records = SimpleCSV.records(bytes)
        guard let header = records.first else {
            return [.error("data.unreadable", at: SourceLocation(file: file, line: 1),
                           LocalizedText(en: "the file is empty: expected a header row (unit,period,indicator,value,submitted)",
                                         vi: "tệp rỗng: cần dòng tiêu đề (unit,period,indicator,value,submitted)"))]
        }
        var columns: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for (i, name) in header.fields.enumerated() {
            let key = TextFold.fold(name)
            if required.contains(key) || optional.contains(key) {
                if columns[key] != nil {
                    diagnostics.append(.error("data.unreadable", at: SourceLocation(file: file, line: header.line),
                                              LocalizedText(en: "the column '\(key)' appears twice in the header",
                                                            vi: "cột '\(key)' xuất hiện hai lần trong dòng tiêu đề")))
                }
                columns[key] = i
            }
        }
        let found = header.fields.map { "'\($0)'" }.joined(separator: ", ")
        for key in required + ["indicator", "value"] where columns[key] == nil {
            let near = header.fields.first { DidYouMean.suggest(TextFold.fold($0), from: [key]) != nil }
            diagnostics.append(.error(
                "data.missing-column", at: SourceLocation(file: file, line: header.line),
                LocalizedText(en: "the header has no '\(key)' column (found \(found))",
                              vi: "dòng tiêu đề thiếu cột '\(key)' (có \(found))"),
                hint: near.map { LocalizedText(en: "did you mean '\(key)' for '\($0)'?", vi: "có phải '\($0)' là cột '\(key)'?") }))
        }
        // A misspelt optional column would silently drop its data: say so.
        for name in header.fields where columns[TextFold.fold(name)] == nil {
            if let near = DidYouMean.suggest(TextFold.fold(name), from: optional.filter { columns[$0] == nil }) {
                diagnostics.append(.error(
                    "data.unknown-column", at: SourceLocation(file: file, line: header.line),
                    LocalizedText(en: "the column '\(name)' is not one the tool reads, and '\(near)' is missing",
                                  vi: "cột '\(name)' không được đọc, và thiếu cột '\(near)'"),
                    hint: LocalizedText(en: "did you mean '\(near)'?", vi: "có phải ý bạn là '\(near)'?")))
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return diagnostics }
        func cell(_ fields: [String], _ key: String) -> DataRow.Cell? {
            guard let i = columns[key], i < fields.count else { return nil }
            return .text(Substring(fields[i]))
        }
        for record in records.dropFirst() {
            var row = DataRow(file: fileIndex, line: Int32(record.line))
            row.unit = cell(record.fields, "unit")
            row.period = cell(record.fields, "period")
            row.indicator = cell(record.fields, "indicator")
            row.value = cell(record.fields, "value")
            row.submitted = cell(record.fields, "submitted")
            row.report = cell(record.fields, "report")
            row.note = cell(record.fields, "note")
            collector.add(row)
        }
        return diagnostics
    }
}
