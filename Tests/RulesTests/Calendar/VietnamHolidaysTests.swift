import Testing
@testable import Rules

private func day(_ iso: String) throws -> CivilDate {
    try #require(CivilDate.parseISO(Substring(iso)), "bad test date \(iso)")
}

@Suite struct VietnamHolidaysTests {
    let statutory = VietnamHolidays()

    /// The default day next to 2/9 reproduces every announcement since the 2019 Code.
    @Test(arguments: [
        (2021, ["2021-09-02", "2021-09-03"]),
        (2022, ["2022-09-01", "2022-09-02"]),
        (2023, ["2023-09-01", "2023-09-02", "2023-09-04"]),
        (2024, ["2024-09-02", "2024-09-03"]),
        (2025, ["2025-09-01", "2025-09-02"]),
        (2026, ["2026-09-01", "2026-09-02"]),
        (2029, ["2029-09-02", "2029-09-03", "2029-09-04"]),  // Sunday: 3/9 joined, Tuesday in lieu
    ])
    func nationalDayBlock(year: Int, expected: [String]) {
        let september = statutory.days(inYear: year).filter { $0.date.month == 9 }
        #expect(september.map(\.date.iso) == expected)
    }

    /// Apart from its swaps, the 2026 announcement is what the defaults compute.
    @Test func defaultsReproduce2026() throws {
        let announced = try #require(VietnamSchedules.days(inYear: 2026))
        let computed = statutory.days(inYear: 2026)
        let swapNames = announced.filter { $0.kind == .workday || $0.name.vi.hasPrefix("Nghỉ hoán đổi") }
        let expected = announced.filter { day in !swapNames.contains { $0.date == day.date } }
        #expect(computed.map(\.date) == expected.map(\.date))
        #expect(computed.map(\.kind) == expected.map(\.kind))
        #expect(computed.map(\.lunar) == expected.map(\.lunar))
        #expect(computed.allSatisfy { $0.provisional })
    }

    /// Tết 2025 computed (not announced): mùng 4 on Saturday 1/2 gives Monday 3/2 off.
    @Test func tetBlockWithWeekend() throws {
        let from = try day("2025-01-28"), to = try day("2025-02-10")
        let february = statutory.days(inYear: 2025).filter { $0.date >= from && $0.date <= to }
        #expect(february.map(\.date.iso) == ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-03"])
        #expect(february.last?.kind == .dayOff)
        #expect(february.last?.name == VietnamHolidays.compensatory(for: VietnamHolidays.tet))
    }

    /// A weekend New Year's Day gives the Monday; a Saturday 30/4 and Sunday 1/5 give Monday and Tuesday.
    @Test func compensatoryDays() {
        let y2022 = statutory.days(inYear: 2022).filter { $0.kind == .dayOff }.map(\.date.iso)
        #expect(y2022.contains("2022-01-03"))  // 1/1/2022 was a Saturday
        let y2033 = statutory.days(inYear: 2033).filter { $0.date.month == 5 || $0.date.month == 4 && $0.date.day >= 29 }
        #expect(y2033.map(\.date.iso) == ["2033-04-30", "2033-05-01", "2033-05-02", "2033-05-03"])
        #expect(y2033.map(\.kind) == [.holiday, .holiday, .dayOff, .dayOff])
    }

    /// 10/3 âm lịch fell on 30/4 in 1947: one day carrying both names.
    @Test func coincidingHolidaysShareTheDay() throws {
        let day3004 = try #require(statutory.days(inYear: 1947).first { $0.date.iso == "1947-04-30" })
        #expect(day3004.name.vi == "Giỗ Tổ Hùng Vương; Ngày Chiến thắng")
        #expect(day3004.lunar == "10/3")
        #expect(statutory.days(inYear: 1947).filter { $0.date.iso == "1947-04-30" }.count == 1)
    }

    @Test(arguments: 1900...2100)
    func everyYearIsWellFormed(year: Int) {
        let days = statutory.days(inYear: year)
        #expect(days.allSatisfy { $0.date.year == year })
        #expect(zip(days, days.dropFirst()).allSatisfy { $0.date < $1.date })
        #expect(days.filter { $0.kind == .holiday && $0.name == VietnamHolidays.tet }.count == 5)
        #expect(days.allSatisfy { $0.kind != .dayOff || Weekday($0.date) < .saturday })
        // Eleven statutory days; a weekend holiday adds a day in lieu (1947 merges two).
        let weekendHolidays = days.filter { $0.kind == .holiday && Weekday($0.date) >= .saturday }.count
        #expect(days.filter { $0.kind == .dayOff }.count == weekendHolidays)
        #expect(days.filter { $0.kind == .holiday }.count == (year == 1947 ? 10 : 11))
    }
}
