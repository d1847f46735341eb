import Testing
@testable import Rules

private func day(_ iso: String) throws -> CivilDate {
    try #require(CivilDate.parseISO(Substring(iso)), "bad test date \(iso)")
}

/// What `check explain` says about a deadline, line by line, in both languages.
@Suite struct DeadlineExplanationTests {
    let vn = BuiltInCalendars.vietnam

    private func explain(_ deadline: Deadline, rolls: Bool = true, calendar: (any WorkingCalendar)? = nil) -> LocalizedText {
        let calendar = calendar ?? vn
        return DeadlineExplanation.text(for: deadline, resolved: DueDate.resolve(deadline.nominal, roll: rolls, calendar: calendar),
                                        calendar: calendar, rolls: rolls)
    }

    @Test func aDeadlineInTetListsEveryDaySkipped() throws {
        let text = explain(Deadline(nominal: try day("2026-02-18"), form: .by, written: "chậm nhất ngày 18/02/2026"))
        #expect(text.vi.split(separator: "\n") == [
            "thời hạn theo văn bản: 'chậm nhất ngày 18/02/2026': hết ngày 18/02/2026 (thứ Tư)",
            "không phải ngày làm việc theo lịch 'vn': theo Điều 148 khoản 5 Bộ luật Dân sự 2015, thời hạn chuyển sang ngày làm việc tiếp theo là 23/02/2026 (thứ Hai), bỏ qua 5 ngày nghỉ:",
            "  18/02/2026 (thứ Tư): Tết Nguyên đán (nghỉ lễ)",
            "  19/02/2026 (thứ Năm): Tết Nguyên đán (nghỉ lễ)",
            "  20/02/2026 (thứ Sáu): Tết Nguyên đán (nghỉ lễ)",
            "  21/02/2026 (thứ Bảy): Tết Nguyên đán (nghỉ cuối tuần)",
            "  22/02/2026 (Chủ nhật): Tết Nguyên đán (nghỉ cuối tuần)",
        ])
        #expect(text.en.split(separator: "\n") == [
            "deadline as written: 'chậm nhất ngày 18/02/2026': last day on time 2026-02-18 (Wednesday)",
            "not a working day in calendar 'vn': by the Civil Code 2015, art. 148(5), the deadline moves to the next working day, 2026-02-23 (Monday), past 5 days off:",
            "  2026-02-18 (Wednesday): Lunar New Year (Tết), public holiday",
            "  2026-02-19 (Thursday): Lunar New Year (Tết), public holiday",
            "  2026-02-20 (Friday): Lunar New Year (Tết), public holiday",
            "  2026-02-21 (Saturday): weekend, Lunar New Year (Tết) break",
            "  2026-02-22 (Sunday): weekend, Lunar New Year (Tết) break",
        ])
    }

    @Test func giotoOnSundayAndItsDayInLieu() throws {
        let text = explain(Deadline(nominal: try day("2026-04-26"), form: .by, written: "26/04/2026"))
        #expect(text.vi.contains("là 28/04/2026 (thứ Ba), bỏ qua 2 ngày nghỉ:"))
        #expect(text.vi.hasSuffix("\n  26/04/2026 (Chủ nhật): Giỗ Tổ Hùng Vương (nghỉ lễ)\n  27/04/2026 (thứ Hai): Nghỉ bù Giỗ Tổ Hùng Vương"))
        #expect(text.en.hasSuffix("\n  2026-04-27 (Monday): Day off in lieu of Hùng Kings' Commemoration Day"))
    }

    @Test func swappedFridayAndMakeUpSaturday() throws {
        let friday = explain(Deadline(nominal: try day("2026-01-02"), form: .by, written: "2026-01-02"))
        #expect(friday.vi.contains("\n  02/01/2026 (thứ Sáu): Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026\n"))
        #expect(friday.vi.hasSuffix("\n  04/01/2026 (Chủ nhật): Tết Dương lịch (nghỉ cuối tuần)"))
        let saturday = explain(Deadline(nominal: try day("2026-01-10"), form: .by, written: "10/01/2026"))
        #expect(saturday.en == "deadline as written: '10/01/2026': last day on time 2026-01-10 (Saturday)")
    }

    @Test func beforeShowsTheOtherReading() throws {
        let before = Deadline(nominal: try day("2026-02-02"), form: .before(written: try day("2026-02-03")), written: "trước ngày 03/02/2026")
        #expect(explain(before).en.split(separator: "\n") == [
            "deadline as written: 'trước ngày 03/02/2026', read as the day before 2026-02-03: last day on time 2026-02-02 (Monday)",
            "no statute defines 'before' (trước ngày); read as including 2026-02-03, the deadline would be 2026-02-03 (Tuesday)",
        ])
        // "trước ngày 23/02/2026": 22/02 is in the Tết break, so both readings give 23/02.
        let tet = Deadline(nominal: try day("2026-02-22"), form: .before(written: try day("2026-02-23")), written: "trước ngày 23/02/2026")
        #expect(explain(tet).vi.hasSuffix("nếu hiểu là tính cả ngày 23/02/2026 thì thời hạn vẫn như vậy"))
    }

    @Test func noRollSaysSo() throws {
        let text = explain(Deadline(nominal: try day("2026-02-18"), form: .by, written: "2026-02-18"), rolls: false)
        #expect(text.en.split(separator: "\n").last == "not a working day in calendar 'vn', but the plan does not move deadlines (\"roll\": \"none\")")
    }

    @Test func periodDeadline() throws {
        let q3 = try PeriodParser.parseOrThrow("quý III/2026", defaultYear: 2026)
        let text = explain(Deadline(nominal: q3.end, form: .period(q3), written: "quý III/2026"))
        #expect(text.vi == "thời hạn theo văn bản: 'quý III/2026', ngày cuối của quý III/2026: 30/09/2026 (thứ Tư)")
    }

    @Test func aYearTheCalendarDoesNotCover() throws {
        let text = explain(Deadline(nominal: try day("2101-01-01"), form: .by, written: "2101-01-01"))
        #expect(text.en.split(separator: "\n")[1] == "calendar 'vn' has no days off for 2101: the day is judged by the weekend alone")
        #expect(text.en.contains("2101-01-03 (Monday)"))
    }

    /// `within 3 working days after` a period ending on the Friday before Tết.
    @Test func workingDaysAfterAPeriodAcrossTet() throws {
        let period = try PeriodParser.parseOrThrow("2026-02-13", defaultYear: 2026)
        let rule = DueRule.workingDaysAfter(3)
        let due = rule.due(for: period, roll: true, calendar: vn)
        #expect(due.rolled == (try day("2026-02-25")))
        let text = DeadlineExplanation.report(period: period, written: "within 3 working days after", rule: rule,
                                              resolved: due, calendar: vn)
        let lines = text.en.split(separator: "\n")
        #expect(lines.first == "2026-02-13: due 'within 3 working days after': working day 3 after 2026-02-13 is 2026-02-25 (Wednesday); 9 days off in between not counted")
        #expect(lines.count == 10)
        #expect(lines[1] == "  2026-02-14 (Saturday): weekend, Lunar New Year (Tết) break")
        #expect(lines[9] == "  2026-02-22 (Sunday): weekend, Lunar New Year (Tết) break")
        #expect(text.vi.hasPrefix("ngày 13/02/2026: hạn 'within 3 working days after': ngày làm việc thứ 3 sau 13/02/2026 là 25/02/2026 (thứ Tư); không tính 9 ngày nghỉ xen giữa"))
    }
}
