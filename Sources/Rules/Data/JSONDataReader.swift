/// Progress data as JSON (spec §5): an array of row objects, or `{"observations": [...]}`,
/// with the same keys as the CSV columns. JSON numbers are numbers whatever `--numbers` says.
enum JSONDataReader {
    static let keys = ["unit", "period", "indicator", "value", "submitted", "report", "note"]

    static func read(_ bytes: [UInt8], file: String, into collector: inout ObservationCollector) -> [Diagnostic] {
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
            guard let members = element.members else {
                diagnostics.append(Loading.wrongType(element, expected: LocalizedText(en: "a row object", vi: "một đối tượng dòng số liệu"))
                    .withCode("data.unreadable"))
                continue
            }
            // The cells' bytes live in one buffer per row while the collector reads them.
            var texts: [String: [UInt8]] = [:]
            var numbers: [String: Double] = [:]
            var nested: (key: String, written: String, node: JSONNode)?  // an object or array: not a cell
            for m in members {
                let key = m.key.lowercased()
                guard keys.contains(key) else { continue }
                switch m.value.value {
                case .string(let s): texts[key] = Array(s.utf8)
                case .number(let n): numbers[key] = n.double
                case .bool(let b): texts[key] = Array((b ? "true" : "false").utf8)
                case .null: break
                case .object, .array: if nested == nil && key != "note" { nested = (key, m.key, m.value) }
                }
            }
            if let nested {
                let message = nestedCell(nested.key, written: nested.written, found: nested.node.typeName)
                if let unit = texts["unit"] {
                    unit.withUnsafeBytes { collector.invalidRow(line: Int32(element.line), column: nil, unit: $0, message: message) }
                } else {
                    collector.invalidRow(line: Int32(element.line), column: nil, message: message)
                }
                continue
            }
            let buffer = keys.flatMap { texts[$0] ?? [] }
            buffer.withUnsafeBytes { all in
                var row = DataRow(line: Int32(element.line))
                var offset = 0
                func cell(_ key: String) -> DataCell? {
                    if let n = numbers[key] { return .number(n) }
                    guard let t = texts[key] else { return nil }
                    defer { offset += t.count }
                    return .bytes(UnsafeRawBufferPointer(rebasing: all[offset..<offset + t.count]))
                }
                // In the order of `keys`, as the buffer was built.
                row.unit = cell("unit")
                row.period = cell("period")
                row.indicator = cell("indicator")
                row.value = cell("value")
                row.submitted = cell("submitted")
                row.report = cell("report")
                _ = cell("note")
                collector.add(row)
            }
        }
        return diagnostics
    }

    /// A row whose `key` holds an object or an array: what one value of that key looks like.
    static func nestedCell(_ key: String, written: String, found: LocalizedText) -> LocalizedText {
        let expected: LocalizedText
        switch key {
        case "unit": expected = LocalizedText(en: "a unit slug such as \"cao-minh\"", vi: "mã đơn vị dạng \"cao-minh\"")
        case "period": expected = LocalizedText(en: "a period such as \"2026-06\"", vi: "kỳ dạng \"2026-06\"")
        case "indicator": expected = LocalizedText(en: "an indicator id such as \"ty_le_ho_ngheo\"", vi: "mã chỉ tiêu dạng \"ty_le_ho_ngheo\"")
        case "submitted": expected = LocalizedText(en: "a date such as \"2026-04-20\"", vi: "ngày dạng \"2026-04-20\"")
        case "report": expected = LocalizedText(en: "a report schedule id such as \"monthly\"", vi: "mã lịch báo cáo dạng \"monthly\"")
        default: expected = LocalizedText(en: "a number, or for a task a completion date, \"done\" or \"chưa\"",
                                          vi: "một số, hoặc với nhiệm vụ: ngày hoàn thành, \"xong\" hoặc \"chưa\"")
        }
        return LocalizedText(en: "'\(written)' must be one value: expected \(expected.en); found \(found.en)",
                             vi: "'\(written)' phải là một giá trị: cần \(expected.vi); nhưng gặp \(found.vi)")
    }
}

extension Diagnostic {
    func withCode(_ code: String) -> Diagnostic {
        var d = self
        d.code = code
        return d
    }
}
