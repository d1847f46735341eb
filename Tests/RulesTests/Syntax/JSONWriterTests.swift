import Foundation
import Testing
@testable import Rules

@Suite struct JSONWriterTests {
    /// Every character class that needs care: RFC 8259 §7 escapes (`"`, `\`, U+0000–U+001F),
    /// U+2028/U+2029 (not allowed raw in JavaScript source), and what must stay as it is.
    static let hostile: [String] = [
        "", "plain", "\"quoted\"", "back\\slash", "a/b", "</script>", "<&>'%",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }),
        "\u{7F}", "line\u{2028}sep\u{2029}para", "Xã Thụy Hùng", "Thu\u{0323}y (NFD)", "€ 𝄞 😀", "\u{FEFF}bom",
        "tab\tnew\nline\r\n", "trailing \\",
    ]

    @Test(arguments: hostile)
    func stringsRoundTripThroughFoundation(text: String) throws {
        let written = JSONWriter.quoted(text)
        // Foundation reads it back to the same string.
        let data = Data("[\(written)]".utf8)
        let parsed = try JSONSerialization.jsonObject(with: data) as? [String]
        #expect(parsed == [text])
        // So does our reader.
        #expect(try JSONReader.parse("[\(written)]", file: "w.json").root[0]?.stringValue == text)
        // Only printable characters are written raw; U+2028, U+2029 and U+FEFF never are.
        #expect(!written.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" })
    }

    @Test(arguments: [
        ("\"", #""\"""#), ("\\", #""\\""#), ("\n", #""\n""#), ("\r", #""\r""#), ("\t", #""\t""#),
        ("\u{08}", #""\b""#), ("\u{0C}", #""\f""#), ("\u{00}", #""\u0000""#), ("\u{1F}", #""\u001f""#),
        ("\u{2028}", #""\u2028""#), ("\u{FEFF}", #""\ufeff""#), ("/", #""/""#), ("ệ", "\"ệ\""), ("\u{7F}", "\"\u{7F}\""),
    ])
    func escapes(text: String, written: String) {
        #expect(JSONWriter.quoted(text) == written)
    }

    @Test(arguments: [0.1, 93.47, 1234.5, -0.000001, 1e-7, 123_456_789.125, 1e15, 1e20, 2.5e-300, 1.7976931348623157e308, -5, 0])
    func numbersRoundTrip(x: Double) throws {
        let written = JSONWriter(style: .compact).string([.number(x)])
        #expect(!written.contains("e") && !written.contains("E"), "no exponent: \(written)")
        let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [NSNumber]
        #expect(parsed?.first?.doubleValue == x, "\(written)")
        #expect(try JSONReader.parse(written, file: "w.json").root[0]?.doubleValue == x)
    }

    @Test func nonFiniteNumbersAreNull() {
        #expect(JSONWriter(style: .compact).string([.number(.nan), .number(.infinity), .number(-.infinity), .number(nil)])
                == "[null,null,null,null]")
    }

    static let report: JSONValue = [
        "asOf": "2026-09-30",
        "findings": [
            ["code": "target-missed", "unit": "cao-minh", "actual": 5.5, "expected": "≥ 6 km", "line": 2, "passed": false],
            ["code": "data-invalid", "message": "cannot read the value '9\"1'\n", "note": nil],
        ],
        "summary": ["violations": 2, "warnings": 0, "empty": [], "none": [:]],
    ]

    @Test func prettyOutputIsExactAndStable() {
        let writer = JSONWriter(style: .pretty)
        let expected = """
            {
              "asOf": "2026-09-30",
              "findings": [
                {
                  "code": "target-missed",
                  "unit": "cao-minh",
                  "actual": 5.5,
                  "expected": "≥ 6 km",
                  "line": 2,
                  "passed": false
                },
                {
                  "code": "data-invalid",
                  "message": "cannot read the value '9\\"1'\\n",
                  "note": null
                }
              ],
              "summary": {
                "violations": 2,
                "warnings": 0,
                "empty": [],
                "none": {}
              }
            }
            """
        #expect(writer.string(Self.report) == expected)
        // Deterministic: the same bytes every time, keys in the order given.
        #expect(writer.bytes(Self.report) == writer.bytes(Self.report))
        #expect(JSONWriter(style: .compact).string(Self.report).hasPrefix(#"{"asOf":"2026-09-30","findings":[{"code":"#))
    }

    @Test(arguments: [JSONWriter.Style.compact, .pretty])
    func writtenValuesParseBackToThemselves(style: JSONWriter.Style) throws {
        let written = JSONWriter(style: style).bytes(Self.report)
        let reparsed = JSONValue(try JSONReader.parse(written, file: "w.json").root)
        #expect(reparsed == Self.report)
        #expect(try JSONSerialization.jsonObject(with: Data(written)) is [String: Any])
        // Parsing and writing again changes nothing.
        #expect(JSONWriter(style: style).bytes(reparsed) == written)
    }

    @Test func parsedIntegersStayIntegers() throws {
        let value = JSONValue(try JSONReader.parse(#"{"year": 2026, "baseline": 1840, "rate": 0.10, "big": 1e3}"#, file: "p.json").root)
        #expect(JSONWriter(style: .compact).string(value) == #"{"year":2026,"baseline":1840,"rate":0.1,"big":1000}"#)
    }

    /// Every character that needs escaping, at every position of strings of 0 to 19 bytes:
    /// the word-at-a-time check must find it in the padded tail as in a full word.
    @Test func escapesAreFoundAtEveryPosition() {
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                case "\u{FEFF}": out += "\\ufeff"
                default:
                    if u.value < 0x20 {
                        out += "\\u00" + String(u.value >> 4, radix: 16) + String(u.value & 0xF, radix: 16)
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            return out + "\""
        }
        let specials: [String] = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{FEFF}", "≥", "ệ"]
        for length in 0..<20 {
            for position in 0...length {
                for special in specials {
                    let s = String(repeating: "a", count: position) + special + String(repeating: "b", count: length - position)
                    #expect(JSONWriter.quoted(s) == reference(s), "\(length) \(position) \(special.unicodeScalars.first!.value)")
                }
            }
            let plain = String(repeating: "x", count: length)
            #expect(JSONWriter.quoted(plain) == "\"" + plain + "\"")
        }
    }
}

