/// Progress data as JSON (spec §5): an array of row objects, or `{"observations": [...]}`,
/// with the same keys as the CSV columns. JSON numbers are numbers whatever `--numbers` says.
enum JSONDataReader {
    static let keys = ["unit", "period", "indicator", "value", "submitted", "report", "note"]

    static func read(_ bytes: [UInt8], file: String, fileIndex: Int32, into collector: inout ObservationCollector)
        -> [Diagnostic] {
        let document: JSONDocument
        do {
            document = try JSONReader.parse(bytes, file: file)
        } catch {
            return [error.diagnostic.withCode("data.unreadable")]
        }
        var diagnostics = document.diagnostics
        var rowsNode = document.root
        if let members = document.root.members {
            guard let obs = document.root["observations"], members.count == 1 else {
                return diagnostics + [.error("data.unreadable", at: document.root.location, LocalizedText(
                    en: "expected an array of rows or {\"observations\": [...]}",
                    vi: "cần một mảng các dòng số liệu hoặc {\"observations\": [...]}"))]
            }
            rowsNode = obs
        }
        guard let elements = rowsNode.elements else {
            return diagnostics + [Loading.wrongType(rowsNode, expected: LocalizedText(en: "an array of rows", vi: "một mảng các dòng số liệu"))
                .withCode("data.unreadable")]
        }
        for element in elements {
            var row = DataRow(file: fileIndex, line: Int32(element.line))
            guard let members = element.members else {
                diagnostics.append(Loading.wrongType(element, expected: LocalizedText(en: "a row object", vi: "một đối tượng dòng số liệu"))
                    .withCode("data.unreadable"))
                continue
            }
            for m in members {
                let cell: DataRow.Cell?
                switch m.value.value {
                case .string(let s): cell = .text(Substring(s))
                case .number(let n): cell = .number(n.double)
                case .bool(let b): cell = .text(b ? "true" : "false")
                case .null: cell = nil
                default: cell = .text("")  // an object or array: unreadable as a cell, reported below
                }
                switch m.key.lowercased() {
                case "unit": row.unit = cell
                case "period": row.period = cell
                case "indicator": row.indicator = cell
                case "value": row.value = cell
                case "submitted": row.submitted = cell
                case "report": row.report = cell
                case "note": row.note = cell
                default: continue
                }
            }
            collector.add(row)
        }
        return diagnostics
    }
}

extension Diagnostic {
    func withCode(_ code: String) -> Diagnostic {
        var d = self
        d.code = code
        return d
    }
}
