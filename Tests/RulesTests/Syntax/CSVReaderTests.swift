import Foundation
import Testing
@testable import Rules

/// One input and the records it must give, with the rule it exercises.
struct CSVRow: Sendable, CustomTestStringConvertible {
    var rule: String
    var input: String
    var records: [String]
    var delimiter: CSVReader.Delimiter = .comma

    var testDescription: String { rule }
}

@Suite struct CSVReaderTests {
    @Test(arguments: [
        // RFC 4180 §2.1: each record on its own line, ended by a line break (CRLF).
        CSVRow(rule: "§2.1 CRLF", input: "a,b\r\nc,d\r\n", records: ["1: ⟨a⟩⟨b⟩", "2: ⟨c⟩⟨d⟩"]),
        CSVRow(rule: "§2.1 LF (customary)", input: "a,b\nc,d\n", records: ["1: ⟨a⟩⟨b⟩", "2: ⟨c⟩⟨d⟩"]),
        CSVRow(rule: "§2.1 lone CR (old Mac files) is a line break", input: "a,b\rc,d", records: ["1: ⟨a⟩⟨b⟩", "2: ⟨c⟩⟨d⟩"]),
        CSVRow(rule: "§2.1 mixed line breaks", input: "a\r\nb\nc\rd", records: ["1: ⟨a⟩", "2: ⟨b⟩", "3: ⟨c⟩", "4: ⟨d⟩"]),
        // §2.2: the last record may or may not have a line break.
        CSVRow(rule: "§2.2 no final line break", input: "a,b\nc,d", records: ["1: ⟨a⟩⟨b⟩", "2: ⟨c⟩⟨d⟩"]),
        CSVRow(rule: "§2.2 final CRLF", input: "a,b\r\n", records: ["1: ⟨a⟩⟨b⟩"]),
        // §2.3: the header is a record like the others.
        CSVRow(rule: "§2.3 header", input: "unit,period\ncao-minh,2026-03\n",
               records: ["1: ⟨unit⟩⟨period⟩", "2: ⟨cao-minh⟩⟨2026-03⟩"]),
        // §2.4: fields separated by commas; spaces are part of a field.
        CSVRow(rule: "§2.4 spaces are kept", input: " a , b \t\n", records: ["1: ⟨ a ⟩⟨ b \t⟩"]),
        CSVRow(rule: "§2.4 empty fields", input: ",,\n", records: ["1: ⟨⟩⟨⟩⟨⟩"]),
        CSVRow(rule: "§2.4 trailing delimiter ends one more, empty, field", input: "a,b,\nc,d,", records: ["1: ⟨a⟩⟨b⟩⟨⟩", "2: ⟨c⟩⟨d⟩⟨⟩"]),
        CSVRow(rule: "§2.4 a line of spaces is a record", input: "  \na", records: ["1: ⟨  ⟩", "2: ⟨a⟩"]),
        // §2.5: fields may be enclosed in double quotes.
        CSVRow(rule: "§2.5 quoted fields", input: "\"a\",\"b\"\n\"c\",d", records: ["1: ⟨a⟩⟨b⟩", "2: ⟨c⟩⟨d⟩"]),
        CSVRow(rule: "§2.5 quoted empty field is a record", input: "\"\"\n", records: ["1: ⟨⟩"]),
        CSVRow(rule: "§2.5 quoted last field without line break", input: "a,\"b\"", records: ["1: ⟨a⟩⟨b⟩"]),
        // §2.6: line breaks, quotes and delimiters inside quoted fields.
        CSVRow(rule: "§2.6 delimiter and CRLF inside quotes", input: "\"a,b\",\"c\r\nd\"\r\ne,f",
               records: ["1: ⟨a,b⟩⟨c\r\nd⟩", "3: ⟨e⟩⟨f⟩"]),
        CSVRow(rule: "§2.6 records after a multi-line field start on their own line", input: "a,\"x\ny\nz\"\nb,c\n\nd\n",
               records: ["1: ⟨a⟩⟨x\ny\nz⟩", "4: ⟨b⟩⟨c⟩", "6: ⟨d⟩"]),
        CSVRow(rule: "§2.6 lone CR inside quotes counts as a line", input: "\"a\rb\",c\rd", records: ["1: ⟨a\rb⟩⟨c⟩", "3: ⟨d⟩"]),
        CSVRow(rule: "§2.6 a quoted field that is only a line break", input: "\"\n\",x\ny", records: ["1: ⟨\n⟩⟨x⟩", "3: ⟨y⟩"]),
        // §2.7: a quote inside a quoted field is written twice.
        CSVRow(rule: "§2.7 escaped quotes", input: "\"a\"\"b\",\"\"\"\"\n", records: ["1: ⟨a\"b⟩⟨\"⟩"]),
        CSVRow(rule: "§2.7 several escapes and fields in one record", input: "\"\"\"x\"\"\",\"y\"\"\"\"z\",\"\"\"\"\"\"",
               records: ["1: ⟨\"x\"⟩⟨y\"\"z⟩⟨\"\"⟩"]),
        // Customary extensions (spec §5).
        CSVRow(rule: "BOM at the start is skipped", input: "\u{FEFF}a,b\nc", records: ["1: ⟨a⟩⟨b⟩", "2: ⟨c⟩"]),
        CSVRow(rule: "BOM elsewhere is data", input: "a\n\u{FEFF}b", records: ["1: ⟨a⟩", "2: ⟨\u{FEFF}b⟩"]),
        CSVRow(rule: "BOM then a quoted field", input: "\u{FEFF}\"a\"", records: ["1: ⟨a⟩"]),
        CSVRow(rule: "empty lines are skipped, but counted", input: "\n\na\n\n\nb\n\n", records: ["3: ⟨a⟩", "6: ⟨b⟩"]),
        CSVRow(rule: "empty CRLF and CR lines", input: "\r\na\r\n\r\n\rb", records: ["2: ⟨a⟩", "5: ⟨b⟩"]),
        CSVRow(rule: "empty input", input: "", records: []),
        CSVRow(rule: "only line breaks", input: "\n\r\n\r", records: []),
        CSVRow(rule: "semicolon delimiter", input: "unit;value\nu;93,5\n\"a;b\";\"c\"\"\"", records: ["1: ⟨unit⟩⟨value⟩", "2: ⟨u⟩⟨93,5⟩", "3: ⟨a;b⟩⟨c\"⟩"],
               delimiter: .semicolon),
        CSVRow(rule: "commas are data in a semicolon file", input: "a,b;c", records: ["1: ⟨a,b⟩⟨c⟩"], delimiter: .semicolon),
        CSVRow(rule: "Vietnamese content", input: "xã,ghi chú\nCao Minh,\"Xã \"\"Thụy Hùng\"\", huyện Thái Thụy\"\nĐồng Tâm,nộp muộn\n",
               records: ["1: ⟨xã⟩⟨ghi chú⟩", "2: ⟨Cao Minh⟩⟨Xã \"Thụy Hùng\", huyện Thái Thụy⟩", "3: ⟨Đồng Tâm⟩⟨nộp muộn⟩"]),
        CSVRow(rule: "NFD text stays as written", input: "Thu\u{0323}y,x", records: ["1: ⟨Thu\u{0323}y⟩⟨x⟩"]),
        CSVRow(rule: "long fields cross the eight-byte scan", input: "abcdefghijklmnopqrstuvwxyz,0123456789012345678\n\"abcdefghijklmnop\"\"qrstuvwxyz\"",
               records: ["1: ⟨abcdefghijklmnopqrstuvwxyz⟩⟨0123456789012345678⟩", "2: ⟨abcdefghijklmnop\"qrstuvwxyz⟩"]),
        CSVRow(rule: "a row of the benchmark", input: "cao-minh-0001,2026-03,ind_042,93.47,2026-04-21\n",
               records: ["1: ⟨cao-minh-0001⟩⟨2026-03⟩⟨ind_042⟩⟨93.47⟩⟨2026-04-21⟩"]),
    ])
    func reads(row: CSVRow) {
        let outcome = CSVRun.whole(row.input, delimiter: row.delimiter)
        #expect(outcome.records == row.records)
        #expect(outcome.error == nil)
    }

    /// Record-level problems: the record says what and where (`‸` in the input marks it,
    /// `@` in the expected records stands for its line:column), and reading goes on at the
    /// next line.
    @Test(arguments: [
        ("§2.7 text after the closing quote", "a,\"abc\"‸x,d\nnext,row", ["1: ! text-after-closing-quote @", "2: ⟨next⟩⟨row⟩"]),
        ("§2.7 a space after the closing quote", "\"a\"‸ ,b\nc", ["1: ! text-after-closing-quote @", "2: ⟨c⟩"]),
        ("§2.7 an unescaped quote inside quotes", "\"Xã \"‸Cao Minh\"\",1\n2", ["1: ! text-after-closing-quote @", "2: ⟨2⟩"]),
        ("§2.5 a quote inside an unquoted field", "a,b‸\"c,d\ne,f", ["1: ! quote-in-unquoted-field @", "2: ⟨e⟩⟨f⟩"]),
        ("§2.5 a space before the opening quote", "a, ‸\"b\"\r\nc", ["1: ! quote-in-unquoted-field @", "2: ⟨c⟩"]),
        ("§2.5 columns count characters, not bytes", "Thụy Hùng,Đồng‸\"Tâm\nx", ["1: ! quote-in-unquoted-field @", "2: ⟨x⟩"]),
        ("a problem on the second line of a record", "\"x\ny\"‸z,1\nok", ["1: ! text-after-closing-quote @", "3: ⟨ok⟩"]),
        ("resynchronised at the next line, quotes or not", "ab‸\"c,\"d\ne\"\nf",
         ["1: ! quote-in-unquoted-field @", "2: ! quote-in-unquoted-field 2:2", "3: ⟨f⟩"]),
        ("a problem in the last record without a line break", "ok\nab‸\"c", ["1: ⟨ok⟩", "2: ! quote-in-unquoted-field @"]),
        ("a problem after a CR line break", "ok\rab‸\"c\rd", ["1: ⟨ok⟩", "2: ! quote-in-unquoted-field @", "3: ⟨d⟩"]),
    ])
    func reportsRecordProblems(rule: String, marked: String, expected: [String]) {
        let (input, position) = CSVRun.marked(marked)
        let outcome = CSVRun.whole(input)
        #expect(outcome.records == expected.map { $0.replacingOccurrences(of: "@", with: position) }, "\(rule)")
        #expect(outcome.error == nil)
    }

    @Test func unterminatedQuotedFieldIsFatalAtTheOpeningQuote() {
        let (input, position) = CSVRun.marked("a,b\nc,‸\"open\nmore,1\n")
        let outcome = CSVRun.whole(input)
        #expect(outcome.records == ["1: ⟨a⟩⟨b⟩"])
        #expect(outcome.error == "unterminated-quoted-field \(position)")
        // An odd number of quotes at the very end: the last quote opens a field.
        #expect(CSVRun.whole("\"a\"\"").error == "unterminated-quoted-field 1:1")
        #expect(CSVRun.whole("x\n\"").error == "unterminated-quoted-field 2:1")
    }

    @Test func theFatalProblemSaysWhatAndHow() throws {
        let outcome = try #require(throws: CSVProblem.self) {
            try Array("ok\n\"Xã Cao Minh,1\n".utf8).withUnsafeBytes { bytes in
                var reader = CSVReader()
                return try reader.parse(bytes, isFinal: true) { _ in }
            }
        }
        #expect(outcome.kind == .unterminatedQuotedField)
        #expect((outcome.line, outcome.column) == (2, 1))
        #expect(outcome.message.en == "unterminated quoted field: the quote opened here is never closed")
        #expect(outcome.hint?.vi == "đóng ô bằng '\"'; dấu ngoặc kép bên trong ô viết thành hai ('\"\"')")
        #expect(outcome.description == "2:1: unterminated quoted field: the quote opened here is never closed")
    }

    @Test(arguments: [
        ("a,\"b\"x", "expected ',' or the end of the line after the closing quote, found 'x'",
         "cần ',' hoặc cuối dòng sau dấu ngoặc kép đóng, nhưng gặp 'x'", "a quote inside a quoted field is written twice: \"Xã \"\"Cao Minh\"\"\""),
        ("\"b\" ", "expected ',' or the end of the line after the closing quote, found a space",
         "cần ',' hoặc cuối dòng sau dấu ngoặc kép đóng, nhưng gặp khoảng trắng", "remove the space after the closing quote"),
        ("\"b\"\t", "expected ',' or the end of the line after the closing quote, found control character U+0009",
         "cần ',' hoặc cuối dòng sau dấu ngoặc kép đóng, nhưng gặp ký tự điều khiển U+0009", "remove the space after the closing quote"),
        ("\"b\"đ", "expected ',' or the end of the line after the closing quote, found 'đ'",
         "cần ',' hoặc cuối dòng sau dấu ngoặc kép đóng, nhưng gặp 'đ'", "a quote inside a quoted field is written twice: \"Xã \"\"Cao Minh\"\"\""),
        ("a\"b", "unexpected quote '\"' inside a field that does not start with one",
         "gặp dấu ngoặc kép '\"' giữa một ô không bắt đầu bằng dấu ngoặc kép",
         "put the whole field in quotes and write each quote inside it twice: \"Xã \"\"Cao Minh\"\"\""),
    ])
    func problemMessages(input: String, en: String, vi: String, hint: String) throws {
        var messages: [CSVProblem] = []
        try Array(input.utf8).withUnsafeBytes { bytes in
            var reader = CSVReader()
            _ = try reader.parse(bytes, isFinal: true) { record in
                if let problem = record.problem { messages.append(problem) }
            }
        }
        let problem = try #require(messages.first)
        #expect(problem.message.en == en)
        #expect(problem.message.vi == vi)
        #expect(problem.hint?.en == hint)
    }

    @Test(arguments: [
        // RFC 3629: overlong forms, surrogates, stray continuation bytes, truncated sequences.
        ([0x61, 0x2C, 0xC3, 0x28, 0x0A, 0x62], "1: ! invalid-utf8 1:3", "C3"),
        ([0x78, 0xC3, 0xA1, 0x2C, 0x80, 0x0A, 0x62], "1: ! invalid-utf8 1:4", "80"),
        ([0x22, 0xE1, 0xBB, 0x22, 0x0A, 0x62], "1: ! invalid-utf8 1:2", "E1"),
        ([0x61, 0x2C, 0xC0, 0xAF, 0x0A, 0x62], "1: ! invalid-utf8 1:3", "C0"),
        ([0x61, 0x2C, 0xED, 0xA0, 0x80, 0x0A, 0x62], "1: ! invalid-utf8 1:3", "ED"),
        ([0x61, 0x2C, 0xF4, 0x90, 0x80, 0x80, 0x0A, 0x62], "1: ! invalid-utf8 1:3", "F4"),
        ([0x61, 0x2C, 0x22, 0x0A, 0xFF, 0x22, 0x0A, 0x62], "1: ! invalid-utf8 2:1", "FF"),
    ] as [([UInt8], String, String)])
    func invalidUTF8IsARecordProblem(bytes: [UInt8], record: String, byte: String) throws {
        let outcome = CSVRun.whole(bytes)
        #expect(outcome.records.first == record)
        #expect(outcome.records.last?.hasSuffix(": ⟨b⟩") == true)
        var message = ""
        bytes.withUnsafeBytes { buffer in
            var reader = CSVReader()
            _ = try? reader.parse(buffer, isFinal: true) { record in
                if let p = record.problem { message = p.message.en }
            }
        }
        #expect(message == "invalid UTF-8 (byte 0x\(byte))")
    }

    /// UTF-8 is checked a window at a time: sequences that cross a window's end are not
    /// problems, and invalid bytes far into the input are found in their own records.
    @Test func invalidUTF8FarIntoALargeInput() {
        var bytes: [UInt8] = []
        var line = 0
        var expected: [Int: String] = [:]
        while line < 3000 {
            line += 1
            // Lines of 1-, 2-, 3- and 4-byte characters of varying length, so that every
            // kind of sequence crosses some window boundary.
            bytes += Array(String(repeating: "aệđ𝄞", count: line % 13 + 1).utf8) + [0x2C]
            if line == 1500 || line == 1501 || line == 2900 {
                bytes += [0xE1, 0xBB]  // a truncated sequence
                expected[line] = "\(line): ! invalid-utf8 \(line):\(4 * (line % 13 + 1) + 2)"
            }
            bytes += Array("x\n".utf8)
        }
        #expect(bytes.count > 6 * CSVReader.validationWindow)
        let outcome = CSVRun.whole(bytes)
        #expect(outcome.records.count == line)
        #expect(expected.count == 3)
        #expect(outcome.records.filter { $0.contains("!") } == expected.keys.sorted().compactMap { expected[$0] })
    }

    @Test func validUTF8OfEveryLengthIsNotAProblem() {
        let text = "a,é,ệ,𝄞,€\n\"ở\"\"ấp\",\u{10FFFF}"
        #expect(CSVRun.whole(text).records == ["1: ⟨a⟩⟨é⟩⟨ệ⟩⟨𝄞⟩⟨€⟩", "2: ⟨ở\"ấp⟩⟨\u{10FFFF}⟩"])
    }

    // MARK: - Positions

    @Test func fieldPositionsAreLinesAndCharacterColumns() throws {
        let input = "\u{FEFF}Thụy Hùng,\"a\nbc\",đ\n  x,\"y\"\"\",,z"
        var positions: [String] = []
        var ranges: [String] = []
        try Array(input.utf8).withUnsafeBytes { bytes in
            var reader = CSVReader()
            _ = try reader.parse(bytes, isFinal: true) { record in
                for i in 0..<record.count {
                    let (line, column) = record.position(ofField: i)
                    positions.append("\(line):\(column)\(record.isQuoted(i) ? "q" : "")")
                    ranges.append(record.textRange(ofField: i).map { "\($0)" } ?? "unescaped")
                }
            }
        }
        #expect(positions == ["1:1", "1:11q", "2:5", "3:1", "3:5q", "3:11", "3:12"])
        #expect(ranges == ["0..<12", "14..<18", "20..<22", "0..<3", "unescaped", "10..<10", "11..<12"])
    }

    @Test func recordTextIsTheLineAsWritten() throws {
        var texts: [String] = []
        try Array("a,\"b\"\"\"\r\n\"x\ny\",z".utf8).withUnsafeBytes { bytes in
            var reader = CSVReader()
            _ = try reader.parse(bytes, isFinal: true) { record in texts.append(String(decoding: record.text, as: UTF8.self)) }
        }
        #expect(texts == ["a,\"b\"\"\"", "\"x\ny\",z"])
    }

    @Test func manyFieldsAndLongEscapedFieldsGrowTheBuffers() {
        let fields = (0..<100).map { "f\($0)" }
        let long = String(repeating: "ab\"\"", count: 500)
        let outcome = CSVRun.whole(fields.joined(separator: ",") + "\n\"" + long + "\",\"" + long + "\"\n")
        #expect(outcome.records == [
            "1: " + fields.map { "⟨\($0)⟩" }.joined(),
            "2: ⟨" + String(repeating: "ab\"", count: 500) + "⟩⟨" + String(repeating: "ab\"", count: 500) + "⟩",
        ])
    }

    // MARK: - Chunks

    /// Everything at once: BOM, CRLF, lone CR, empty lines, quotes, escapes, line breaks in
    /// fields, Vietnamese, a trailing delimiter, problems, no final line break.
    static let tricky = "\u{FEFF}unit,period,value,note\r\ncao-minh,2026-03,93.5,\"Xã \"\"Cao Minh\"\"\"\r\n\r\n"
        + "đồng-tâm,2026-Q1,\"1,2\",\"dòng 1\r\ndòng 2\ndòng 3\"\n\nx,\"a\"b,c\nd\"e,f\rg,,\r\n\"\"\"\",\"\",\"\r\",h,"

    @Test func theTrickyFileReadsAsExpected() {
        #expect(CSVRun.whole(Self.tricky).records == [
            "1: ⟨unit⟩⟨period⟩⟨value⟩⟨note⟩",
            "2: ⟨cao-minh⟩⟨2026-03⟩⟨93.5⟩⟨Xã \"Cao Minh\"⟩",
            "4: ⟨đồng-tâm⟩⟨2026-Q1⟩⟨1,2⟩⟨dòng 1\r\ndòng 2\ndòng 3⟩",
            "8: ! text-after-closing-quote 8:6",
            "9: ! quote-in-unquoted-field 9:2",
            "10: ⟨g⟩⟨⟩⟨⟩",
            "11: ⟨\"⟩⟨⟩⟨\r⟩⟨h⟩⟨⟩",
        ])
    }

    @Test func aChunkBoundaryAtEveryByteGivesTheSameRecords() {
        for text in [Self.tricky, Self.tricky + "\n", "a,\"b", "\u{FEFF}", "\u{FEFF}\u{FEFF}", "\r", "\"\"\"\""] {
            let bytes = Array(text.utf8)
            let expected = CSVRun.whole(bytes)
            for offset in 0...bytes.count {
                #expect(CSVRun.cut(bytes, at: offset) == expected, "cut at \(offset) of \(bytes.count): \(text.debugDescription)")
            }
            #expect(CSVRun.byteByByte(bytes) == expected, "byte by byte: \(text.debugDescription)")
        }
    }

    @Test func chunksReturnWhatTheyConsumedAndLinesGoOn() throws {
        var reader = CSVReader()
        var lines: [Int] = []
        let first = Array("a,b\r\n\"c\nd\",e\r\nf,\"g".utf8)
        let consumed = try first.withUnsafeBytes { try reader.parse($0, isFinal: false) { lines.append($0.line) } }
        #expect(consumed == 14)
        #expect(reader.line == 4)
        let rest = Array(first[consumed...]) + Array("\"\r\n\r".utf8)
        let consumedRest = try rest.withUnsafeBytes { try reader.parse($0, isFinal: false) { lines.append($0.line) } }
        // The trailing CR could still be the start of a CRLF: it waits for the next chunk.
        #expect(consumedRest == rest.count - 1)
        #expect(lines == [1, 2, 4])
        #expect(reader.line == 5)
    }

    @Test func aReaderForALaterPieceStartsAtItsLineAndKeepsABOM() {
        let outcome = CSVRun.parse(chunks: [Array("\u{FEFF}a\nb".utf8)[...]], firstLine: 41, atStartOfInput: false)
        #expect(outcome.records == ["41: ⟨\u{FEFF}a⟩", "42: ⟨b⟩"])
    }

    // MARK: - Delimiter

    @Test(arguments: [
        ("unit,period,value", CSVReader.Delimiter.comma),
        ("unit;period;value", .semicolon),
        ("unit;period,value", .comma),  // both: comma
        ("unit", .comma),  // neither: comma
        ("\"a;b\",c", .comma),  // the `;` is inside quotes
        ("\"a,b\";c", .semicolon),
        ("\"x\"\",y\";z", .semicolon),  // an escaped quote does not end the quoted field
        ("\u{FEFF}unit;period", .semicolon),
        ("\n\r\nunit;period", .semicolon),  // the first non-empty line is the header
        ("unit;period\na,b,c", .semicolon),  // only the header line counts
        ("\"multi\nline;\";x", .semicolon),  // a line break inside quotes does not end the header
        ("", .comma),
    ])
    func detectsTheDelimiterFromTheHeader(header: String, delimiter: CSVReader.Delimiter) {
        let bytes = Array(header.utf8)
        #expect(bytes.withUnsafeBytes { CSVReader.detectDelimiter(in: $0) } == delimiter)
    }
}
