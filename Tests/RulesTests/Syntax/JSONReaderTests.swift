import Foundation
import Testing
@testable import Rules

/// RFC 8259 conformance in the style of JSONTestSuite: `y_` inputs must parse (to the
/// value given, written back compactly), `n_` inputs must be rejected.
@Suite struct JSONReaderTests {
    static func parse(_ bytes: [UInt8]) -> Result<JSONDocument, JSONSyntaxError> {
        Result { () throws(JSONSyntaxError) in try JSONReader.parse(bytes, file: "t.json") }
    }

    static func compact(_ document: JSONDocument) -> String {
        JSONWriter(style: .compact).string(JSONValue(document.root))
    }

    @Test(arguments: [
        // §6 numbers
        ("y_number_0", "[0]", "[0]"),
        ("y_number_negative_zero", "[-0]", "[0]"),
        ("y_number_int", "[123]", "[123]"),
        ("y_number_negative_int", "[-123]", "[-123]"),
        ("y_number_real_fraction", "[0.5]", "[0.5]"),
        ("y_number_real_exponent", "[1E2]", "[100]"),
        ("y_number_real_pos_exponent", "[1e+2]", "[100]"),
        ("y_number_real_neg_exp", "[1e-2]", "[0.01]"),
        ("y_number_after_space", "[ 4]", "[4]"),
        ("y_number_very_big_negative_int", "[-237462374673276894279832749832423479823246327846]",
         "[-237462374673276900000000000000000000000000000000]"),
        ("y_number_double_close_to_zero", "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000001]",
         "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000001]"),
        // §7 strings
        ("y_string_escapes", #"["\"\\\/\b\f\n\r\t"]"#, #"["\"\\/\b\f\n\r\t"]"#),
        ("y_string_unicode_escapes", #"["\u0060\u012a\u12AB"]"#, "[\"`Īካ\"]"),
        ("y_string_surrogate_pair", #"["\uD834\uDD1E"]"#, "[\"𝄞\"]"),
        ("y_string_escaped_null", #"["\u0000"]"#, #"["\u0000"]"#),
        ("y_string_utf8", "[\"Xã Thụy Hùng €𝄞\"]", "[\"Xã Thụy Hùng €𝄞\"]"),
        ("y_string_unescaped_U+2028", "[\"\u{2028}\"]", #"["\u2028"]"#),
        ("y_string_with_del_character", "[\"a\u{7F}a\"]", "[\"a\u{7F}a\"]"),
        ("y_string_empty_key", #"{"":0}"#, #"{"":0}"#),
        // §2 structure
        ("y_structure_empty_object", "{}", "{}"),
        ("y_structure_empty_array", "[]", "[]"),
        ("y_structure_whitespace", " \r\n\t[\r\n1\t]\n ", "[1]"),
        ("y_structure_nested", #"{"a":[{"b":[[]]}],"c":null}"#, #"{"a":[{"b":[[]]}],"c":null}"#),
        ("y_structure_lonely_string", "\"x\"", "\"x\""),
        ("y_structure_lonely_int", "2", "2"),
        ("y_structure_lonely_null", "null", "null"),
        ("y_structure_true_in_array", "[true,false]", "[true,false]"),
        ("y_structure_object_order_kept", #"{"z":1,"a":2,"m":3}"#, #"{"z":1,"a":2,"m":3}"#),
        ("y_structure_duplicate_key_kept", #"{"a":1,"a":2}"#, #"{"a":1,"a":2}"#),
        ("y_bom_at_start", "\u{FEFF}{}", "{}"),
    ])
    func accepts(name: String, input: String, written: String) throws {
        let document = try Self.parse(Array(input.utf8)).get()
        #expect(Self.compact(document) == written, "\(name)")
    }

    @Test(arguments: [
        ("n_number_leading_zero", "[012]", "leading zeros are not allowed in JSON numbers"),
        ("n_number_neg_leading_zero", "[-012]", "leading zeros are not allowed in JSON numbers"),
        ("n_number_plus", "[+1]", "expected a JSON value, found '+'"),
        ("n_number_dot_start", "[.5]", "expected a JSON value, found '.'"),
        ("n_number_trailing_dot", "[1.]", "expected a digit after the decimal point, found ']'"),
        ("n_number_exp_empty", "[1e]", "expected a digit in the exponent, found ']'"),
        ("n_number_exp_sign_only", "[1e+]", "expected a digit in the exponent, found ']'"),
        ("n_number_minus_only", "[-]", "expected a digit after '-', found ']'"),
        ("n_number_NaN", "[NaN]", "expected a JSON value, found 'NaN'"),
        ("n_number_infinity", "[Infinity]", "expected a JSON value, found 'Infinity'"),
        ("n_number_minus_infinity", "[-Infinity]", "expected a digit after '-', found 'Infinity'"),
        ("n_number_hex", "[0x1]", "expected ',' or ']' after an array element, found 'x1'"),
        ("n_number_too_big", "[1e400]", "number '1e400' is too large"),
        ("n_string_invalid_escape", #"["a\x"]"#, "invalid escape '\\x' in a string"),
        ("n_string_short_unicode", #"["\u12"]"#, "expected four hex digits after '\\u', found '\"'"),
        ("n_string_single_quotes", "['a']", "expected a JSON value, found '''"),
        ("n_string_raw_tab", "[\"a\tb\"]", "control character U+0009 is not allowed in a string"),
        ("n_string_raw_newline", "[\"a\nb\"]", "unterminated string"),
        ("n_string_lone_high_surrogate", #"["\uD800"]"#, "lone surrogate '\\uD800' in a string"),
        ("n_string_lone_low_surrogate", #"["\uDC00"]"#, "lone surrogate '\\uDC00' in a string"),
        ("n_string_high_then_not_low", #"["\uD800\u0041"]"#, "lone surrogate '\\uD800' in a string"),
        ("n_string_unterminated", "[\"abc", "unterminated string"),
        ("n_structure_trailing_comma_array", "[1,]", "trailing comma is not allowed in JSON"),
        ("n_structure_trailing_comma_object", #"{"a":1,}"#, "trailing comma is not allowed in JSON"),
        ("n_structure_missing_comma", "[1 2]", "expected ',' or ']' after an array element, found '2'"),
        ("n_structure_double_comma", "[1,,2]", "expected a JSON value, found ','"),
        ("n_structure_missing_colon", #"{"a" 1}"#, "expected ':' after the object key, found '1'"),
        ("n_structure_unquoted_key", "{a:1}", "expected a key in double quotes, found 'a'"),
        ("n_structure_extra_close", "[1]]", "expected end of input after the JSON value, found ']'"),
        ("n_structure_two_values", "[1] x", "expected end of input after the JSON value, found 'x'"),
        ("n_structure_empty", "", "expected a JSON value, found end of input"),
        ("n_structure_only_whitespace", " \n", "expected a JSON value, found end of input"),
        ("n_structure_only_bom", "\u{FEFF}", "expected a JSON value, found end of input"),
        ("n_structure_bom_twice", "\u{FEFF}\u{FEFF}[]", "expected a JSON value, found '\u{FEFF}'"),
        ("n_structure_unclosed_array", "[", "expected a JSON value, found end of input"),
        ("n_structure_unclosed_object", #"{"a":1"#, "expected ',' or '}' after an object member, found end of input"),
        ("n_structure_comment", "// c\n[]", "comments are not allowed in JSON"),
        ("n_structure_capitalised_true", "[True]", "expected a JSON value, found 'True'"),
        ("n_structure_nbsp_is_not_whitespace", "[\u{A0}1]", "expected a JSON value, found '\u{A0}'"),
        ("n_structure_object_missing_comma", #"{"a":1 "b":2}"#, "expected ',' or '}' after an object member, found '\"'"),
    ])
    func rejects(name: String, input: String, message: String) {
        switch Self.parse(Array(input.utf8)) {
        case .success(let document): Issue.record("\(name) parsed as \(Self.compact(document))")
        case .failure(let error): #expect(error.message.en == message, "\(name)")
        }
    }

    /// RFC 8259 §8.1: JSON text is UTF-8; RFC 3629 forbids overlong forms and surrogates.
    @Test(arguments: [
        ("n_string_invalid_utf8", [0x5B, 0x22, 0xFF, 0x22, 0x5D], "invalid UTF-8 (byte 0xFF)", 3),
        ("n_string_overlong", [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], "invalid UTF-8 (byte 0xC0)", 3),
        ("n_string_utf8_surrogate", [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], "invalid UTF-8 (byte 0xED)", 3),
        ("n_string_truncated", [0x5B, 0x22, 0x61, 0xE1, 0xBB, 0x22, 0x5D], "invalid UTF-8 (byte 0xE1)", 4),
        ("n_string_above_10FFFF", [0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D], "invalid UTF-8 (byte 0xF4)", 3),
        ("n_structure_invalid_utf8_outside_string", [0x5B, 0xFF, 0x5D], "expected a JSON value, found invalid UTF-8 (byte 0xFF)", 2),
    ] as [(String, [UInt8], String, Int)])
    func rejectsInvalidUTF8(name: String, bytes: [UInt8], message: String, column: Int) {
        switch Self.parse(bytes) {
        case .success: Issue.record("\(name) parsed")
        case .failure(let error):
            #expect(error.message.en == message, "\(name)")
            #expect(error.location.column == column, "\(name)")
            #expect(error.hint?.en == "save the file as UTF-8", "\(name)")
        }
    }

    // MARK: - Positions and paths

    /// `‸` marks where the error must point; the path is the innermost value being read.
    @Test(arguments: [
        ("{\n  \"rules\": [\n    {\"id\": \"r\", \"target\" ‸\"≥ 6\"}\n  ]\n}", "$.rules[0].target"),
        ("{\"tên\": \"Xã Thụy Hùng\" ‸\"x\": 1}", "$"),
        ("[1,\n 2,\n ‸tru]", "$[2]"),
        ("{\"owners\": {\"kinh tế\": [1‸, ]}}", "$.owners[\"kinh tế\"]"),  // a trailing comma: at the comma
        ("{\"a\": ‸\"x\n\"}", "$.a"),  // a raw line break: at the opening quote
        ("[\"Thụy\u{0323} ‸\\q\"]", "$[0]"),
        ("{\"a\": ‸\"never closed}", "$.a"),
        ("\r\n\r\n  [‸,]", "$[0]"),
        ("[1‸,]", "$"),
    ])
    func errorPositions(marked: String, path: String) throws {
        let (input, position) = CSVRun.marked(marked)
        let error = try #require(throws: JSONSyntaxError.self) { try JSONReader.parse(input, file: "p.json") }
        let location = error.location
        #expect("\(location.line ?? 0):\(location.column ?? 0)" == position, "\(marked.debugDescription): \(error)")
        #expect(location.path == path)
        #expect(location.file == "p.json")
    }

    @Test func unterminatedStringPointsAtItsOpeningQuote() throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONReader.parse("{\n  \"a\": \"abc\n}", file: "p.json") }
        #expect(error.description == "p.json:2:8 ($.a): unterminated string")
        #expect(error.hint?.en == "a line break inside a string is written '\\n'")
        #expect(error.diagnostic.code == "json.syntax")
    }

    @Test func nodesKnowWhereTheyAre() throws {
        let text = "\u{FEFF}{\n  \"plan\": \"Kế hoạch 15/KH-UBND\", \"rules\": [\n    {\"id\": \"r1\", \"target\": \"≥ 6 km\"},\n"
            + "    {\"id\": \"r2\"}\n  ],\n  \"owners\": {\"kinh tế\": \"Phòng Kinh tế\", \"a.b\": 1, \"_x1\": true}\n}"
        let root = try JSONReader.parse(text, file: "rules/p.json").root
        var seen: [String] = []
        func walk(_ node: JSONNode) {
            seen.append("\(node.path) \(node.line):\(node.column) \(node.kind.rawValue)")
            for e in node.elements ?? [] { walk(e) }
            for m in node.members ?? [] { walk(m.value) }
        }
        walk(root)
        #expect(seen == [
            "$ 1:1 object",
            "$.plan 2:11 string",
            "$.rules 2:43 array",
            "$.rules[0] 3:5 object",
            "$.rules[0].id 3:12 string",
            "$.rules[0].target 3:28 string",
            "$.rules[1] 4:5 object",
            "$.rules[1].id 4:12 string",
            "$.owners 6:13 object",
            "$.owners[\"kinh tế\"] 6:25 string",
            "$.owners[\"a.b\"] 6:49 number",
            "$.owners._x1 6:59 bool",
        ])
        let owners = try #require(root["owners"]?.members)
        #expect(owners.map { "\($0.keyLine):\($0.keyColumn)" } == ["6:14", "6:42", "6:52"])
        #expect(root["rules"]?[1]?["id"]?.location.description == "rules/p.json:4:12 ($.rules[1].id)")
        #expect(root["rules"]?[2] == nil)
    }

    // MARK: - Duplicate keys and depth

    @Test(arguments: [3, 40])
    func duplicateKeysAreKeptAndReported(size: Int) throws {
        // Small objects are searched linearly, large ones through an index: both must report.
        let keys = (0..<size).map { "\"k\($0)\": \($0)" }
        let text = "{" + keys.joined(separator: ", ") + ",\n \"k1\": \"again\", \"k1\": 3}"
        let document = try JSONReader.parse(text, file: "p.json")
        #expect(document.diagnostics.map(\.code) == ["json.duplicate-key", "json.duplicate-key"])
        #expect(document.diagnostics.first?.message.en == "duplicate key 'k1' (first at line 1, column \(2 + keys[0].count + 2))")
        #expect(document.diagnostics.first?.location == SourceLocation(file: "p.json", line: 2, column: 2, path: "$.k1"))
        #expect(document.root["k1"]?.doubleValue == 1)  // the first one wins for lookups
        #expect(document.root.members?.count == size + 2)
    }

    @Test func nestingIsLimited() throws {
        let ok = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(throws: Never.self) { try JSONReader.parse(ok, file: "p.json") }
        let deep = String(repeating: "[", count: JSONReader.maximumDepth + 1) + String(repeating: "]", count: JSONReader.maximumDepth + 1)
        let error = try #require(throws: JSONSyntaxError.self) { try JSONReader.parse(deep, file: "p.json") }
        #expect(error.message.en == "nesting is deeper than 512 levels")
        #expect(error.location.column == JSONReader.maximumDepth + 1)
        // Far deeper input fails the same way rather than exhausting the stack.
        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(hostile, file: "p.json") }
    }

    // MARK: - Numbers

    @Test(arguments: [
        ("2026", 2026 as Int?), ("2026.0", 2026), ("2.026e3", 2026), ("-0", 0), ("1.5", nil), ("1e300", nil),
        ("9007199254740993", 9_007_199_254_740_993),
    ])
    func wholeNumbers(literal: String, int: Int?) throws {
        let node = try JSONReader.parse("[\(literal)]", file: "p.json").root[0]
        #expect(node?.numberValue?.literal == literal)
        #expect(node?.numberValue?.int == int)
    }

    @Test func largeInputsParseInLinearTime() throws {
        // A minified file on one line: columns are counted incrementally.
        let rows = (0..<20_000).map { #"{"unit":"cao-minh","period":"2026-03","indicator":"ind_\#($0)","value":93.5}"# }
        let text = "[" + rows.joined(separator: ",") + "]"
        let root = try JSONReader.parse(text, file: "d.json").root
        #expect(root.elements?.count == 20_000)
        #expect(root[19_999]?["value"]?.column == text.count - 5)
    }
}
