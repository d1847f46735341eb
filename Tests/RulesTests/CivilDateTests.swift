import Testing
@testable import Rules

@Suite struct CivilDateTests {
    @Test(arguments: [
        (1970, 1, 1, Int32(0), 4), (2026, 1, 31, Int32(20484), 6), (2000, 2, 29, Int32(11016), 2),
        (1900, 1, 1, Int32(-25567), 1), (2100, 12, 31, Int32(47846), 5),
    ])
    func roundTrip(y: Int, m: Int, d: Int, n: Int32, weekday: Int) throws {
        let date = try #require(CivilDate(year: y, month: m, day: d))
        #expect(date.dayNumber == n)
        #expect(date.components == (y, m, d))
        #expect(date.isoWeekday == weekday)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-10", "26-01-10", "2026/01/10", "2026-04-31"])
    func invalidISO(text: String) {
        #expect(CivilDate.parseISO(Substring(text)) == nil)
    }

    @Test func everyDayRoundTrips() {
        for n in Int32(-30000)...Int32(50000) {
            let c = CivilDate(dayNumber: n).components
            #expect(CivilDate(year: c.year, month: c.month, day: c.day)?.dayNumber == n)
        }
    }
}

extension CivilDateTests {
    @Test(arguments: [
        (2026, 1, 31, "2026-01-31", "31/01/2026"), (1, 1, 1, "0001-01-01", "01/01/0001"),
        (9999, 12, 31, "9999-12-31", "31/12/9999"), (1968, 10, 5, "1968-10-05", "05/10/1968"),
    ])
    func writtenForms(y: Int, m: Int, d: Int, iso: String, vietnamese: String) throws {
        let date = try #require(CivilDate(year: y, month: m, day: d))
        #expect(date.iso == iso)
        #expect(date.vietnamese == vietnamese)
        #expect(CivilDate.parseISO(Substring(iso)) == date)
    }
}
