import Testing
@testable import Rules

/// The error branches of reading progress data (spec §5): a row that cannot be read is a
/// `data-invalid` finding at the line it starts on, and the rows around it are still read;
/// a file that is not a table at all is a `data.unreadable` diagnostic. Every message is
/// asked for in both languages, because a commune clerk reads the Vietnamese one.
@Suite struct DataErrorTests {
    static let header = "unit,period,indicator,value,submitted,report\n"
    /// A good row before the bad one, so that the line asserted is not simply the first.
    static let goodRow = "u,2026-01,x,1,,\n"

    /// Loads one file as the check does: `t` is a task's indicator, `road_km` is measured
    /// in km (so a `%` value is an error), every unit is checked.
    static func load(_ name: String, _ text: String) throws -> DataLoader.Result {
        let asOf = try #require(CivilDate(year: 2027, month: 1, day: 1))
        let scope = DataScope(asOf: asOf, numbers: .c, taskIndicators: ["t"], nonPercentIndicators: ["road_km": "km"])
        return DataLoader.load([.init(name: name, bytes: Array(text.utf8))], scope: scope, plans: [])
    }

    /// Holds the one `data-invalid` finding `result` should have to `line` and `fragment`,
    /// with a real Vietnamese translation, the file named, and nothing fatal beside it.
    static func expectOneInvalidRow(_ result: DataLoader.Result, file: String, line: Int, fragment: String,
                                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, sourceLocation: sourceLocation)
        let invalid = result.findings.filter { $0.code == .dataInvalid }
        #expect(invalid.count == 1, "\(invalid.map(\.message.en))", sourceLocation: sourceLocation)
        let finding = try #require(invalid.first, sourceLocation: sourceLocation)
        #expect(finding.severity == .violation, sourceLocation: sourceLocation)
        #expect(finding.location?.file == file, sourceLocation: sourceLocation)
        #expect(finding.location?.line == line, sourceLocation: sourceLocation)
        // A row that was split into cells is placed by its line alone.
        #expect(finding.location?.column == nil, sourceLocation: sourceLocation)
        #expect(finding.message.en.contains(fragment), "\(finding.message.en)", sourceLocation: sourceLocation)
        #expect(!finding.message.vi.isEmpty, sourceLocation: sourceLocation)
        #expect(finding.message.vi != finding.message.en, "untranslated: \(finding.message.en)", sourceLocation: sourceLocation)
    }

    // MARK: - CSV rows

    @Test(arguments: [
        (",2026-02,x,5,,", "the unit is empty"),
        ("Xã A,2026-02,x,5,,", "'Xã A' is not a unit slug"),
        ("u,2026-02,,5,,", "a value without an indicator"),
        ("u,2026-02,x,5,,Báo cáo tháng", "'Báo cáo tháng' is not a report schedule id"),
        ("u,2026-02,Tỷ lệ hộ nghèo,5,,", "'Tỷ lệ hộ nghèo' is not an indicator id"),
        ("u,2026-02,t,sắp xong,,", "cannot read 'sắp xong' as a task's progress: expected a completion date"),
        ("u,2026-02,t,2,,", "cannot read '2' as a task's progress"),
        ("u,2026-02,road_km,93.5%,,", "'93.5%' has a % sign but 'road_km' is measured in km"),
        ("u,2026-02,x,\"1,5\",,", "cannot read the value '1,5' of 'x' as a number (with a decimal comma, run with --numbers vi)"),
        ("u,2026-02,x,5,31/02/2026,", "cannot read the submission date '31/02/2026': expected YYYY-MM-DD or DD/MM/YYYY"),
        // A period without its year: data has no default year to lend it.
        ("u,quý II,x,5,,", "cannot read the period 'quý II': expected e.g. 2026-06"),
        ("u,tháng 6,x,5,,", "cannot read the period 'tháng 6'"),
        // "tháng" without a month number: the data reader's own message, not PeriodParser's reason.
        ("u,tháng,x,5,,", "cannot read the period 'tháng'"),
        ("u,tháng 13/2026,x,5,,", "cannot read the period 'tháng 13/2026'"),
        ("u,,x,5,,", "cannot read the period (empty)"),
    ])
    func aCSVRowThatCannotBeReadIsDataInvalidAtItsLine(row: String, fragment: String) throws {
        let result = try Self.load("d.csv", Self.header + Self.goodRow + row + "\n" + "u,2026-03,x,3,,\n")
        try Self.expectOneInvalidRow(result, file: "d.csv", line: 3, fragment: fragment)
        // The rows around it are still read.
        let points = result.data.series(unit: "u", indicator: "x").points.map(\.line)
        #expect(points == [2, 4])
    }

    // MARK: - JSON rows

    @Test(arguments: [
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": 2, "submitted": 20260301}"#,
         #"the submission date must be a string such as "2026-04-20""#),
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": "hai"}"#, "cannot read the value 'hai' of 'x' as a number"),
        (#"{"unit": "u", "period": 202602, "indicator": "x", "value": 2}"#, "cannot read the period '202602'"),
        (#"{"unit": "u", "period": "2026-02", "value": 2}"#, "a value without an indicator"),
        (#"{"unit": "u", "period": "2026-02", "indicator": 5, "value": 2}"#,
         #"the indicator must be text (an indicator id such as "ty_le_ho_ngheo"), found the number 5"#),
        (#"{"unit": "u", "period": "2026-02", "indicator": 5}"#, "the indicator must be text"),
        (#"{"unit": "", "period": "2026-02", "indicator": "x", "value": 2}"#, "the unit is empty"),
        (#"{"unit": 5, "period": "2026-02", "indicator": "x", "value": 2}"#,
         #"the unit must be text (a unit slug such as "cao-minh"), found the number 5"#),
        (#"{"unit": "u", "period": "2026-02", "indicator": "t", "value": 2}"#, "cannot read '2' as a task's progress"),
        (#"{"unit": "u", "period": "2026-02", "indicator": "t", "value": "sắp xong"}"#,
         "cannot read 'sắp xong' as a task's progress: expected a completion date"),
        // An object or an array where a cell belongs.
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": {"n": 2}}"#,
         #"'value' must be one value: expected a number, or for a task a completion date, "done" or "chưa"; found an object"#),
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": [2]}"#, "'value' must be one value: expected a number"),
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "Value": []}"#, "found an array"),
        (#"{"unit": "u", "period": ["2026-02"], "indicator": "x", "value": 2}"#,
         #"'period' must be one value: expected a period such as "2026-06"; found an array"#),
        (#"{"unit": {"id": "u"}, "period": "2026-02", "indicator": "x", "value": 2}"#, "'unit' must be one value"),
        (#"{"unit": "u", "period": "2026-02", "indicator": ["x"], "value": 2}"#, "'indicator' must be one value"),
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": 2, "submitted": {}}"#,
         #"'submitted' must be one value: expected a date such as "2026-04-20""#),
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": 2, "report": ["monthly"]}"#, "'report' must be one value"),
        // Missing keys.
        (#"{"period": "2026-02", "indicator": "x", "value": 2}"#, "the unit is empty"),
        (#"{"unit": "u", "indicator": "x", "value": 2}"#, "cannot read the period (empty)"),
        // Strings that are not ids, periods or dates.
        (#"{"unit": "u", "period": "2026-02", "indicator": "Tỷ lệ", "value": 2}"#, "'Tỷ lệ' is not an indicator id"),
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": 2, "report": "Báo cáo"}"#,
         "'Báo cáo' is not a report schedule id"),
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": 2, "report": 7}"#,
         #"the report must be text (a report schedule id such as "monthly"), found the number 7"#),
        (#"{"unit": "u", "period": "2026-02", "report": 7, "submitted": "2026-03-01"}"#, "the report must be text"),
        (#"{"unit": "u", "period": "quý II", "indicator": "x", "value": 2}"#, "cannot read the period 'quý II'"),
        (#"{"unit": "u", "period": "tháng", "indicator": "x", "value": 2}"#, "cannot read the period 'tháng'"),
        (#"{"unit": "u", "period": 2026.5, "indicator": "x", "value": 2}"#, "cannot read the period '2026.5'"),
        (#"{"unit": "u", "period": "2026-02", "indicator": "road_km", "value": "93.5%"}"#,
         "'93.5%' has a % sign but 'road_km' is measured in km"),
        // A JSON true is read as the word: right for a task, wrong for a number or a date.
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": true}"#, "cannot read the value 'true' of 'x' as a number"),
        (#"{"unit": "u", "period": "2026-02", "indicator": "x", "value": 2, "submitted": true}"#,
         "cannot read the submission date 'true': expected YYYY-MM-DD or DD/MM/YYYY"),
    ])
    func aJSONRowThatCannotBeReadIsDataInvalidAtItsLine(row: String, fragment: String) throws {
        let json = "[\n" + #"  {"unit": "u", "period": "2026-01", "indicator": "x", "value": 1},"# + "\n  " + row + "\n]\n"
        let result = try Self.load("d.json", json)
        try Self.expectOneInvalidRow(result, file: "d.json", line: 3, fragment: fragment)
        #expect(result.data.series(unit: "u", indicator: "x").points.map(\.line).first == 2)
    }

    // MARK: - Files that are not tables

    /// A data file that stops the check: its one error diagnostic, placed to the column and
    /// the JSON path.
    struct Unreadable: Sendable, CustomTestStringConvertible {
        var name = "d.json"
        var text: String
        var code = "data.unreadable"
        var line: Int
        /// Nil for a CSV file, whose problems are placed by line alone.
        var column: Int?
        var path: String?
        var fragment: String
        var testDescription: String { text.count > 60 ? String(text.prefix(60)) + "…" : text }
    }

    static let firstRow = #"{"unit": "u", "period": "2026-01", "indicator": "x", "value": 1}"#

    /// A CSV header of exactly `bytes` bytes before its line break: the six columns, then
    /// one more whose long name the reader does not read.
    static func longHeader(_ bytes: Int) -> String {
        let columns = "unit,period,indicator,value,submitted,report,"
        return columns + String(repeating: "x", count: bytes - columns.utf8.count)
    }

    static let unreadable: [Unreadable] = [
        // Not an array of rows.
        .init(text: #""rows""#, line: 1, column: 1, path: "$", fragment: "expected an array of rows, found 'rows'"),
        .init(text: "42\n", line: 1, column: 1, path: "$", fragment: "expected an array of rows, found the number 42"),
        .init(text: #"{"observations": {"unit": "u"}}"#, line: 1, column: 18, path: "$.observations",
              fragment: "expected an array of rows, found an object"),
        .init(text: #"{"rows": []}"#, line: 1, column: 1, path: "$", fragment: #"expected an array of rows or {"observations": [...]}"#),
        .init(text: #"{"observations": [], "unit": "u"}"#, line: 1, column: 1, path: "$",
              fragment: #"expected an array of rows or {"observations": [...]}"#),
        // A row that is not an object.
        .init(text: "[\n  " + firstRow + ",\n  5\n]", line: 3, column: 3, path: "$[1]",
              fragment: "expected a row object, found the number 5"),
        .init(text: "[\n  [\"u\", \"2026-01\", \"x\", 1]\n]", line: 2, column: 3, path: "$[0]",
              fragment: "expected a row object, found an array"),
        .init(text: "{\"observations\": [\n  " + firstRow + ",\n  \"x\"\n]}", line: 3, column: 3, path: "$.observations[1]",
              fragment: "expected a row object, found 'x'"),
        // JSON syntax, placed where the parser stopped.
        .init(text: "", line: 1, column: 1, path: "$", fragment: "expected a JSON value, found end of input"),
        .init(text: "[\n  {\"unit\": \"u\",}\n]", line: 2, column: 15, path: "$[0]", fragment: "trailing comma is not allowed in JSON"),
        .init(text: "[\n  {\"unit\": \"u\" \"period\": \"2026-01\"}\n]", line: 2, column: 16, path: "$[0]",
              fragment: "expected ',' or '}' after an object member, found '\"'"),
        .init(text: "[\n  " + firstRow + "\n", line: 3, column: 1, path: "$",
              fragment: "expected ',' or ']' after an array element, found end of input"),
        .init(text: "[\n  {unit: \"u\"}\n]", line: 2, column: 4, path: "$[0]", fragment: "expected a key in double quotes, found 'unit'"),
        .init(text: "[\n  {\"unit\": 'u'}\n]", line: 2, column: 12, path: "$[0].unit", fragment: "expected a JSON value, found '''"),
        .init(text: "[\n  " + firstRow.replacingOccurrences(of: "1}", with: "01}") + "\n]", line: 2, column: 65, path: "$[0].value",
              fragment: "leading zeros are not allowed in JSON numbers"),
        .init(text: "[" + firstRow + "] [1]", line: 1, column: 68, path: "$",
              fragment: "expected end of input after the JSON value, found '['"),
        // A duplicate key keeps the parser's own code.
        .init(text: "[\n  {\"unit\": \"u\", \"unit\": \"v\", \"period\": \"2026-01\", \"indicator\": \"x\", \"value\": 1}\n]",
              code: "json.duplicate-key", line: 2, column: 17, path: "$[0].unit",
              fragment: "duplicate key 'unit' (first at line 2, column 4)"),
        // Standard input is JSON when it starts like JSON.
        .init(name: "<stdin>", text: "  {\"rows\": []}", line: 1, column: 3, path: "$",
              fragment: #"expected an array of rows or {"observations": [...]}"#),
        // A CSV header over 1 MB, with rows after it, without, and without a line break.
        .init(name: "d.csv", text: longHeader((1 << 20) + 1) + "\n" + goodRow, line: 1, column: nil, path: nil,
              fragment: "the header row is longer than 1 MB"),
        .init(name: "d.csv", text: longHeader((1 << 20) + 1) + "\r\n", line: 1, column: nil, path: nil,
              fragment: "the header row is longer than 1 MB"),
        .init(name: "d.csv", text: longHeader(3 << 20), line: 1, column: nil, path: nil,
              fragment: "the header row is longer than 1 MB"),
    ]

    @Test(arguments: unreadable)
    func aDataFileThatIsNotATableIsUnreadable(_ c: Unreadable) throws {
        let result = try Self.load(c.name, c.text)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.message.en))")
        let error = try #require(errors.first)
        #expect(error.code == c.code)
        #expect(error.location?.file == c.name)
        #expect(error.location?.line == c.line)
        #expect(error.location?.column == c.column)
        #expect(error.location?.path == c.path)
        #expect(error.message.en.contains(c.fragment), "\(error.message.en)")
        #expect(!error.message.vi.isEmpty)
        #expect(error.message.vi != error.message.en, "untranslated: \(error.message.en)")
        #expect(result.findings.isEmpty)
    }

    /// A header of up to 1 MB is read, whatever its line break, and the rows after it are
    /// placed on their lines.
    @Test(arguments: [((1 << 20) - 1, "\n"), (1 << 20, "\n"), ((1 << 20) - 1, "\r\n"), (1 << 20, "\r\n"),
                      ((1 << 20) - 2, "\r\n"), (1 << 20, "\r")])
    func aCSVHeaderOfUpTo1MBIsRead(bytes: Int, lineBreak: String) throws {
        // After a byte order mark, which is not part of the header.
        let text = "\u{FEFF}" + Self.longHeader(bytes) + lineBreak + Self.goodRow + "u,2026-02,x,2,,\n"
        let result = try Self.load("d.csv", text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message.en))")
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message.en))")
        #expect(result.data.series(unit: "u", indicator: "x").points.map(\.line) == [2, 3])
    }

    @Test func aSourceThatCouldNotBeReadIsUnreadable() throws {
        let asOf = try #require(CivilDate(year: 2027, month: 1, day: 1))
        let result = DataLoader.load([.init(name: "<stdin>", bytes: nil)], scope: DataScope(asOf: asOf), plans: [])
        let error = try #require(result.diagnostics.first)
        #expect(error.code == "data.unreadable")
        #expect(error.location?.file == "<stdin>")
        #expect(error.message.en == "cannot read the file")
        #expect(error.message.vi == "không đọc được tệp")
    }
}
