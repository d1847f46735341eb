import Foundation
import Testing
@testable import Rules

@Suite struct TextFoldTests {
    @Test(arguments: [
        ("Quý I/2026", "quý i/2026"),
        ("  Từ\u{A0}90%\u{2009}trở   lên\t", "từ 90% trở lên"),
        ("TỶ ĐỒNG", "tỷ đồng"),
        ("a\u{200B}b", "a b"),
        ("Đ", "đ"),
        ("\n\n", ""),
    ])
    func folds(text: String, folded: String) {
        #expect(TextFold.fold(text) == folded)
        #expect(TextFold.fold(nfd(text)) == folded)
    }

    @Test func nfdAndNfcFoldAlike() {
        let nfc = "Phấn đấu đạt trên 60% đại biểu; Thụy Hùng; Quý II"
        // String equality is canonical, so compare scalars to be sure the input really is NFD.
        #expect(Array(nfd(nfc).unicodeScalars) != Array(nfc.unicodeScalars))
        #expect(TextFold.fold(nfd(nfc)) == TextFold.fold(nfc))
        #expect(TextFold.fold(nfd(nfc)).unicodeScalars.count == TextFold.fold(nfc).unicodeScalars.count)
    }

    @Test func normalizeKeepsCase() {
        #expect(TextFold.normalize(" 2-3\u{A0}HTX ") == "2-3 HTX")
    }
}

/// Spec §3.4, rule by rule.
@Suite struct VietNumberTests {
    @Test(arguments: [
        // 1. two or more of one separator group thousands
        ("2.659.682", NumberStyle.auto, 2_659_682.0),
        ("2,528,008", .auto, 2_528_008),
        ("2.659.682", .en, 2_659_682),
        ("1.000.000", .vi, 1_000_000),
        // 2. both separators: the last is the decimal mark
        ("1.234,5", .auto, 1234.5),
        ("1,234.5", .auto, 1234.5),
        ("2.659.682,75", .en, 2_659_682.75),
        ("1,234,567.25", .vi, 1_234_567.25),
        // 3. one separator not followed by exactly three digits: decimal
        ("25,3", .auto, 25.3),
        ("0,5", .auto, 0.5),
        ("3.2", .auto, 3.2),
        ("93,47", .en, 93.47),
        ("1.2345", .vi, 1.2345),
        ("12,34", .vi, 12.34),
        // 4. one separator followed by exactly three digits: the style decides
        ("5.320", .vi, 5320),
        ("5.320", .en, 5.32),
        ("19,655", .vi, 19.655),
        ("19,655", .en, 19655),
        ("0,500", .auto, 0.5),
        // plain numbers, leading zeros, signs
        ("04", .auto, 4),
        ("03", .auto, 3),
        ("0", .auto, 0),
        ("4500", .auto, 4500),
        ("+10", .auto, 10),
        ("-5", .auto, -5),
        ("−5", .auto, -5),
        ("-0,3", .auto, -0.3),
        (" 12 ", .auto, 12),
    ] as [(String, NumberStyle, Double)])
    func reads(text: String, style: NumberStyle, value: Double) throws {
        #expect(try VietNumber.parse(text, style: style) == value)
        #expect(try VietNumber.parse(Substring(text), style: style) == value)
    }

    @Test(arguments: [
        ("5.320", "rules.ambiguous-number", "'5.320' is ambiguous: 5320 (Vietnamese style) or 5.32 (English style)"),
        ("19,655", "rules.ambiguous-number", "'19,655' is ambiguous: 19.655 (Vietnamese style) or 19655 (English style)"),
        ("1.23.4", "rules.bad-number", "thousands groups must have three digits"),
        ("1.2345.678", "rules.bad-number", "thousands groups must have three digits"),
        ("12.34,5", "rules.bad-number", "thousands groups must have three digits"),
        ("1,234.5.6", "rules.bad-number", "more than one decimal mark"),
        ("1.234,567.8", "rules.bad-number", "more than one decimal mark"),
        ("", "rules.bad-number", "no digits"),
        ("-", "rules.bad-number", "no digits"),
        ("5.", "rules.bad-number", "begin and end with a digit"),
        (",5", "rules.bad-number", "begin and end with a digit"),
        ("5a", "rules.bad-number", "begin and end with a digit"),
        ("5 6", "rules.bad-number", "unexpected ' '"),
    ])
    func errors(text: String, code: String, message: String) throws {
        let e = try #require(languageError { try VietNumber.parse(text, style: .auto) })
        #expect(e.code == code)
        #expect(e.message.en.contains(message), "\(e.message.en)")
        expectBilingual(e.message)
    }
}

@Suite struct DataNumberTests {
    static func parse(_ s: String, _ style: DataNumberStyle = .c) -> DataNumber? {
        var s = s
        return s.withUTF8 { DataNumber.parse(UnsafeRawBufferPointer($0), style: style) }
    }

    @Test(arguments: [
        ("93.47", DataNumberStyle.c, 93.47, false),
        ("93.5%", .c, 93.5, true),
        ("93.5 %", .c, 93.5, true),
        ("-5", .c, -5, false),
        ("+5", .c, 5, false),
        ("0", .c, 0, false),
        (" 12.5 ", .c, 12.5, false),
        ("1600.5", .c, 1600.5, false),
        (".5", .c, 0.5, false),
        ("5.", .c, 5, false),
        ("0.000001", .c, 0.000001, false),
        ("1e6", .c, 1_000_000, false),
        ("2.5E-3", .c, 0.0025, false),
        ("123456789012345678901234", .c, 1.2345678901234568e23, false),
        ("1.600,5", .vi, 1600.5, false),
        ("1600,5", .vi, 1600.5, false),
        ("1.600", .vi, 1600, false),
        ("1.600.000", .vi, 1_600_000, false),
        ("93,47", .vi, 93.47, false),
        ("93,5%", .vi, 93.5, true),
        ("-0,3", .vi, -0.3, false),
        ("12", .vi, 12, false),
    ] as [(String, DataNumberStyle, Double, Bool)])
    func reads(text: String, style: DataNumberStyle, value: Double, percent: Bool) throws {
        let n = try #require(Self.parse(text, style))
        #expect(n.value == value)
        #expect(n.hadPercent == percent)
    }

    @Test(arguments: [
        ("", DataNumberStyle.c),
        ("-", .c),
        (".", .c),
        ("1,5", .c),
        ("1 600", .c),
        ("5%5", .c),
        ("%", .c),
        ("abc", .c),
        ("1e", .c),
        ("1.5.2", .c),
        ("--5", .c),
        ("inf", .c),
        ("nan", .c),
        ("0x10", .c),
        ("1.600,5", .c),
        ("1.60,5", .vi),
        ("16.00", .vi),
        ("1600.5", .vi),
        ("1.6000", .vi),
        (",5", .vi),
        (".5", .vi),
        ("5,", .vi),
        ("1,5,6", .vi),
        ("1e6", .vi),
        ("1600.000", .vi),
        ("1.600.00", .vi),
    ] as [(String, DataNumberStyle)])
    func rejects(text: String, style: DataNumberStyle) {
        #expect(Self.parse(text, style) == nil)
    }

    /// Exactness: the same Double as the standard library, bit for bit, on many random
    /// strings of the characters numbers are made of (a deterministic generator, so a
    /// failure can be replayed).
    @Test func agreesWithStandardLibrary() {
        var rng = SplitMix64(seed: 0x5EED)
        let alphabet = Array("0123456789.-+")
        var checked = 0
        for i in 0..<200_000 {
            let s: String
            if i % 2 == 0 {
                // Typical values: up to 20 integer digits and up to 8 decimals.
                let intDigits = Int(rng.next() % 20) + 1, decimals = Int(rng.next() % 9)
                var t = rng.next() % 4 == 0 ? "-" : ""
                for _ in 0..<intDigits { t.append(alphabet[Int(rng.next() % 10)]) }
                if decimals > 0 { t.append("."); for _ in 0..<decimals { t.append(alphabet[Int(rng.next() % 10)]) } }
                s = t
            } else {
                let n = Int(rng.next() % 12) + 1
                s = String((0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            }
            let expected = Double(s)
            let got = Self.parse(s)?.value
            #expect(got?.bitPattern == expected?.bitPattern, "\(s): \(String(describing: got)) vs \(String(describing: expected))")
            if expected != nil { checked += 1 }
        }
        #expect(checked > 100_000)
    }

    @Test(arguments: ["93.47", "0.1", "0.3", "1234.56", "99.99", "0.07", "5e-324", "1.7976931348623157e308", "9007199254740993"])
    func knownHardCases(text: String) {
        #expect(Self.parse(text)?.value.bitPattern == Double(text)?.bitPattern)
    }
}

/// A tiny deterministic generator for the randomised tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct UnitNameTests {
    @Test(arguments: [
        ("triệu đồng", UnitName.Kind.money, 6, "đồng"),
        ("tỷ đồng", .money, 9, "đồng"),
        ("tỉ đồng", .money, 9, "đồng"),
        ("nghìn đồng", .money, 3, "đồng"),
        ("ngàn đồng", .money, 3, "đồng"),
        ("đồng", .money, 0, "đồng"),
        ("đ", .money, 0, "đồng"),
        ("VND", .money, 0, "đồng"),
        ("VNĐ", .money, 0, "đồng"),
        ("trđ", .money, 6, "đồng"),
        ("nghìn tỷ đồng", .money, 12, "đồng"),
        ("triệu đồng/người/năm", .money, 6, "đồng/người/năm"),
        ("người/năm", .count, 0, "người/năm"),
        ("nghìn con", .count, 3, "con"),
        ("triệu", .count, 6, ""),
        ("HTX", .count, 0, "HTX"),
        ("tiêu chí", .count, 0, "tiêu chí"),
        ("%", .percent, 0, "%"),
        ("phần trăm", .percent, 0, "%"),
        ("pp", .points, 0, "pp"),
        ("điểm %", .points, 0, "pp"),
        ("điểm phần trăm", .points, 0, "pp"),
    ] as [(String, UnitName.Kind, Int, String)])
    func splits(text: String, kind: UnitName.Kind, scale: Int, base: String) throws {
        let u = try #require(UnitName(text))
        #expect(u.kind == kind)
        #expect(u.scale == scale)
        #expect(u.base == base)
        let d = try #require(UnitName(nfd(text)))
        #expect(d.key == u.key && d.scale == u.scale)
    }

    @Test(arguments: [
        (25.3, "triệu đồng/người/năm", "triệu đồng/người/năm", 25.3),
        (25.3, "triệu đồng/người/năm", "nghìn đồng/người/năm", 25300),
        (1.6, "tỷ đồng", "triệu đồng", 1600),
        (1600, "triệu đồng", "tỷ đồng", 1.6),
        (2_659_682, "triệu đồng", "tỷ đồng", 2659.682),
        (19.655, "tỷ đồng", "triệu đồng", 19655),
        (125, "nghìn con", "con", 125_000),
        (6, "KM", "km", 6),
        (6, "km", "Km", 6),
        (1.5, "VND", "đồng", 1.5),
    ] as [(Double, String, String, Double)])
    func converts(value: Double, from: String, to: String, expected: Double) throws {
        #expect(try Units.convert(value, from: from, to: to).value == expected)
    }

    @Test func undeclaredKeepsTheBaseUnit() throws {
        #expect(try Units.convert(125, from: "nghìn con", to: nil) == (125_000, "con"))
        #expect(try Units.convert(6, from: nil, to: "km") == (6, "km"))
        #expect(try Units.convert(6, from: nil, to: nil) == (6, nil))
    }

    @Test(arguments: [("ha", "km"), ("%", "người"), ("con", "%"), ("triệu đồng", "km"), ("pp", "%"), ("hợp tác xã", "HTX")])
    func mismatches(from: String, to: String) throws {
        let e = try #require(languageError { try Units.convert(1, from: from, to: to) })
        #expect(e.code == "rules.unit-mismatch")
        #expect(e.message.en.contains("'\(from)'") && e.message.en.contains("'\(to)'"))
        expectBilingual(e.message)
    }
}

/// Numbers are shown in their shortest exact form; values in hundredths take a direct path
/// that must write exactly what Swift's shortest form writes.
@Suite struct PlainNumberTests {
    @Test func hundredthsAreWrittenAsTheShortestFormWrites() {
        var values: [Double] = stride(from: -300_000, through: 300_000, by: 7).map { Double($0) / 100 }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let cents = Int64(bitPattern: state >> 20) % 1_000_000_000_000_000
            values.append(Double(cents) / 100)
        }
        values += [0.01, 0.1, 0.05, 0.07, 1.1, 2.675, 106.53, 9_999_999_999_999.99, 1e13 - 0.01, -0.01]
        var checked = 0
        for x in values where x != x.rounded() {
            let expected = "\(x)"
            guard !expected.contains("e") else { continue }
            if let fast = NumberFormat.hundredths(x) {
                #expect(fast == expected, "\(x)")
                checked += 1
            }
            #expect(NumberFormat.plain(x) == expected)
        }
        #expect(checked > 50_000)
    }

    @Test(arguments: [(106.53, "106.53"), (0.5, "0.5"), (-3.25, "-3.25"), (93.5, "93.5"), (2.675, "2.675"),
                      (1e-3, "0.001"), (12, "12"), (1e20, "100000000000000000000")])
    func plainNumbers(_ x: Double, _ text: String) {
        #expect(NumberFormat.plain(x) == text)
    }

    /// Luật Kế toán 2015, art. 11: `.` groups thousands, `,` marks decimals.
    @Test(arguments: [(13_120, "13.120"), (25.3, "25,3"), (2_659_682.5, "2.659.682,5"), (-1_234.56, "-1.234,56"),
                      (0.5, "0,5"), (999, "999"), (1_000, "1.000"), (-999.5, "-999,5"), (-100_000, "-100.000"),
                      (1e14, "100.000.000.000.000"), (0.001, "0,001")])
    func vietnameseNumbers(_ x: Double, _ text: String) {
        #expect(NumberFormat.vietnamese(x) == text)
    }

    /// JSON numbers are written straight into the output; they must read as `plain` does.
    @Test func jsonNumbersAreThePlainForm() {
        var values: [Double] = stride(from: -30_000, through: 30_000, by: 7).map { Double($0) / 100 }
        values += [0, -0.0, 1e15, 1e15 + 2, 1e-3, 2.675, 9_999_999_999_999.99, 123_456_789, .nan, .infinity]
        for x in values {
            var out = ByteWriter()
            NumberFormat.appendJSON(x, to: &out)
            #expect(out.withBytes { String(decoding: $0, as: UTF8.self) } == (x.isFinite ? NumberFormat.plain(x) : "null"), "\(x)")
        }
    }
}

