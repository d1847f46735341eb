import Testing
@testable import Rules

/// Spec §4.2: (written, nominal deadline, form).
@Suite struct DeadlineParserTests {
    enum FormKind: Sendable { case by, before(String), period(String) }

    @Test(arguments: [
        // dates: that day
        ("2026-01-31", "2026-01-31", FormKind.by),
        ("31/01/2026", "2026-01-31", .by),
        ("by 2026-01-31", "2026-01-31", .by),
        ("chậm nhất ngày 31/01/2026", "2026-01-31", .by),
        ("Chậm nhất ngày 31/01/2026", "2026-01-31", .by),
        ("chậm nhất 31/01/2026", "2026-01-31", .by),
        ("chậm nhất là ngày 31/01/2026", "2026-01-31", .by),
        ("đến ngày 31/01/2026", "2026-01-31", .by),
        ("trong ngày 31/01/2026", "2026-01-31", .by),
        ("đến hết ngày 31/01", "2026-01-31", .by),
        ("ngày 31 tháng 01 năm 2026", "2026-01-31", .by),
        ("hoàn thành chậm nhất ngày 31/01/2026", "2026-01-31", .by),
        // before: the day before, the written date kept
        ("trước ngày 03/02/2026", "2026-02-02", .before("2026-02-03")),
        ("Trước ngày 03/02/2026", "2026-02-02", .before("2026-02-03")),
        ("before 2026-02-03", "2026-02-02", .before("2026-02-03")),
        ("trước 03/02/2026", "2026-02-02", .before("2026-02-03")),
        ("hoàn thành trước ngày 01/02/2026", "2026-01-31", .before("2026-02-01")),
        ("trước ngày 01/01/2026", "2025-12-31", .before("2026-01-01")),
        ("trước ngày 27/02/2026", "2026-02-26", .before("2026-02-27")),
        // periods: their last day
        ("Q1", "2026-03-31", .period("2026-Q1")),
        ("Q1/2026", "2026-03-31", .period("2026-Q1")),
        ("2026-Q1", "2026-03-31", .period("2026-Q1")),
        ("quý I/2026", "2026-03-31", .period("2026-Q1")),
        ("trong quý I/2026", "2026-03-31", .period("2026-Q1")),
        ("hoàn thành trong quý I/2026", "2026-03-31", .period("2026-Q1")),
        ("quý III/2026", "2026-09-30", .period("2026-Q3")),
        ("tháng 01/2026", "2026-01-31", .period("2026-01")),
        ("Tháng 01/2026", "2026-01-31", .period("2026-01")),
        ("2026-01", "2026-01-31", .period("2026-01")),
        ("6 tháng đầu năm", "2026-06-30", .period("2026-H1")),
        ("2026-H1", "2026-06-30", .period("2026-H1")),
        ("9 tháng", "2026-09-30", .period("2026-9M")),
        ("2026-9M", "2026-09-30", .period("2026-9M")),
        ("năm 2026", "2026-12-31", .period("2026")),
        ("2026", "2026-12-31", .period("2026")),
        ("Q2", "2026-06-30", .period("2026-Q2")),
        ("6 tháng", "2026-06-30", .period("2026-H1")),
        ("trong tháng 02/2026", "2026-02-28", .period("2026-02")),
        ("đến hết quý II/2026", "2026-06-30", .period("2026-Q2")),
        ("cuối năm 2026", "2026-12-31", .period("2026")),
        ("by Q2", "2026-06-30", .period("2026-Q2")),
        ("Quý II/2026( ngay sau khi tổ chức thành công bầu cử HĐND xã )", "2026-06-30", .period("2026-Q2")),
    ] as [(String, String, FormKind)])
    func reads(text: String, nominal: String, form: FormKind) throws {
        for input in [text, nfd(text)] {
            let d = try DeadlineParser.parse(input, year: 2026)
            #expect(d.nominal.iso == nominal)
            #expect(d.written == input)
            switch (form, d.form) {
            case (.by, .by): break
            case (.before(let w), .before(let written)): #expect(written.iso == w)
            case (.period(let id), .period(let p)): #expect(p.id == id)
            default: Issue.record("\(text): form \(d.form), expected \(form)")
            }
        }
    }

    @Test(arguments: [
        ("31/02/2026", "rules.bad-date", "month 2 of 2026 has 28 days"),
        ("trước ngày 30/02/2026", "rules.bad-date", "month 2 of 2026 has 28 days"),
        ("trước quý II/2026", "rules.bad-deadline", "expected a date after 'trước'"),
        ("trước ngày", "rules.bad-deadline", "expected a date after 'trước'"),
        ("Thường xuyên", "rules.bad-deadline", "is ongoing work and has no deadline"),
        ("Thực hiện thường xuyên", "rules.bad-deadline", "expected a deadline such as"),
        ("chậm nhất ngày 31/01/2026 hoặc sớm hơn", "rules.bad-deadline", "expected the end of the deadline, found 'hoặc sớm'"),
        ("quý V/2026", "rules.bad-period", "there is no quarter 5"),
        ("chậm nhât ngày 31/01/2026", "rules.bad-deadline", "expected a deadline such as"),
        ("", "rules.bad-deadline", "found nothing more"),
        ("trong tuần", "rules.bad-deadline", "expected a date or a period after 'trong'"),
        ("cuối kỳ", "rules.bad-deadline", "'cuối kỳ' is relative to a report's period, and a deadline has none"),
        ("by the end of the period", "rules.bad-deadline", "is relative to a report's period"),
    ])
    func errors(text: String, code: String, message: String) throws {
        let e = try #require(languageError { try DeadlineParser.parse(text, year: 2026) })
        #expect(e.code == code)
        #expect(e.message.en.contains(message), "\(e.message.en)")
        expectBilingual(e.message)
    }

    @Test func ongoingWorkHasAHint() throws {
        let e = try #require(languageError { try DeadlineParser.parse("Thường xuyên", year: 2026) })
        #expect(e.hint?.en.contains("\"notes\"") == true)
    }

    @Test func endOfPeriodHasAHint() throws {
        let e = try #require(languageError { try DeadlineParser.parse("trong kỳ", year: 2026) })
        #expect(e.hint?.en == "name the period, e.g. 'năm 2026' or 'quý IV/2026'; 'cuối kỳ' is for a report's \"due\"")
    }

    /// Term targets (gaps §1) are due after the plan year.
    @Test(arguments: [("năm 2031", "2031-12-31"), ("năm 2030", "2030-12-31"), ("2031", "2031-12-31")])
    func laterYears(text: String, nominal: String) throws {
        #expect(try DeadlineParser.parse(text, year: 2026).nominal.iso == nominal)
    }

    @Test func misspeltKeywordHasAHint() throws {
        let e = try #require(languageError { try DeadlineParser.parse("chậm nhât ngày 31/01/2026", year: 2026) })
        #expect(e.hint?.en == "did you mean 'chậm nhất'?")
    }

    @Test func resolvedDeadlinesRoll() throws {
        let cal = TestCalendar()
        // Saturday 31/01/2026 rolls to Monday 02/02.
        let due = try DeadlineParser.parse("chậm nhất ngày 31/01/2026", year: 2026).resolved(roll: true, calendar: cal)
        #expect(due.nominal.iso == "2026-01-31" && due.rolled.iso == "2026-02-02" && due.moved)
        #expect(due.skipped.map(\.date.iso) == ["2026-01-31", "2026-02-01"])
        let fixed = try DeadlineParser.parse("chậm nhất ngày 31/01/2026", year: 2026).resolved(roll: false, calendar: cal)
        #expect(fixed.rolled.iso == "2026-01-31" && fixed.skipped.isEmpty && !fixed.moved)
    }
}
