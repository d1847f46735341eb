import Foundation
import Testing
@testable import Rules

/// The error `body` throws, or nil when it succeeds.
func languageError<T>(_ body: () throws -> T) -> LanguageError? {
    do {
        _ = try body()
        return nil
    } catch let error as LanguageError {
        return error
    } catch {
        Issue.record("not a LanguageError: \(error)")
        return nil
    }
}

/// The same text in decomposed Unicode, as one seed plan stores its Vietnamese.
func nfd(_ s: String) -> String { s.decomposedStringWithCanonicalMapping }

/// Both languages of a message say something, and differ (a forgotten translation would not).
func expectBilingual(_ text: LocalizedText, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(!text.en.isEmpty, sourceLocation: sourceLocation)
    #expect(!text.vi.isEmpty, sourceLocation: sourceLocation)
    #expect(text.en != text.vi, sourceLocation: sourceLocation)
    #expect(!text.en.hasSuffix("."), sourceLocation: sourceLocation)
    #expect(text.en.first.map { !$0.isUppercase } ?? true, sourceLocation: sourceLocation)
}

func date(_ iso: String) -> CivilDate {
    guard let d = CivilDate.parseISO(Substring(iso)) else { fatalError("bad test date \(iso)") }
    return d
}

/// Saturdays and Sundays off, plus Vietnam's 2026 days off and make-up days (enough of
/// them to exercise the roll).
struct TestCalendar: WorkingCalendar {
    var name: String { "test" }
    let days: [CivilDate: CalendarDay]

    init() {
        var days: [CivilDate: CalendarDay] = [:]
        for d in ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                  "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"] {
            days[date(d)] = CalendarDay(date: date(d), kind: .holiday, name: LocalizedText(verbatim: "holiday \(d)"))
        }
        for d in ["2026-01-10", "2026-08-22"] {
            days[date(d)] = CalendarDay(date: date(d), kind: .workday, name: LocalizedText(verbatim: "làm bù \(d)"))
        }
        self.days = days
    }

    func covers(year: Int) -> Bool { year == 2026 }
    func isWeekend(_ date: CivilDate) -> Bool { date.isoWeekday >= 6 }
    func specialDay(_ date: CivilDate) -> CalendarDay? { days[date] }
    func specialDays(inYear year: Int) -> [CalendarDay] { days.values.filter { $0.date.year == year }.sorted { $0.date < $1.date } }
}
