import Testing
@testable import Rules

/// Spec §4.3 and §6.1.
@Suite struct DueRuleParserTests {
    @Test(arguments: [
        ("by day 25", DueRule.dayOfLastMonth(25, before: false)),
        ("chậm nhất ngày 25", .dayOfLastMonth(25, before: false)),
        ("ngày 25 hàng tháng", .dayOfLastMonth(25, before: false)),
        ("ngày 25 hằng tháng", .dayOfLastMonth(25, before: false)),
        ("before day 25", .dayOfLastMonth(25, before: true)),
        ("trước ngày 25 hàng tháng", .dayOfLastMonth(25, before: true)),
        ("Trước ngày 25", .dayOfLastMonth(25, before: true)),
        ("trước ngày 20 tháng cuối quý", .dayOfLastMonth(20, before: true)),
        ("trước ngày 15 tháng cuối kỳ", .dayOfLastMonth(15, before: true)),
        ("trước ngày 25 tháng cuối quý", .dayOfLastMonth(25, before: true)),
        ("by day 25 of the last month", .dayOfLastMonth(25, before: false)),
        ("before day 25 of the last month", .dayOfLastMonth(25, before: true)),
        ("chậm nhất ngày 20 tháng cuối quý", .dayOfLastMonth(20, before: false)),
        ("by day 5 of the next month", .dayOfNextMonth(5, before: false)),
        ("before day 5 of the next month", .dayOfNextMonth(5, before: true)),
        ("trước ngày 5 tháng sau", .dayOfNextMonth(5, before: true)),
        ("chậm nhất ngày 5 tháng sau", .dayOfNextMonth(5, before: false)),
        ("ngày 5 tháng sau", .dayOfNextMonth(5, before: false)),
        ("trước ngày 10 của tháng kế tiếp", .dayOfNextMonth(10, before: true)),
        ("within 10 days after", .daysAfter(10)),
        ("within 10 days after the end of the period", .daysAfter(10)),
        ("trong vòng 10 ngày sau kỳ báo cáo", .daysAfter(10)),
        ("trong vòng 10 ngày sau khi kết thúc kỳ báo cáo", .daysAfter(10)),
        ("within 5 working days after", .workingDaysAfter(5)),
        ("trong vòng 5 ngày làm việc sau kỳ báo cáo", .workingDaysAfter(5)),
        ("trong vòng 5 ngày làm việc kể từ ngày kết thúc kỳ báo cáo", .workingDaysAfter(5)),
        // the period's last day
        ("cuối kỳ", .daysAfter(0)),
        ("Cuối kỳ báo cáo", .daysAfter(0)),
        ("chậm nhất cuối kỳ", .daysAfter(0)),
        ("chậm nhất là ngày cuối kỳ", .daysAfter(0)),
        ("ngày cuối cùng của kỳ báo cáo", .daysAfter(0)),
        ("cuối mỗi kỳ", .daysAfter(0)),
        ("đến hết kỳ", .daysAfter(0)),
        ("trong kỳ", .daysAfter(0)),
        ("trong kỳ báo cáo", .daysAfter(0)),
        ("trước khi kết thúc kỳ", .daysAfter(0)),
        ("khi kết thúc kỳ báo cáo", .daysAfter(0)),
        ("by the end of the period", .daysAfter(0)),
        ("By the end of each period", .daysAfter(0)),
        ("end of period", .daysAfter(0)),
        ("at the end of the period", .daysAfter(0)),
        ("within the period", .daysAfter(0)),
    ] as [(String, DueRule)])
    func relativeRules(text: String, rule: DueRule) throws {
        #expect(try DueRuleParser.parse(text, year: 2026) == rule)
        #expect(try DueRuleParser.parse(nfd(text), year: 2026) == rule)
    }

    @Test(arguments: [
        ("trước ngày 25/01/2026", "2026-01-24"),
        ("chậm nhất ngày 31/01/2026", "2026-01-31"),
        ("2026-12-31", "2026-12-31"),
        ("quý I/2026", "2026-03-31"),
        ("ngày 31 tháng 01 năm 2026", "2026-01-31"),
        ("Tháng 01/2026", "2026-01-31"),
        ("6 tháng", "2026-06-30"),
    ])
    func fixedRules(text: String, nominal: String) throws {
        guard case .fixed(let d) = try DueRuleParser.parse(text, year: 2026) else {
            Issue.record("\(text) is not fixed")
            return
        }
        #expect(d.nominal.iso == nominal)
    }

    @Test(arguments: [
        ("trước ngày 32", "rules.bad-due-rule", "the day must be 1–31"),
        ("by day 0", "rules.bad-due-rule", "the day must be 1–31"),
        ("trước ngày 20 hàng quý", "rules.bad-due-rule", "does not say in which month of the period"),
        ("trước ngày 25 hàng tháng nhé", "rules.bad-due-rule", "found 'nhé'"),
        ("within 10 days", "rules.bad-due-rule", "expected 'after'"),
        ("mỗi tuần", "rules.bad-due-rule", "expected a due rule such as 'trước ngày 25 hàng tháng'"),
        ("trước ngày 31/02/2026", "rules.bad-date", "month 2 of 2026 has 28 days"),
        ("cuối kỳ báo cáo tháng", "rules.bad-due-rule", "expected nothing after 'cuối kỳ báo cáo', found 'tháng'"),
        ("trước cuối kỳ", "rules.bad-due-rule", "does not say which day: the period's last day, or the day before"),
        ("before the end of the period", "rules.bad-due-rule", "does not say which day"),
    ])
    func errors(text: String, code: String, message: String) throws {
        let e = try #require(languageError { try DueRuleParser.parse(text, year: 2026) })
        #expect(e.code == code)
        #expect(e.message.en.contains(message), "\(e.message.en)")
        expectBilingual(e.message)
    }

    @Test func endOfPeriodIsTheLastDay() {
        let calendar = TestCalendar()
        #expect(DueRule.daysAfter(0).nominalDue(for: .quarter(2026, 2), calendar: calendar).iso == "2026-06-30")
        #expect(DueRule.daysAfter(0).nominalDue(for: .year(2026), calendar: calendar).iso == "2026-12-31")
        // 31/01/2026 is a Saturday.
        #expect(DueRule.daysAfter(0).due(for: .month(2026, 1), roll: true, calendar: calendar).rolled.iso == "2026-02-02")
    }

    @Test func beforeTheEndHasAHint() throws {
        let e = try #require(languageError { try DueRuleParser.parse("trước cuối kỳ", year: 2026) })
        #expect(e.hint?.en == "write 'cuối kỳ' (the period's last day), or a day such as 'trước ngày 25 tháng cuối kỳ'")
    }

    @Test func unclearMonthHasAHint() throws {
        let e = try #require(languageError { try DueRuleParser.parse("trước ngày 20 hàng quý", year: 2026) })
        #expect(e.hint?.en == "write 'trước ngày 20 tháng cuối quý' or 'trước ngày 20 tháng sau' instead of 'hàng quý'")
    }
}

/// Due dates of report periods (§4.3, §6.1): (rule, period, nominal, rolled).
@Suite struct DueDateTests {
    @Test(arguments: [
        // day N of the period's last month; the roll goes forward, also after "before"
        ("trước ngày 25 hàng tháng", "2026-06", "2026-06-24", "2026-06-24"),
        ("trước ngày 25 hàng tháng", "2026-01", "2026-01-24", "2026-01-26"),      // Saturday → Monday
        ("trước ngày 20 tháng cuối quý", "2026-Q3", "2026-09-19", "2026-09-21"),  // spec §6.1's example
        ("trước ngày 20 tháng cuối quý", "2026-Q1", "2026-03-19", "2026-03-19"),
        ("trước ngày 15 tháng cuối kỳ", "2026-H1", "2026-06-14", "2026-06-15"),   // Sunday → Monday
        ("by day 25", "2026-Q2", "2026-06-25", "2026-06-25"),
        ("ngày 25 hàng tháng", "2026-04", "2026-04-25", "2026-04-28"),             // Sat; Sun; 27/04 nghỉ bù Giỗ Tổ
        ("chậm nhất ngày 2 tháng sau", "2026-08", "2026-09-02", "2026-09-03"),     // Quốc khánh
        // day N past the month's end is its last day; before day N is N − 1, limited to the last day
        ("by day 31", "2026-02", "2026-02-28", "2026-03-02"),
        ("by day 31", "2028-02", "2028-02-29", "2028-02-29"),
        ("before day 31", "2026-06", "2026-06-30", "2026-06-30"),
        ("before day 31", "2026-02", "2026-02-28", "2026-03-02"),
        ("before day 30", "2026-02", "2026-02-28", "2026-03-02"),
        // before day 1 is the last day of the month before
        ("before day 1", "2026-06", "2026-05-31", "2026-06-01"),
        ("before day 1", "2026-01", "2025-12-31", "2025-12-31"),
        ("before day 1 of the next month", "2026-06", "2026-06-30", "2026-06-30"),
        // the month after the period, across the year end
        ("by day 5 of the next month", "2026-12", "2027-01-05", "2027-01-05"),
        ("trước ngày 10 tháng sau", "2026-Q4", "2027-01-09", "2027-01-11"),
        // calendar and working days after the period's last day
        ("within 10 days after", "2026-06", "2026-07-10", "2026-07-10"),
        ("within 15 days after", "2026-Q4", "2027-01-15", "2027-01-15"),
        ("within 5 working days after", "2026-01", "2026-02-06", "2026-02-06"),
        ("within 5 working days after", "2026-Q3", "2026-10-07", "2026-10-07"),
        ("within 1 working days after", "2026-02-13", "2026-02-23", "2026-02-23"), // across Tết
        ("within 3 working days after", "2026-08-20", "2026-08-24", "2026-08-24"), // Saturday 22/08 is a make-up working day
        // a fixed deadline is the same for every period
        ("chậm nhất ngày 31/01/2026", "2026-Q1", "2026-01-31", "2026-02-02"),
    ])
    func dueDates(rule text: String, period: String, nominal: String, rolled: String) throws {
        let rule = try DueRuleParser.parse(text, year: 2026)
        let p = try #require(PeriodParser.parse(period, defaultYear: nil))
        let cal = TestCalendar()
        #expect(rule.nominalDue(for: p, calendar: cal).iso == nominal)
        let due = rule.due(for: p, roll: true, calendar: cal)
        #expect(due.nominal.iso == nominal)
        #expect(due.rolled.iso == rolled)
        #expect(rule.due(for: p, roll: false, calendar: cal).rolled.iso == nominal)
    }

    @Test func skippedDaysSayWhy() {
        let due = DueDate.resolve(date("2026-04-25"), roll: true, calendar: TestCalendar())
        #expect(due.rolled.iso == "2026-04-28")
        #expect(due.skipped.map(\.date.iso) == ["2026-04-25", "2026-04-26", "2026-04-27"])
        #expect(due.skipped.map { $0.reason?.kind } == [nil, nil, .holiday])
    }

    @Test func everyDayCalendarNeverRolls() {
        let due = DueDate.resolve(date("2026-01-31"), roll: true, calendar: EveryDayCalendar())
        #expect(due.rolled.iso == "2026-01-31" && due.skipped.isEmpty)
    }
}
