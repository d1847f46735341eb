import Testing
@testable import Rules

/// Spec §4.1.
@Suite struct DateParserTests {
    @Test(arguments: [
        ("2026-01-31", "2026-01-31"),
        ("31/01/2026", "2026-01-31"),
        ("31/1/2026", "2026-01-31"),
        ("1/2/2026", "2026-02-01"),
        ("31/01", "2026-01-31"),
        ("ngày 31/01/2026", "2026-01-31"),
        ("Ngày 31/01/2026", "2026-01-31"),
        ("ngày 31 tháng 01 năm 2026", "2026-01-31"),
        ("31 tháng 1 năm 2026", "2026-01-31"),
        ("ngày 15 tháng 12", "2026-12-15"),
        ("ngày 15 tháng 12 năm 2025", "2025-12-15"),
        ("31-01-2026", "2026-01-31"),
        ("31.01.2026", "2026-01-31"),
        ("29/02/2028", "2028-02-29"),
        (" 03/02/2026 ", "2026-02-03"),
        ("ngày\u{A0}03/02/2026", "2026-02-03"),
    ])
    func reads(text: String, iso: String) throws {
        #expect(try DateParser.parse(text, defaultYear: 2026).iso == iso)
        #expect(try DateParser.parse(nfd(text), defaultYear: 2026).iso == iso)
    }

    @Test(arguments: [
        ("31/02/2026", "'31/02/2026' is not a valid date: month 2 of 2026 has 28 days"),
        ("29/02/2026", "month 2 of 2026 has 28 days"),
        ("31/04/2026", "month 4 of 2026 has 30 days"),
        ("2026-13-01", "there is no month 13"),
        ("01/13/2026", "there is no month 13"),
        ("0/1/2026", "month 1 of 2026 has 31 days"),
        ("31/01/26", "write the year with four digits"),
        ("31-01", "expected a date such as"),
        ("hôm qua", "found 'hôm qua'"),
        ("31/01/2026 lúc 8 giờ", "expected the end of the date, found 'lúc'"),
        ("", "found nothing more"),
        ("06/2026", "expected a date such as"),
    ])
    func errors(text: String, message: String) throws {
        let e = try #require(languageError { try DateParser.parse(text, defaultYear: 2026) })
        #expect(e.code == "rules.bad-date")
        #expect(e.message.en.contains(message), "\(e.message.en)")
        expectBilingual(e.message)
    }

    @Test func noDefaultYear() throws {
        let e = try #require(languageError { try DateParser.parse("31/01", defaultYear: nil) })
        #expect(e.message.en.contains("has no year"))
        #expect(try DateParser.parse("31/01/2026", defaultYear: nil).iso == "2026-01-31")
    }
}

/// Spec §4.4, and the Vietnamese forms of §4.2.
@Suite struct PeriodParserTests {
    @Test(arguments: [
        ("2026-06", "2026-06"),
        ("2026-Q2", "2026-Q2"),
        ("2026-q2", "2026-Q2"),
        ("2026-H1", "2026-H1"),
        ("2026-H2", "2026-H2"),
        ("2026-9M", "2026-9M"),
        ("2026", "2026"),
        ("2026-06-15", "2026-06-15"),
        ("2026-6", "2026-06"),
        ("06/2026", "2026-06"),
        ("6/2026", "2026-06"),
        ("tháng 6/2026", "2026-06"),
        ("Tháng 01/2026", "2026-01"),
        ("tháng 6 năm 2026", "2026-06"),
        ("T6/2026", "2026-06"),
        ("tháng 12", "2026-12"),
        ("quý II/2026", "2026-Q2"),
        ("Quý I/2026", "2026-Q1"),
        ("quý III/2026", "2026-Q3"),
        ("quý IV/2026", "2026-Q4"),
        ("quý 2/2026", "2026-Q2"),
        ("quý II năm 2026", "2026-Q2"),
        ("Q1", "2026-Q1"),
        ("Q1/2026", "2026-Q1"),
        ("q4 2025", "2025-Q4"),
        ("quý I", "2026-Q1"),
        ("quý 3", "2026-Q3"),
        ("6 tháng đầu năm 2026", "2026-H1"),
        ("6 tháng cuối năm 2026", "2026-H2"),
        ("6 tháng đầu năm", "2026-H1"),
        ("6 tháng", "2026-H1"),
        ("6 tháng năm 2026", "2026-H1"),
        ("6 tháng 2025", "2025-H1"),
        ("H2", "2026-H2"),
        ("H1/2026", "2026-H1"),
        ("9 tháng 2026", "2026-9M"),
        ("9 tháng", "2026-9M"),
        ("9 tháng đầu năm 2026", "2026-9M"),
        ("9M", "2026-9M"),
        ("năm 2026", "2026"),
        ("Năm 2025", "2025"),
        ("cả năm", "2026"),
        ("năm", "2026"),
        ("15/06/2026", "2026-06-15"),
        ("ngày 15/06/2026", "2026-06-15"),
        ("Quý II/2026( ngay sau khi tổ chức thành công bầu cử HĐND xã )", "2026-Q2"),
    ])
    func reads(text: String, id: String) throws {
        #expect(try PeriodParser.parseOrThrow(text, defaultYear: 2026).id == id)
        #expect(PeriodParser.parse(nfd(text), defaultYear: 2026)?.id == id)
    }

    @Test func periodsSpanTheirMonths() throws {
        let q = try PeriodParser.parseOrThrow("quý III/2026", defaultYear: nil)
        #expect(q.start.iso == "2026-07-01" && q.end.iso == "2026-09-30")
        let h2 = try PeriodParser.parseOrThrow("6 tháng cuối năm 2026", defaultYear: nil)
        #expect(h2.start.iso == "2026-07-01" && h2.end.iso == "2026-12-31")
        #expect(try PeriodParser.parseOrThrow("tháng 2/2028", defaultYear: nil).end.iso == "2028-02-29")
    }

    @Test(arguments: [
        ("quý V/2026", "there is no quarter 5"),
        ("2026-Q5", "there is no quarter 5"),
        ("quý VI", "there is no quarter 6"),
        ("quý X", "expected a quarter I–IV"),
        ("tháng 13/2026", "there is no month 13"),
        ("13/2026", "there is no month 13"),
        ("2026-13", "there is no month 13"),
        ("2026-H3", "a half year is H1 or H2"),
        ("H3", "a half year is H1 or H2"),
        ("quý II/26", "the year must have four digits"),
        ("tuần 3", "expected a period such as"),
        ("thường xuyên", "expected a period such as"),
        ("", "found nothing more"),
        ("quý I, II năm 2026", "expected the end of the period, found ','"),
        ("6", "expected a period such as"),
    ])
    func errors(text: String, message: String) throws {
        let e = try #require(languageError { try PeriodParser.parseOrThrow(text, defaultYear: 2026) })
        #expect(e.code == "rules.bad-period" || e.code == "rules.bad-date")
        #expect(e.message.en.contains(message), "\(e.message.en)")
        expectBilingual(e.message)
        #expect(PeriodParser.parse(text, defaultYear: 2026) == nil)
    }

    @Test(arguments: ["quý I", "Q2", "6 tháng", "9 tháng", "tháng 6", "năm"])
    func yearlessNeedsADefault(text: String) throws {
        let e = try #require(languageError { try PeriodParser.parseOrThrow(text, defaultYear: nil) })
        #expect(e.message.en.contains("has no year"), "\(e.message.en)")
        #expect(e.hint != nil)
    }

    // MARK: - Data cells

    static func data(_ s: String) -> Period? {
        var s = s
        return s.withUTF8 { PeriodParser.parseData(UnsafeRawBufferPointer($0)) }
    }

    @Test(arguments: [
        ("2026", "2026"),
        ("2026-06", "2026-06"),
        ("2026-12", "2026-12"),
        ("2026-Q1", "2026-Q1"),
        ("2026-q4", "2026-Q4"),
        ("2026-H1", "2026-H1"),
        ("2026-h2", "2026-H2"),
        ("2026-9M", "2026-9M"),
        ("2026-9m", "2026-9M"),
        ("2026-06-15", "2026-06-15"),
        (" 2026-06 ", "2026-06"),
        ("06/2026", "2026-06"),
        ("6/2026", "2026-06"),
        ("12/2025", "2025-12"),
        // not ISO: the full parser, without a default year
        ("tháng 6/2026", "2026-06"),
        ("quý II/2026", "2026-Q2"),
        ("6 tháng đầu năm 2026", "2026-H1"),
    ])
    func dataCells(text: String, id: String) {
        #expect(Self.data(text)?.id == id)
        #expect(Self.data(text) == PeriodParser.parse(text, defaultYear: nil))
    }

    @Test(arguments: ["2026-00", "2026-13", "2026-Q0", "2026-Q5", "2026-H0", "2026-H3", "2026-8M", "2026-02-30", "0000", "", "Q2", "abcd",
                      "2026-06-1x", "quý II", "13/2026", "00/2026", "6/0000", "a6/2026"])
    func badDataCells(text: String) {
        #expect(Self.data(text) == nil)
    }
}
