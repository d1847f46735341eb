import Testing
@testable import Rules

/// "About X" (`khoảng X`, `xấp xỉ X`, `≈ X`, `X ± d`): a strict range around X, ± 5 % of X
/// unless a tolerance is written. (written, indicator unit, canonical).
@Suite struct ApproximateThresholdTests {
    static func canonical(_ text: String, _ unit: String?, shape: ThresholdContext.Shape = .target) throws -> String {
        try ThresholdParser.parse(text, context: ThresholdContext(shape: shape, indicatorUnit: unit, numbers: .vi)).canonical
    }

    @Test(arguments: [
        // ± 5 % of X
        ("khoảng 87%", "%", "82.65..91.35%"),
        ("Khoảng 87%", "%", "82.65..91.35%"),
        ("xấp xỉ 1%", "%", "0.95..1.05%"),
        ("≈ 10%", "%", "9.5..10.5%"),
        ("about 200 ha", "ha", "190..210 ha"),
        ("approximately 200", "ha", "190..210 ha"),
        ("khoảng 2,77%", "%", "2.6315..2.9085%"),
        ("khoảng 1,6 tỷ đồng", "triệu đồng", "1520..1680 triệu đồng"),
        ("đạt khoảng 1%", "%", "0.95..1.05%"),
        ("phấn đấu đạt xấp xỉ 3%", "%", "2.85..3.15%"),
        ("khoảng -2", nil, "-2.1..-1.9"),
        // a written tolerance, in the threshold's unit
        ("≈ 87% ± 2%", "%", "85..89%"),
        ("khoảng 87 ± 2%", "%", "85..89%"),
        ("87% ± 2", "%", "85..89%"),
        ("87% +/- 2", "%", "85..89%"),
        ("87 ± 2%", nil, "85..89%"),
        ("≈ 87%±2%", "%", "85..89%"),
        ("≈ 0 ± 1", "vụ", "-1..1 vụ"),
        ("khoảng 1,5 km ± 0,5 km", "km", "1..2 km"),
        ("≈ 6 km ± 0,5", "km", "5.5..6.5 km"),
        ("≈ 0,3 ± 0,1", "%", "0.2..0.4%"),
        // ± d% on a quantity in another unit: d % of X
        ("≈ 100 ha ± 10%", "ha", "90..110 ha"),
        ("khoảng 5.320 con ± 2%", "con", "5213.6..5426.4 con"),
    ] as [(String, String?, String)])
    func about(text: String, unit: String?, expected: String) throws {
        #expect(try Self.canonical(text, unit) == expected)
        #expect(try Self.canonical(nfd(text), unit) == expected)
        #expect(try Self.canonical(text, unit, shape: .maintain) == expected)
        #expect(try Self.canonical(text, unit, shape: .milestone) == expected)
    }

    @Test(arguments: [
        ("khoảng 87%", 82.65, true),
        ("khoảng 87%", 91.35, true),
        ("khoảng 87%", 82.6, false),
        ("khoảng 87%", 91.4, false),
        ("xấp xỉ 1%", 1.05, true),
        ("xấp xỉ 1%", 1.06, false),
        ("≈ 87% ± 2%", 89, true),
        ("≈ 87% ± 2%", 89.01, false),
    ] as [(String, Double, Bool)])
    func boundaries(text: String, value: Double, passes: Bool) throws {
        let t = try ThresholdParser.parse(text, context: ThresholdContext(indicatorUnit: "%", numbers: .vi))
        #expect(t.isSatisfied(by: value) == passes)
    }

    @Test func requirementIsAStrictRange() throws {
        let t = try ThresholdParser.parse("khoảng 87%", context: ThresholdContext(indicatorUnit: "%", numbers: .vi))
        #expect(t.requirement == .between(low: 82.65, high: 91.35))
        #expect(t.written == "khoảng 87%")
    }

    /// In a change the range applies to the amount, signed by the direction word.
    @Test(arguments: [
        ("giảm khoảng 5%", "%", "-5.25..-4.75 pp"),
        ("tăng khoảng 10%", "người", "+9.5..+10.5%"),
        ("tăng khoảng 100 ± 10%", "người", "+90..+110 người"),
        ("≈ +10% ± 2%", "triệu đồng", "+8..+12%"),
        ("≈ 0 ± 1", "vụ", "-1..+1 vụ"),
    ] as [(String, String?, String)])
    func aboutChanges(text: String, unit: String?, expected: String) throws {
        let c = try ThresholdParser.parseChange(text, context: ThresholdContext(shape: .change, indicatorUnit: unit, numbers: .vi))
        #expect(c.canonical == expected)
    }

    @Test(arguments: [
        ("khoảng 0", "vụ", "rules.bad-threshold", "is about zero"),
        ("khoảng 75-80%", "%", "rules.bad-threshold", "expected one number after 'khoảng'"),
        ("khoảng 80% trở lên", "%", "rules.bad-threshold", "since 'khoảng' already gives the comparison, found 'trở lên'"),
        ("≈ 80 ± -2", "%", "rules.bad-threshold", "expected a plain number after '±', such as '≈ 87% ± 2%', found '-2'"),
        ("≈ 80 ±", "%", "rules.missing-number", "expected a number after '±'"),
        ("khoảng", "%", "rules.missing-number", "expected a number after 'khoảng'"),
        ("khoảng 11/19 tiêu chí", "tiêu chí", "rules.bad-threshold", "cannot be approximate"),
        ("khoảng 100 ha ± 2 km", "ha", "rules.unit-mismatch", "unit 'km' does not match the indicator's unit 'ha'"),
        ("khoảng 100 ha", "km", "rules.unit-mismatch", "unit 'ha' does not match"),
    ] as [(String, String?, String, String)])
    func errors(text: String, unit: String?, code: String, message: String) throws {
        let e = try #require(languageError { try Self.canonical(text, unit) })
        #expect(e.code == code)
        #expect(e.message.en.contains(message), "\(e.message.en)")
        expectBilingual(e.message)
    }
}
