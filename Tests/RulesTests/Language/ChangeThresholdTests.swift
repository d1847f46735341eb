import Testing
@testable import Rules

/// Change thresholds (spec §3.1, last paragraph): (written, indicator unit, canonical, measure).
@Suite struct ChangeThresholdTests {
    static func parse(_ text: String, _ unit: String?, numbers: NumberStyle = .vi) throws -> ChangeThreshold {
        try ThresholdParser.parseChange(text, context: ThresholdContext(shape: .change, indicatorUnit: unit, numbers: numbers))
    }

    @Test(arguments: [
        // signed symbolic amounts; % is relative except on a % indicator
        ("≥ +10%", "triệu đồng", "≥ +10%", ChangeMeasure.relative),
        ("≤ -5%", "vụ", "≤ -5%", .relative),
        ("≥ 10%", nil, "≥ +10%", .relative),
        ("10%", "người", "≥ +10%", .relative),
        ("> 0", "người", "> 0 người", .absolute),
        ("≤ −5%", "vụ", "≤ -5%", .relative),
        ("between -5 and -3", "%", "-5..-3 pp", .points),
        // words
        ("tăng 10%", nil, "≥ +10%", .relative),
        ("tăng thêm 10%", "hộ", "≥ +10%", .relative),
        ("giảm 5%", "vụ", "≤ -5%", .relative),
        ("tăng ít nhất 10%", "triệu đồng", "≥ +10%", .relative),
        ("tăng tối thiểu 10%", "triệu đồng", "≥ +10%", .relative),
        ("giảm ít nhất 5%", "vụ", "≤ -5%", .relative),
        ("giảm tối thiểu 5%", "vụ", "≤ -5%", .relative),
        ("giảm tối đa 3%", "vụ", "≥ -3%", .relative),
        ("giảm trên 8%", "%", "< -8 pp", .points),
        ("giảm dưới 1%", "%", "> -1 pp", .points),
        ("giảm từ 2% trở lên", "%", "≤ -2 pp", .points),
        ("giảm đạt từ 2% trở lên", "%", "≤ -2 pp", .points),
        ("phấn đấu giảm 5%", "vụ", "≤ -5%", .relative),
        ("tăng hơn 5", "người", "> +5 người", .absolute),
        ("tăng trên 10%", "triệu đồng", "> +10%", .relative),
        ("giảm đạt trên 8%", "%", "< -8 pp", .points),
        ("giảm ít nhất 2 điểm %", "%", "≤ -2 pp", .points),
        ("tăng không dưới 10%", "triệu đồng", "≥ +10%", .relative),
        ("giảm không quá 3%", "vụ", "≥ -3%", .relative),
        ("giảm bằng 0", "vụ", "= 0 vụ", .absolute),
        ("tăng từ 5 trở lên", "người", "≥ +5 người", .absolute),
        ("giảm 2 vụ trở lên", "vụ", "≤ -2 vụ", .absolute),
        // a direction word alone: any change that way
        ("giảm", "người", "< 0 người", .absolute),
        ("tăng", "người", "> 0 người", .absolute),
        ("Giảm", "%", "< 0 pp", .points),
        ("phấn đấu giảm", "vụ", "< 0 vụ", .absolute),
        ("tăng thêm", "hộ", "> 0 hộ", .absolute),
        ("tăng", nil, "> 0", .absolute),
        // an unsigned zero needs no sign
        ("< 0", "người", "< 0 người", .absolute),
        ("≤ 0", "vụ", "≤ 0 vụ", .absolute),
        ("< 0%", "%", "< 0 pp", .points),
        ("Giảm 5%", "vụ", "≤ -5%", .relative),
        // on a % indicator, % or no unit is points; relative / tương đối makes it relative
        ("giảm 5%", "%", "≤ -5 pp", .points),
        ("giảm 2", "%", "≤ -2 pp", .points),
        ("≥ +2 pp", "%", "≥ +2 pp", .points),
        ("giảm 2 điểm %", "%", "≤ -2 pp", .points),
        ("giảm 2 điểm phần trăm", "%", "≤ -2 pp", .points),
        ("giảm 5% tương đối", "%", "≤ -5%", .relative),
        ("≤ -5% relative", "%", "≤ -5%", .relative),
        ("giảm 5% (tương đối)", "%", "≤ -5%", .relative),
        ("≥ +10 relative", "người", "≥ +10%", .relative),
        // ranges: at least the first, aiming for the second
        ("giảm từ 0,3 đến 0,5%", "%", "≤ -0.3 pp (→ -0.5)", .points),
        ("giảm 0,3- 0,5%", "%", "≤ -0.3 pp (→ -0.5)", .points),
        ("giảm 0,5-0,3%", "%", "≤ -0.3 pp (→ -0.5)", .points),
        ("tăng 2-3 HTX", "HTX", "≥ +2 HTX (→ +3)", .absolute),
        ("2-3%", "người", "≥ +2% (→ +3)", .relative),
        ("tăng 2..3%", "người", "+2..+3%", .relative),
        // other units: an absolute difference in the indicator's unit
        ("≥ +120 triệu đồng", "triệu đồng", "≥ +120 triệu đồng", .absolute),
        ("tăng 1,2 tỷ đồng", "triệu đồng", "≥ +1200 triệu đồng", .absolute),
        ("tăng 5", "người", "≥ +5 người", .absolute),
        ("≥ 10", nil, "≥ +10", .absolute),
        ("tăng 125 nghìn con", nil, "≥ +125000 con", .absolute),
        ("giảm 2 pp", nil, "≤ -2 pp", .points),
    ] as [(String, String?, String, ChangeMeasure)])
    func changes(text: String, unit: String?, expected: String, measure: ChangeMeasure) throws {
        let c = try Self.parse(text, unit)
        #expect(c.canonical == expected)
        #expect(c.measure == measure)
        #expect(c.written == text)
    }

    @Test(arguments: [
        ("giảm số người nghiện ma túy", "the indicator says what changes: write 'giảm' alone, or an amount such as 'giảm 5%'"),
        ("giảm khoang 5%", "did you mean 'khoảng'?"),
        ("tăng 10% so với chỉ tiêu tỉnh giao", "what it is compared with goes in the rule's \"baseline\"; drop 'so với …' from the threshold"),
        ("tăng 10 triệu đồng so với năm 2025", "what it is compared with goes in the rule's \"baseline\"; drop 'so với …' from the threshold"),
    ])
    func hints(text: String, hint: String) throws {
        let e = try #require(languageError { try Self.parse(text, "triệu đồng") })
        #expect(e.hint?.en == hint, "\(e.message.en)")
        if let h = e.hint { expectBilingual(h) }
    }

    @Test func requirementsAreSigned() throws {
        #expect(try Self.parse("giảm", "người").requirement == .compare(.lessThan, 0))
        #expect(try Self.parse("tăng", "người").requirement == .compare(.greaterThan, 0))
        #expect(try Self.parse("giảm trên 8%", "%").requirement == .compare(.lessThan, -8))
        #expect(try Self.parse("giảm 5%", "vụ").requirement == .compare(.atMost, -5))
        #expect(try Self.parse("giảm từ 0,3 đến 0,5%", "%").requirement == .aimed(.atMost, bound: -0.3, aim: -0.5))
        #expect(try Self.parse("tăng 2-3 HTX", "HTX").requirement == .aimed(.atLeast, bound: 2, aim: 3))
        #expect(try Self.parse("≥ +10%", nil).unit == "%")
        #expect(try Self.parse("giảm 5%", "%").unit == "pp")
        #expect(try Self.parse("tăng 1,2 tỷ đồng", "triệu đồng").unit == "triệu đồng")
    }

    @Test(arguments: [
        ("≤ -5%", -5.0, true),
        ("≤ -5%", -4.9999, false),
        ("giảm 5%", -5, true),
        ("giảm 5%", -5.0000000001, true),
        ("≥ +10%", 10, true),
        ("≥ +10%", 9.99, false),
        ("giảm trên 8%", -8, false),
        ("giảm 0,3- 0,5%", -0.4, true),
        ("giảm 0,3- 0,5%", -0.7, true),
        ("giảm 0,3- 0,5%", -0.2, false),
        ("giảm", 0, false),
        ("giảm", -0.01, true),
        ("tăng", 0, false),
        ("tăng", 0.01, true),
        ("giảm trên 8%", -8.01, true),
        ("giảm từ 2% trở lên", -2, true),
        ("giảm từ 2% trở lên", -1.99, false),
    ] as [(String, Double, Bool)])
    func boundaries(text: String, change: Double, passes: Bool) throws {
        #expect(try Self.parse(text, "%").requirement.isSatisfied(by: change) == passes)
    }

    @Test(arguments: [
        ("-5%", "vụ", "rules.bad-threshold", "does not say whether the fall must be at least or at most that much"),
        ("giảm -5%", "vụ", "rules.bad-threshold", "gives the direction twice"),
        ("giảm xuống dưới 1,5%", "%", "rules.bad-threshold", "states a value to reach, not a change"),
        ("≥ +2 pp", "triệu đồng", "rules.unit-mismatch", "unit 'pp' does not match the indicator's unit 'triệu đồng'"),
        ("tăng 5 km", "%", "rules.unit-mismatch", "unit 'km' does not match the indicator's unit '%'"),
        ("tăng 5 ha", "km", "rules.unit-mismatch", "unit 'ha' does not match"),
        ("tăng 10% so với chỉ tiêu tỉnh giao", "triệu đồng", "rules.bad-threshold", "found 'so với'"),
        ("tăng 11/19 tiêu chí", nil, "rules.bad-threshold", "cannot be a change"),
        ("tăng 5 km relative", "km", "rules.bad-threshold", "needs a change in '%'"),
        ("-2-3%", "người", "rules.bad-threshold", "runs from a fall to a rise"),
        ("tăng đạt", nil, "rules.missing-number", "expected a number after 'đạt'"),
        ("giảm số người nghiện ma túy", "người", "rules.bad-threshold", "or nothing ('giảm' alone is a change of any size that way), found 'số người'"),
        ("tăng 10 triệu đồng so với năm 2025", "triệu đồng", "rules.bad-threshold", "expected the end of the threshold, found 'so với'"),
        ("giảm khoang 5%", "%", "rules.bad-threshold", "found 'khoang'"),
    ] as [(String, String?, String, String)])
    func errors(text: String, unit: String?, code: String, message: String) throws {
        let e = try #require(languageError { try Self.parse(text, unit) })
        #expect(e.code == code)
        #expect(e.message.en.contains(message), "\(e.message.en)")
        expectBilingual(e.message)
    }
}
