import Testing
@testable import Rules

@Suite struct BuiltInCalendarsTests {
    @Test func knownNames() throws {
        let vn = try BuiltInCalendars.lookup("vn")
        #expect(vn.name == "vn")
        #expect((vn as? VietnamCalendar) === BuiltInCalendars.vietnam)
        #expect(try BuiltInCalendars.lookup("none") is EveryDayCalendar)
        #expect(BuiltInCalendars.names == ["none", "vn"])
        let withCulture = BuiltInCalendars.calendar(named: "vn", options: .init(cultureDayFrom: 2026))
        #expect((withCulture as? VietnamCalendar) !== BuiltInCalendars.vietnam)
    }

    @Test func unknownNameSuggestsTheClosest() {
        #expect(throws: DiagnosticsError.self) { try BuiltInCalendars.lookup("vm") }
        do {
            _ = try BuiltInCalendars.lookup("vm", at: SourceLocation(file: "rules/plan.json", line: 4, column: 15))
        } catch {
            let diagnostic = error.diagnostics[0]
            #expect(diagnostic.code == "calendar.unknown")
            #expect(diagnostic.location?.line == 4)
            #expect(diagnostic.message.en == "unknown calendar 'vm': no calendar file of that name and no built-in one ('none', 'vn')")
            #expect(diagnostic.hint?.en == "did you mean 'vn'?")
        }
        do {
            _ = try BuiltInCalendars.lookup("thailand")
        } catch {
            #expect(error.diagnostics[0].hint?.en.contains("calendars/thailand.json") == true)
        }
    }
}
