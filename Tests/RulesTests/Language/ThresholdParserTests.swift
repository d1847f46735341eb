import Foundation
import Testing
@testable import Rules

/// Every row of the §3.1 table, ranges, ratios and units: (written, indicator unit, canonical).
@Suite struct ThresholdParserTests {
    static func canonical(_ text: String, _ unit: String?, shape: ThresholdContext.Shape = .target,
                          numbers: NumberStyle = .vi) throws -> String {
        try ThresholdParser.parse(text, context: ThresholdContext(shape: shape, indicatorUnit: unit, numbers: numbers)).canonical
    }

    @Test(arguments: [
        // symbolic
        ("≥ 6 km", "km", "≥ 6 km"),
        (">= 6", "km", "≥ 6 km"),
        ("≥6km", "km", "≥ 6 km"),
        ("⩾ 6 km", "km", "≥ 6 km"),
        ("> 98%", "%", "> 98%"),
        ("≤ 15%", "%", "≤ 15%"),
        ("<= 15", "%", "≤ 15%"),
        ("< 1,5%", "%", "< 1.5%"),
        ("= 1", nil, "= 1"),
        ("== 100%", "%", "= 100%"),
        ("≥ -5", nil, "≥ -5"),
        ("≥ 80%", "%", "≥ 80%"),
        // ≥ in words
        ("từ 90% trở lên", "%", "≥ 90%"),
        ("90% trở lên", "%", "≥ 90%"),
        ("ít nhất 40%", "%", "≥ 40%"),
        ("tối thiểu 3 km", "km", "≥ 3 km"),
        ("không dưới 80%", "%", "≥ 80%"),
        ("không thấp hơn 80%", "%", "≥ 80%"),
        ("đạt 52%", "%", "≥ 52%"),
        ("đạt từ 90% trở lên", "%", "≥ 90%"),
        ("đạt ít nhất 90%", "%", "≥ 90%"),
        ("phấn đấu 60%", "%", "≥ 60%"),
        ("52%", "%", "≥ 52%"),
        ("từ 90%", "%", "≥ 90%"),
        ("at least 6 km", "km", "≥ 6 km"),
        ("ít nhất 10% trở lên", "%", "≥ 10%"),
        // > in words
        ("trên 98%", "%", "> 98%"),
        ("hơn 5 km", "km", "> 5 km"),
        ("cao hơn 5 km", "km", "> 5 km"),
        ("vượt 5 km", "km", "> 5 km"),
        // ≤ and < in words
        ("tối đa 5", nil, "≤ 5"),
        ("không quá 5", nil, "≤ 5"),
        ("không vượt quá 5", nil, "≤ 5"),
        ("5 trở xuống", nil, "≤ 5"),
        ("dưới 15%", "%", "< 15%"),
        ("thấp hơn 15%", "%", "< 15%"),
        ("giảm xuống dưới 1,5%", "%", "< 1.5%"),
        // = in words
        ("bằng 100%", "%", "= 100%"),
        ("đúng 100%", "%", "= 100%"),
        // lead words and đạt
        ("phấn đấu đạt trên 60%", "%", "> 60%"),
        ("duy trì 04 HTX", "HTX", "≥ 4 HTX"),
        ("hoàn thành 11/19 tiêu chí", "tiêu chí", "≥ 11/19 tiêu chí"),
        ("Phấn đấu đạt từ 90% trở lên", "%", "≥ 90%"),
        ("phấn đấu hoàn thành 11/19 tiêu chí", "tiêu chí", "≥ 11/19 tiêu chí"),
        ("đạt ≥ 80%", "%", "≥ 80%"),
        ("phấn đấu đạt < 5%", "%", "< 5%"),
        // a verb between the lead word and the number
        ("phấn đấu tổ chức 01 cuộc", "cuộc", "≥ 1 cuộc"),
        ("tổ chức ít nhất 02 cuộc", "cuộc", "≥ 2 cuộc"),
        ("phấn đấu thành lập 2-3 HTX", "HTX", "≥ 2 HTX (→ 3)"),
        ("phấn đấu xây dựng thêm 01 trường", "trường", "≥ 1 trường"),
        ("trồng mới 15 ha", "ha", "≥ 15 ha"),
        ("phấn đấu kết nạp từ 20 đảng viên trở lên", "đảng viên", "≥ 20 đảng viên"),
        ("phấn đấu cấp đạt 250 thửa đất", "thửa đất", "≥ 250 thửa đất"),
        ("đảm bảo 100%", "%", "≥ 100%"),
        // levels reached by changing
        ("giảm xuống 1,5%", "%", "≤ 1.5%"),
        ("giảm còn 2,77%", "%", "≤ 2.77%"),
        ("giảm xuống còn 2%", "%", "≤ 2%"),
        ("tăng lên 60%", "%", "≥ 60%"),
        ("tăng lên trên 60%", "%", "> 60%"),
    ] as [(String, String?, String)])
    func comparisons(text: String, unit: String?, expected: String) throws {
        #expect(try Self.canonical(text, unit) == expected)
    }

    @Test(arguments: [
        // plan-style ranges: at least the smaller, aiming for the larger
        ("2-3 HTX", "HTX", "≥ 2 HTX (→ 3)"),
        ("2 - 3 HTX", "HTX", "≥ 2 HTX (→ 3)"),
        ("2–3 HTX", "HTX", "≥ 2 HTX (→ 3)"),
        ("2—3 HTX", "HTX", "≥ 2 HTX (→ 3)"),
        ("từ 2 đến 3 HTX", "HTX", "≥ 2 HTX (→ 3)"),
        ("3-2 HTX", "HTX", "≥ 2 HTX (→ 3)"),
        ("0,3- 0,5%", "%", "≥ 0.3% (→ 0.5)"),
        ("0,3%-0,5%", "%", "≥ 0.3% (→ 0.5)"),
        ("phấn đấu 75-80%", "%", "≥ 75% (→ 80)"),
        ("2 HTX - 3 HTX", "HTX", "≥ 2 HTX (→ 3)"),
        ("-3-2", nil, "≥ -3 (→ 2)"),
        // symbolic ranges are strict
        ("between 2 and 3", "HTX", "2..3 HTX"),
        ("2..3 HTX", "HTX", "2..3 HTX"),
        ("3..2", nil, "2..3"),
        // a decreasing level range: at most the larger
        ("giảm xuống 1-2%", "%", "≤ 2% (→ 1)"),
    ] as [(String, String?, String)])
    func targetRanges(text: String, unit: String?, expected: String) throws {
        #expect(try Self.canonical(text, unit) == expected)
        #expect(try Self.canonical(text, unit, shape: .milestone) == expected)
    }

    @Test(arguments: [
        ("2-3 HTX", "HTX", "2..3 HTX"),
        ("từ 2 đến 3 HTX", "HTX", "2..3 HTX"),
        ("0,3- 0,5%", "%", "0.3..0.5%"),
        ("duy trì từ 90% trở lên", "%", "≥ 90%"),
        ("duy trì 26/31 thôn", "thôn", "≥ 26/31 thôn"),
        ("2..3", nil, "2..3"),
    ] as [(String, String?, String)])
    func maintainRangesAreStrict(text: String, unit: String?, expected: String) throws {
        #expect(try Self.canonical(text, unit, shape: .maintain) == expected)
    }

    @Test func requirementsAreExact() throws {
        let ctx = ThresholdContext(shape: .target, indicatorUnit: "HTX", numbers: .vi)
        #expect(try ThresholdParser.parse("2-3 HTX", context: ctx).requirement == .aimed(.atLeast, bound: 2, aim: 3))
        #expect(try ThresholdParser.parse("between 2 and 3", context: ctx).requirement == .between(low: 2, high: 3))
        let ratio = try ThresholdParser.parse("11/19 tiêu chí", context: ThresholdContext(indicatorUnit: "tiêu chí", numbers: .vi))
        #expect(ratio.requirement == .compare(.atLeast, 11))
        #expect(ratio.ratioDenominator == 19)
        #expect(ratio.unit == "tiêu chí")
        #expect(ratio.written == "11/19 tiêu chí")
    }

    @Test(arguments: [
        // money converts to the indicator's money unit
        ("25,3 triệu đồng", "triệu đồng", "≥ 25.3 triệu đồng"),
        ("25,3 triệu đồng", "nghìn đồng", "≥ 25300 nghìn đồng"),
        ("25,3 triệu đồng", "đồng", "≥ 25300000 đồng"),
        ("1,6 tỷ đồng", "triệu đồng", "≥ 1600 triệu đồng"),
        ("1,6 tỉ đồng", "triệu đồng", "≥ 1600 triệu đồng"),
        ("1,6 tỷ đồng", "tỷ đồng", "≥ 1.6 tỷ đồng"),
        ("1,6 tỷ đồng", "tỉ đồng", "≥ 1.6 tỉ đồng"),
        ("1600 triệu", "tỷ đồng", "≥ 1.6 tỷ đồng"),
        ("500 nghìn đồng", "triệu đồng", "≥ 0.5 triệu đồng"),
        ("1.600.000 VND", "triệu đồng", "≥ 1.6 triệu đồng"),
        ("1.600.000 đ", "nghìn đồng", "≥ 1600 nghìn đồng"),
        ("12.990 triệu đồng", "tỷ đồng", "≥ 12.99 tỷ đồng"),
        ("120 trđ", "triệu đồng", "≥ 120 triệu đồng"),
        ("2 ngàn đồng", "đồng", "≥ 2000 đồng"),
        // compound units are plain names; the money prefix still converts
        ("25,3 triệu đồng/người/năm", "triệu đồng/người/năm", "≥ 25.3 triệu đồng/người/năm"),
        ("25,3 triệu đồng/người/năm", "nghìn đồng/người/năm", "≥ 25300 nghìn đồng/người/năm"),
        ("57,2 triệu đồng/người/năm", "Triệu đồng/người/năm", "≥ 57.2 Triệu đồng/người/năm"),
        ("Ít nhất 03 cuộc/năm", "cuộc/năm", "≥ 3 cuộc/năm"),
        ("12 người/năm", "người/năm", "≥ 12 người/năm"),
        // scale words apply to any unit
        ("125 nghìn con", "con", "≥ 125000 con"),
        ("125 nghìn", "con", "≥ 125000 con"),
        ("1,2 triệu lượt", "nghìn lượt", "≥ 1200 nghìn lượt"),
        // undeclared indicators: scale applied, unit kept
        ("125 nghìn con", nil, "≥ 125000 con"),
        ("1,6 tỷ đồng", nil, "≥ 1600000000 đồng"),
        ("6 km", nil, "≥ 6 km"),
        ("2-3 HTX", nil, "≥ 2 HTX (→ 3)"),
        ("80%", nil, "≥ 80%"),
        ("125 nghìn", nil, "≥ 125000"),
        // count units, glued or spaced, case-insensitive
        ("40ha trở lên", "ha", "≥ 40 ha"),
        ("trên 35ha", "ha", "> 35 ha"),
        ("10ha", "ha", "≥ 10 ha"),
        ("12,5ha", "ha", "≥ 12.5 ha"),
        ("0,5km", "km", "≥ 0.5 km"),
        ("6km", nil, "≥ 6 km"),
        ("10-12ha", "ha", "≥ 10 ha (→ 12)"),
        ("10ha-12ha", "ha", "≥ 10 ha (→ 12)"),
        ("10ha - 12ha", "ha", "≥ 10 ha (→ 12)"),
        ("từ 10ha đến 12,5ha", "ha", "≥ 10 ha (→ 12.5)"),
        ("0,3-0,5km", "km", "≥ 0.3 km (→ 0.5)"),
        ("between 5ha and 6ha", "ha", "5..6 ha"),
        ("5ha..6ha", "ha", "5..6 ha"),
        ("1,6tỷ đồng", "triệu đồng", "≥ 1600 triệu đồng"),
        ("500m2", "m2", "≥ 500 m2"),
        ("500 m2", "m2", "≥ 500 m2"),
        ("1.000m2", "m2", "≥ 1000 m2"),
        ("20m3/ngày", "m3/ngày", "≥ 20 m3/ngày"),
        ("2026 con", "con", "≥ 2026 con"),
        ("2026con", "con", "≥ 2026 con"),
        ("6 KM", "km", "≥ 6 km"),
        ("2-3 htx", "HTX", "≥ 2 HTX (→ 3)"),
        ("1.000 m2", "m2", "≥ 1000 m2"),
        ("4500 tấn", "tấn", "≥ 4500 tấn"),
        ("3.900 tấn", "tấn", "≥ 3900 tấn"),
        // no unit written: the indicator's
        ("≥ 6", "km", "≥ 6 km"),
        ("tối đa 3", "vụ", "≤ 3 vụ"),
        // percent on a percent indicator compares percentage values
        ("93,5%", "%", "≥ 93.5%"),
        ("từ 90 phần trăm trở lên", "%", "≥ 90%"),
    ] as [(String, String?, String)])
    func units(text: String, unit: String?, expected: String) throws {
        #expect(try Self.canonical(text, unit) == expected)
    }

    @Test(arguments: [
        ("2.659.682 triệu đồng", NumberStyle.auto, 2_659_682.0),
        ("2,528,008 triệu đồng", .auto, 2_528_008),
        ("5.320 con", .vi, 5320),
        ("5.320 con", .en, 5.32),
        ("19,655 tỷ đồng", .vi, 19.655),
        ("19,655 tỷ đồng", .en, 19655),

        ("1.234,5", .auto, 1234.5),
        ("1,234.5", .auto, 1234.5),
        ("25,3", .auto, 25.3),
        ("3.2", .auto, 3.2),
        ("04 HTX", .auto, 4),
        ("0,500", .auto, 0.5),
    ] as [(String, NumberStyle, Double)])
    func numberStyles(text: String, numbers: NumberStyle, value: Double) throws {
        // Declared in the unit written, so that only the number is under test.
        let unit = text.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init)
        let t = try ThresholdParser.parse(text, context: ThresholdContext(indicatorUnit: unit, numbers: numbers))
        #expect(t.requirement == .compare(.atLeast, value))
    }

    /// A unit glued to its number leaves the number as it would be with a space.
    @Test(arguments: [
        ("5.320con", NumberStyle.vi, 5320.0),
        ("5.320con", .en, 5.32),
        ("12,5ha", .auto, 12.5),
        ("0,5km", .auto, 0.5),
        ("2026ha", .auto, 2026),
        ("1.234,5m2", .auto, 1234.5),
    ] as [(String, NumberStyle, Double)])
    func gluedUnits(text: String, numbers: NumberStyle, value: Double) throws {
        let t = try ThresholdParser.parse(text, context: ThresholdContext(indicatorUnit: nil, numbers: numbers))
        let spaced = try ThresholdParser.parse(text.replacingOccurrences(of: #"(\d)(\p{L})"#, with: "$1 $2", options: .regularExpression),
                                               context: ThresholdContext(indicatorUnit: nil, numbers: numbers))
        #expect(t.requirement == .compare(.atLeast, value))
        #expect(t.requirement == spaced.requirement)
        #expect(t.unit == spaced.unit)
    }

    @Test(arguments: [
        "từ 90% trở lên", "Từ 90% Trở Lên", "TỪ 90% TRỞ LÊN", "từ\u{A0}90%\u{A0}trở\u{2003}lên", "  từ   90%  trở lên ",
        "từ 90% trở lên.", "từ 90% (theo Kế hoạch 226) trở lên",
    ])
    func spellingAndSpacing(text: String) throws {
        #expect(try Self.canonical(text, "%") == "≥ 90%")
        #expect(try Self.canonical(nfd(text), "%") == "≥ 90%")
    }

    @Test(arguments: [
        ("≥ 6", 6.0, true),
        ("≥ 6", 5.999999, false),
        ("> 98", 98, false),
        ("> 98", 98.0000001, true),
        ("≤ 15", 15, true),
        ("< 1,5", 1.5, false),
        ("< 1,5", 1.4999, true),
        ("= 1", 1 + 1e-12, true),
        ("= 1", 1.001, false),
        ("≥ 0,3", 0.1 + 0.2, true),
        ("> 0,3", 0.1 + 0.2, false),
        ("≤ 0,3", 0.1 + 0.2, true),
        ("2-3 HTX", 2, true),
        ("2-3 HTX", 4, true),
        ("2-3 HTX", 1.9, false),
        ("between 2 and 3", 3, true),
        ("between 2 and 3", 3.1, false),
    ] as [(String, Double, Bool)])
    func boundaries(text: String, value: Double, passes: Bool) throws {
        #expect(try ThresholdParser.parse(text, context: ThresholdContext(numbers: .vi)).isSatisfied(by: value) == passes)
    }

    @Test func maintainRangeFailsAboveTheTop() throws {
        let t = try ThresholdParser.parse("2-3 HTX", context: ThresholdContext(shape: .maintain, numbers: .vi))
        #expect(!t.isSatisfied(by: 4))
        #expect(t.isSatisfied(by: 3))
    }

    @Test func writtenIsKeptAsGiven() throws {
        let text = "Từ 3,2% (370 người) trở lên"
        #expect(try ThresholdParser.parse(text, context: ThresholdContext(indicatorUnit: "%", numbers: .vi)).written == text)
    }

    // MARK: - Errors

    @Test(arguments: [
        ("trên khoảng 5", nil, NumberStyle.vi, "rules.missing-number", "cannot read threshold 'trên khoảng 5': expected a number after 'trên', found 'khoảng'"),
        ("trên", nil, .vi, "rules.missing-number", "expected a number after 'trên', found nothing more"),
        ("từ % trở lên", "%", .vi, "rules.missing-number", "expected a number after 'từ', found '%'"),
        ("quanh 5", nil, .vi, "rules.bad-threshold", "expected a comparison such as '≥ 6 km'"),
        ("", nil, .vi, "rules.bad-threshold", "found nothing more"),
        ("5.320 con", nil, .auto, "rules.ambiguous-number", "'5.320' is ambiguous: 5320 (Vietnamese style) or 5.32 (English style)"),
        ("5.320con", nil, .auto, "rules.ambiguous-number", "'5.320' is ambiguous: 5320 (Vietnamese style) or 5.32 (English style)"),
        ("10ha", "km", .vi, "rules.unit-mismatch", "unit 'ha' does not match the indicator's unit 'km'"),
        ("10ha-12km", nil, .vi, "rules.unit-mismatch", "unit 'km' does not match"),
        ("phấn đấu tổ chức", "cuộc", .vi, "rules.missing-number", "expected a number after 'tổ chức', found nothing more"),
        ("phấn đấu tổ chức hội nghị", "cuộc", .vi, "rules.bad-threshold", "found 'hội nghị'"),
        ("19,655 tỷ đồng", nil, .auto, "rules.ambiguous-number", "'19,655' is ambiguous: 19.655 (Vietnamese style) or 19655 (English style)"),
        ("1.23.4", nil, .vi, "rules.bad-number", "'1.23.4' is not a number: thousands groups must have three digits"),
        ("1.234,5,6", nil, .vi, "rules.bad-number", "more than one decimal mark"),
        ("6 ha", "km", .vi, "rules.unit-mismatch", "unit 'ha' does not match the indicator's unit 'km'"),
        ("80%", "hộ", .vi, "rules.unit-mismatch", "unit '%' does not match the indicator's unit 'hộ'"),
        ("6 km", "%", .vi, "rules.unit-mismatch", "unit 'km' does not match"),
        ("1,6 tỷ đồng", "ha", .vi, "rules.unit-mismatch", "unit 'tỷ đồng' does not match the indicator's unit 'ha'"),
        ("2 HTX - 3 con", nil, .vi, "rules.unit-mismatch", "unit 'con' does not match"),
        ("giảm 5%", "%", .vi, "rules.bad-threshold", "'giảm 5%' states a change, not a value to reach"),
        ("tăng 10%", nil, .vi, "rules.bad-threshold", "states a change"),
        ("10% relative", "%", .vi, "rules.bad-threshold", "applies only to a change"),
        ("trên 10% trở xuống", "%", .vi, "rules.bad-threshold", "found 'trở xuống'"),
        ("trên 2-3", nil, .vi, "rules.bad-threshold", "one number after 'trên'"),
        ("60% tổng số thửa", "%", .vi, "rules.bad-threshold", "found 'tổng số'"),
        ("5 km 6", "km", .vi, "rules.bad-threshold", "found '6'"),
        ("between 2 3", nil, .vi, "rules.bad-threshold", "expected 'and' in 'between X and Y', found '3'"),
        ("11/19-12/19 tiêu chí", nil, .vi, "rules.bad-threshold", "cannot be one end of a range"),
        ("từ 3,2% (370 người trở lên", "%", .vi, "rules.bad-threshold", "expected a ')' for every '('"),
    ] as [(String, String?, NumberStyle, String, String)])
    func errors(text: String, unit: String?, numbers: NumberStyle, code: String, message: String) throws {
        let e = try #require(languageError { try ThresholdParser.parse(text, context: ThresholdContext(indicatorUnit: unit, numbers: numbers)) })
        #expect(e.code == code)
        #expect(e.message.en.contains(message), "\(e.message.en)")
        expectBilingual(e.message)
    }

    @Test(arguments: [
        ("phấn đầu 60%", "did you mean 'phấn đấu'?"),
        ("Phấn đầu xã hoàn thành 11/19 tiêu chí", "did you mean 'phấn đấu'?"),
        ("tói thiểu 3 km", "did you mean 'tối thiểu'?"),
        ("2 HTX trở nên", "did you mean 'trở lên'?"),
        ("từ 90% trở lênn", "did you mean 'trở lên'?"),
        ("5.320 con", "set \"numbers\": \"vi\" or \"en\" in the plan"),
        ("phấn đấu tổ chứv 01 cuộc", "did you mean 'tổ chức'?"),
    ])
    func hints(text: String, hint: String) throws {
        let e = try #require(languageError { try ThresholdParser.parse(text, context: ThresholdContext()) })
        #expect(e.hint?.en == hint, "\(e.message.en)")
        if let h = e.hint { expectBilingual(h) }
    }

    @Test func ambiguousNumberInVietnamese() throws {
        let e = try #require(languageError { try ThresholdParser.parse("5.320 con", context: ThresholdContext()) })
        #expect(e.message.vi == "'5.320' không rõ nghĩa: 5320 (kiểu Việt Nam) hay 5,32 (kiểu Anh)")
        #expect(e.hint?.vi == "đặt \"numbers\": \"vi\" hoặc \"en\" trong kế hoạch")
    }
}
