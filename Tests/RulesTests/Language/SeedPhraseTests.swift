import Testing
@testable import Rules

/// The phrases of the five seed plans (/work/shared/seeds), as the documents write them.
/// Each row: (phrase, indicator unit, canonical threshold). Every phrase is also read in
/// NFD, the form one seed document stores its Vietnamese in.
@Suite struct SeedPhraseTests {
    static func target(_ text: String, _ unit: String?, numbers: NumberStyle = .vi, shape: ThresholdContext.Shape = .target) throws -> String {
        try ThresholdParser.parse(text, context: ThresholdContext(shape: shape, indicatorUnit: unit, numbers: numbers)).canonical
    }

    static func change(_ text: String, _ unit: String?) throws -> String {
        try ThresholdParser.parseChange(text, context: ThresholdContext(shape: .change, indicatorUnit: unit, numbers: .vi)).canonical
    }

    /// 000: Cao Minh, Resolution 06-NQ/ĐU, the 16 "Chỉ tiêu".
    @Test(arguments: [
        ("từ 10% trở lên", "%", "≥ 10%"),
        ("87%", "%", "≥ 87%"),
        ("đạt 4%", "%", "≥ 4%"),
        ("đạt 25,3 triệu đồng", "triệu đồng", "≥ 25.3 triệu đồng"),
        ("25,3 triệu đồng", "nghìn đồng", "≥ 25300 nghìn đồng"),
        ("1,6 tỷ đồng", "triệu đồng", "≥ 1600 triệu đồng"),
        ("1,6 tỷ đồng", "tỷ đồng", "≥ 1.6 tỷ đồng"),
        ("đạt 10ha", "ha", "≥ 10 ha"),
        ("đạt trên 35ha", "ha", "> 35 ha"),
        ("đạt 40ha trở lên", "ha", "≥ 40 ha"),
        ("đạt 52%", "%", "≥ 52%"),
        ("đạt 5.320 con(cả xuất bán và giết mổ)", "con", "≥ 5320 con"),
        ("5.320 con", "con", "≥ 5320 con"),
        ("đạt 13.120 con (cả xuất bán và giết mổ)", "con", "≥ 13120 con"),
        ("đạt 1.450 con", "con", "≥ 1450 con"),
        ("hoàn thành 11/19 tiêu chí", "tiêu chí", "≥ 11/19 tiêu chí"),
        ("11/19 tiêu chí", "tiêu chí", "≥ 11/19 tiêu chí"),
        ("đạt 80% trở lên", "%", "≥ 80%"),
        ("đạt 98%", "%", "≥ 98%"),
        ("từ 01 HTX trở lên", "HTX", "≥ 1 HTX"),
        ("trên 98%", "%", "> 98%"),
        ("đạt trên 98%", "%", "> 98%"),
        ("dưới 15%", "%", "< 15%"),
        ("xuống dưới 15%", "%", "< 15%"),
        ("giảm xuống dưới 15%", "%", "< 15%"),
        ("đạt trên 70%", "%", "> 70%"),
        ("đạt 29% trở lên", "%", "≥ 29%"),
        ("Ít nhất 45%", "%", "≥ 45%"),
        ("đạt 100%", "%", "≥ 100%"),
        ("đạt từ 3,2% (370 người) trở lên", "%", "≥ 3.2%"),
        ("từ 3,2% (370 người) trở lên", "%", "≥ 3.2%"),
        ("từ 3,2% (29 đảng viên) trở lên", "%", "≥ 3.2%"),
        ("đạt từ 90% trở lên", "%", "≥ 90%"),
    ] as [(String, String?, String)])
    func caoMinhTargets(text: String, unit: String?, expected: String) throws {
        #expect(try Self.target(text, unit) == expected)
        #expect(try Self.target(nfd(text), unit) == expected)
    }

    @Test(arguments: [
        ("Duy trì 04 hợp tác xã", "hợp tác xã", "≥ 4 hợp tác xã"),
        ("Duy trì 07 mô hình", "mô hình", "≥ 7 mô hình"),
        ("duy trì 1.375 con", "con", "≥ 1375 con"),
        ("Duy trì 26/31 thôn", "thôn", "≥ 26/31 thôn"),
        ("Duy trì 11 sản phẩm OCOP", "sản phẩm OCOP", "≥ 11 sản phẩm OCOP"),
        ("từ 90% trở lên", "%", "≥ 90%"),
    ] as [(String, String?, String)])
    func maintainPhrases(text: String, unit: String?, expected: String) throws {
        #expect(try Self.target(text, unit, shape: .maintain) == expected)
        #expect(try Self.target(nfd(text), unit, shape: .maintain) == expected)
    }

    /// 001: Vũ Quang, Resolution 07-NQ/ĐU: both number styles in one document.
    @Test(arguments: [
        ("2.659.682 triệu đồng", "triệu đồng", NumberStyle.auto, "≥ 2659682 triệu đồng"),
        ("2,528,008 triệu đồng", "triệu đồng", .auto, "≥ 2528008 triệu đồng"),
        ("2,528,008 triệu đồng", "triệu đồng", .vi, "≥ 2528008 triệu đồng"),
        ("2.659.682 triệu đồng", "tỷ đồng", .vi, "≥ 2659.682 tỷ đồng"),
        ("505.447 triệu đồng", "triệu đồng", .vi, "≥ 505447 triệu đồng"),
        ("12.990 triệu đồng", "triệu đồng", .vi, "≥ 12990 triệu đồng"),
        ("19,655 tỷ đồng", "triệu đồng", .vi, "≥ 19655 triệu đồng"),
        ("19,655 tỷ đồng", "triệu đồng", .en, "≥ 19655000 triệu đồng"),
        ("đạt 57,2 triệu đồng/người/năm", "triệu đồng/người/năm", .vi, "≥ 57.2 triệu đồng/người/năm"),
        ("55,87 triệu đồng/người/năm", "nghìn đồng/người/năm", .vi, "≥ 55870 nghìn đồng/người/năm"),
        ("0,3- 0,5%", "%", .vi, "≥ 0.3% (→ 0.5)"),
        ("4500 tấn", "tấn", .vi, "≥ 4500 tấn"),
        ("đạt 3.900 tấn", "tấn", .vi, "≥ 3900 tấn"),
        ("750 ha", "ha", .vi, "≥ 750 ha"),
        ("Phấn đấu 2-3 HTX", "HTX", .vi, "≥ 2 HTX (→ 3)"),
        ("2-3 HTX", nil, .vi, "≥ 2 HTX (→ 3)"),
        ("138.375 con", "con", .vi, "≥ 138375 con"),
        ("10.000 con", "con", .vi, "≥ 10000 con"),
        ("125 nghìn con", "con", .vi, "≥ 125000 con"),
        ("125 nghìn con", nil, .vi, "≥ 125000 con"),
        ("đạt 60%", "%", .vi, "≥ 60%"),
        ("94%", "%", .vi, "≥ 94%"),
        ("96,7%", "%", .vi, "≥ 96.7%"),
        ("85,7%", "%", .vi, "≥ 85.7%"),
        ("đạt ≥ 80%", "%", .vi, "≥ 80%"),
        ("≥ 80%", "%", .vi, "≥ 80%"),
        ("đạt 93,5%", "%", .auto, "≥ 93.5%"),
        ("151 %", "%", .vi, "≥ 151%"),
        ("phấn đấu 75-80%", "%", .vi, "≥ 75% (→ 80)"),
        ("tối thiểu 90%", "%", .vi, "≥ 90%"),
        ("15 ha", "ha", .vi, "≥ 15 ha"),
        ("5.000 đàn", "đàn", .vi, "≥ 5000 đàn"),
        ("1.920 tấn", "tấn", .vi, "≥ 1920 tấn"),
    ] as [(String, String?, NumberStyle, String)])
    func vuQuangTargets(text: String, unit: String?, numbers: NumberStyle, expected: String) throws {
        #expect(try Self.target(text, unit, numbers: numbers) == expected)
        #expect(try Self.target(nfd(text), unit, numbers: numbers) == expected)
    }

    @Test func vuQuangAmbiguousRevenue() throws {
        // "Thu ngân sách trên địa bàn đạt 19,655 tỷ đồng" under "numbers": "auto".
        let e = try #require(languageError { try Self.target("19,655 tỷ đồng", "triệu đồng", numbers: .auto) })
        #expect(e.code == "rules.ambiguous-number")
        #expect(e.message.en == "'19,655' is ambiguous: 19.655 (Vietnamese style) or 19655 (English style)")
    }

    /// 002: Thụy Hùng, the five key tasks (the NFD document).
    @Test(arguments: [
        ("tối thiểu 3 km", "km", "≥ 3 km"),
        ("hoàn thành tối thiểu 3 km", "km", "≥ 3 km"),
        ("6km", "km", "≥ 6 km"),
        ("6 km", "km", "≥ 6 km"),
        ("0,5km", "km", "≥ 0.5 km"),
        ("1,5km", "km", "≥ 1.5 km"),
        ("đạt từ 90% trở lên", "%", "≥ 90%"),
        ("đạt 60% trở lên", "%", "≥ 60%"),
        ("từ 250 thửa đất trở lên", "thửa đất", "≥ 250 thửa đất"),
        ("05 thôn", "thôn", "≥ 5 thôn"),
        ("10 thôn", "thôn", "≥ 10 thôn"),
        ("12,5ha", "ha", "≥ 12.5 ha"),
        ("18ha", "ha", "≥ 18 ha"),
        ("100%", "%", "≥ 100%"),
        // as the file stores them: some letters decomposed, some not
        ("\u{0111}\u{1ea1}t t\u{1eeb} 90% tr\u{1edf} le\u{0302}n", "%", "≥ 90%"),
        ("t\u{1ed1}i thi\u{1ec3}u 3 km", "km", "≥ 3 km"),
    ] as [(String, String?, String)])
    func thuyHungTargets(text: String, unit: String?, expected: String) throws {
        #expect(try Self.target(text, unit) == expected)
        #expect(try Self.target(nfd(text), unit) == expected)
    }

    /// Change rules of the seeds: (phrase, indicator unit, canonical change).
    @Test(arguments: [
        ("tăng tối thiểu 10%", "triệu đồng", "≥ +10%"),
        ("tăng 10%", "triệu đồng", "≥ +10%"),  // 002: "tăng 10% so với chỉ tiêu tỉnh giao"
        ("giảm đạt từ 2% trở lên", "%", "≤ -2 pp"),
        ("giảm từ 2% trở lên", "%", "≤ -2 pp"),  // 002: hộ nghèo đa chiều
        ("giảm trên 8%", "%", "< -8 pp"),                                                        // 000: "Giảm tỷ lệ hộ nghèo trên 8%"
        ("giảm 5%", "vụ", "≤ -5%"),
        ("phấn đấu giảm 5%", "vụ", "≤ -5%"),  // 000 tai nạn giao thông; 001 tội phạm
        ("giảm 10%", "vụ", "≤ -10%"),                                                            // 001 tai nạn giao thông
        ("giảm 0,3- 0,5%", "%", "≤ -0.3 pp (→ -0.5)"),                                           // 001 tỷ lệ hộ nghèo
        ("giảm 2%", "%", "≤ -2 pp"),
        ("giảm 2% tương đối", "%", "≤ -2%"),
        ("giảm đạt từ 2% trở lên (tương ứng 31 hộ)", "%", "≤ -2 pp"),               // 002 line 101, as written
        ("giảm", "người", "< 0 người"),                                                // 001: "giảm số người nghiện ma túy"
        ("Giảm trên 8%", "%", "< -8 pp"),
    ] as [(String, String?, String)])
    func seedChanges(text: String, unit: String?, expected: String) throws {
        #expect(try Self.change(text, unit) == expected)
        #expect(try Self.change(nfd(text), unit) == expected)
    }

    /// 004: Cao Minh, HĐND project, Phụ lục I.
    @Test(arguments: [
        ("Phấn đấu 60%", "%", "≥ 60%"),
        ("Ít nhất 40%", "%", "≥ 40%"),
        ("Trên 60%", "%", "> 60%"),
        ("100%", "%", "≥ 100%"),
        ("Phấn đấu 100%", "%", "≥ 100%"),
        ("Ít nhất 03 cuộc/năm", "cuộc/năm", "≥ 3 cuộc/năm"),
        ("Ít nhất 02 cuộc", "cuộc", "≥ 2 cuộc"),
        ("Ít nhất 02 phiên", "phiên", "≥ 2 phiên"),
        ("Ít nhất 01 cuộc", "cuộc", "≥ 1 cuộc"),
        ("Ít nhất 03/cuộc/năm", "cuộc/năm", "≥ 3 cuộc/năm"),   // the table's typo still names the unit
    ] as [(String, String?, String)])
    func hdndTargets(text: String, unit: String?, expected: String) throws {
        #expect(try Self.target(text, unit) == expected)
        #expect(try Self.target(nfd(text), unit) == expected)
    }

    /// Lead words, verbs and glued units as the documents write them (gaps §10).
    @Test(arguments: [
        ("phấn đấu hoàn thành 11/19 tiêu chí", "tiêu chí", "≥ 11/19 tiêu chí"),       // 000 line 66, typo corrected
        ("Phấn đấu tổ chức 01 cuộc", "cuộc", "≥ 1 cuộc"),                            // 004 line 90
        ("Phấn đấu tổ chức 01 phiên", "phiên", "≥ 1 phiên"),                          // 004 line 92
        ("phấn đấu thành lập mới 01 mô hình", "mô hình", "≥ 1 mô hình"),              // 000
        ("thành lập mới từ 01 HTX trở lên", "HTX", "≥ 1 HTX"),                        // 000
        ("Phấn đấu xây dựng thêm 01 trường", "trường", "≥ 1 trường"),                 // 000
        ("Phấn đấu thành lập mới 2-3 HTX", "HTX", "≥ 2 HTX (→ 3)"),                   // 001
        ("phấn đấu trồng mới thêm 15 ha", "ha", "≥ 15 ha"),                           // 001
        ("đạt ≥ 80%", "%", "≥ 80%"),                                                  // 001 line 123
        ("mở rộng thêm 18ha", "ha", "≥ 18 ha"),                                       // 002 line 75
        ("mở mới 1,5km", "km", "≥ 1.5 km"),                                           // 002
        ("phấn đấu hoàn thành cấp từ 250 thửa đất trở lên", "thửa đất", "≥ 250 thửa đất"), // 002
        ("Hoàn thành thi công 100%", "%", "≥ 100%"),                                  // 002 line 411
        ("12,5ha", "ha", "≥ 12.5 ha"),
        ("đạt 10ha", "ha", "≥ 10 ha"),
        ("đạt trên 35ha", "ha", "> 35 ha"),
        ("0,5km", "km", "≥ 0.5 km"),
    ] as [(String, String?, String)])
    func leadWordsVerbsAndGluedUnits(text: String, unit: String?, expected: String) throws {
        #expect(try Self.target(text, unit) == expected)
        #expect(try Self.target(nfd(text), unit) == expected)
    }

    /// "About X" for the levels to stay near (gaps §6): 000 "Cơ cấu kinh tế … 87%", "Tốc độ
    /// tăng dân số bình quân đạt 1%".
    @Test(arguments: [
        ("khoảng 87%", "%", "82.65..91.35%"),
        ("khoảng 3%", "%", "2.85..3.15%"),
        ("khoảng 10%", "%", "9.5..10.5%"),
        ("đạt khoảng 1%", "%", "0.95..1.05%"),
        ("≈ 87% ± 1%", "%", "86..88%"),
    ] as [(String, String?, String)])
    func aboutTargets(text: String, unit: String?, expected: String) throws {
        #expect(try Self.target(text, unit) == expected)
        #expect(try Self.target(nfd(text), unit) == expected)
    }

    /// Seed phrases that are not thresholds as written, and say why.
    @Test(arguments: [
        ("Phấn đầu xã hoàn thành 11/19 tiêu chí", "rules.bad-threshold", "did you mean 'phấn đấu'?"),
        ("tăng 10% so với chỉ tiêu tỉnh giao", "rules.bad-threshold", nil),
        ("60% tổng số thửa tồn đọng", "rules.bad-threshold", nil),
        ("phấn đấu 75-80% khá, giỏi", "rules.bad-threshold", nil),
        ("5.320 con", "rules.ambiguous-number", "set \"numbers\": \"vi\" or \"en\" in the plan"),
    ] as [(String, String, String?)])
    func seedPhrasesThatNeedRewriting(text: String, code: String, hint: String?) throws {
        let e = try #require(languageError { try Self.target(text, nil, numbers: .auto) })
        #expect(e.code == code, "\(e.message.en)")
        if let hint { #expect(e.hint?.en == hint) }
    }

    /// Deadlines: (phrase, nominal). 000 and 002 write tasks' dates, 004 its Phụ lục II.
    @Test(arguments: [
        ("hoàn thành trong quý I/2026", "2026-03-31"),
        ("quý I/2026", "2026-03-31"),
        ("chậm nhất ngày 31/01/2026", "2026-01-31"),
        ("trước ngày 01/02/2026", "2026-01-31"),
        ("trước ngày 03/02/2026", "2026-02-02"),
        ("trước ngày 27/02/2026", "2026-02-26"),
        ("Tháng 01/2026", "2026-01-31"),
        ("Quý I/2026", "2026-03-31"),
        ("Quý II/2026", "2026-06-30"),
        ("Quý II/2026( ngay sau khi tổ chức thành công bầu cử HĐND xã )", "2026-06-30"),
        ("6 tháng", "2026-06-30"),
        ("9 tháng", "2026-09-30"),
        ("năm 2026", "2026-12-31"),
        ("Quý I", "2026-03-31"),
        ("ch\u{1ead}m nh\u{1ea5}t nga\u{0300}y 31/01/2026", "2026-01-31"),
        ("tr\u{01b0}\u{1edb}c nga\u{0300}y 03/02/2026", "2026-02-02"),
        ("tr\u{01b0}\u{1edb}c nga\u{0300}y 27/02/2026", "2026-02-26"),
    ])
    func seedDeadlines(text: String, nominal: String) throws {
        #expect(try DeadlineParser.parse(text, year: 2026).nominal.iso == nominal)
        #expect(try DeadlineParser.parse(nfd(text), year: 2026).nominal.iso == nominal)
    }

    @Test(arguments: ["Thường xuyên", "Thực hiện thường xuyên", "Quý I, II năm 2026"])
    func seedDeadlinesThatAreNotOne(text: String) {
        #expect(languageError { try DeadlineParser.parse(text, year: 2026) }?.code == "rules.bad-deadline")
    }

    /// Report schedules: 001 "định kỳ hàng quý (trước ngày 20 tháng cuối quý)", "6 tháng
    /// (trước ngày 15 tháng cuối kỳ)"; 002 "trước ngày 25 hàng tháng", "trước ngày 25 tháng cuối quý".
    @Test(arguments: [
        ("trước ngày 20 tháng cuối quý", DueRule.dayOfLastMonth(20, before: true)),
        ("trước ngày 15 tháng cuối kỳ", .dayOfLastMonth(15, before: true)),
        ("trước ngày 25 hàng tháng", .dayOfLastMonth(25, before: true)),
        ("trước ngày 25 tháng cuối quý", .dayOfLastMonth(25, before: true)),
        ("Trước ngày 25", .dayOfLastMonth(25, before: true)),
        // 003 "định kỳ hằng năm … báo cáo", 004 "Quý I, 6 tháng, 9 tháng, năm 2026": no day given (gaps §3)
        ("cuối kỳ", .daysAfter(0)),
        ("trong kỳ", .daysAfter(0)),
    ] as [(String, DueRule)])
    func seedDueRules(text: String, rule: DueRule) throws {
        #expect(try DueRuleParser.parse(text, year: 2026) == rule)
        #expect(try DueRuleParser.parse(nfd(text), year: 2026) == rule)
    }

    /// 004's "Quý I, 6 tháng, 9 tháng, năm 2026" as four report periods.
    @Test(arguments: [("Quý I", "2026-Q1"), ("6 tháng", "2026-H1"), ("9 tháng", "2026-9M"), ("năm 2026", "2026"),
                      ("Quý II", "2026-Q2"), ("Quý III/2026", "2026-Q3")])
    func seedPeriods(text: String, id: String) {
        #expect(PeriodParser.parse(text, defaultYear: 2026)?.id == id)
        #expect(PeriodParser.parse(nfd(text), defaultYear: 2026)?.id == id)
    }
}
