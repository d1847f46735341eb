/// How a deadline came to be, for `check explain`: the date as written, how it was read,
/// the computed deadline, and each day the working-day roll skipped with its reason
/// ("21/02/2026 (thứ Bảy): Tết Nguyên đán (nghỉ cuối tuần)").
///
/// A text may hold several lines; continuation lines start with two spaces so that the
/// skipped days sit under the sentence that announces them.
enum DeadlineExplanation {
    /// A rule's deadline (`due`); `rolls` is the plan's `roll: next-working-day`.
    static func text(for deadline: Deadline, resolved: DueDate, calendar: any WorkingCalendar,
                     rolls: Bool = true) -> LocalizedText {
        let nominal = deadline.nominal
        var text: LocalizedText
        switch deadline.form {
        case .by:
            text = LocalizedText(en: "deadline as written: '\(deadline.written)': last day on time \(day(nominal).en)",
                                 vi: "thời hạn theo văn bản: '\(deadline.written)': hết ngày \(day(nominal).vi)")
        case .before(let written):
            text = LocalizedText(
                en: "deadline as written: '\(deadline.written)', read as the day before \(written.iso): last day on time \(day(nominal).en)",
                vi: "thời hạn theo văn bản: '\(deadline.written)', hiểu là hết ngày liền trước \(written.vietnamese): hết ngày \(day(nominal).vi)")
        case .period(let period):
            let p = Wording.period(period)
            text = LocalizedText(en: "deadline as written: '\(deadline.written)', the last day of \(p.en): \(day(nominal).en)",
                                 vi: "thời hạn theo văn bản: '\(deadline.written)', ngày cuối của \(p.vi): \(day(nominal).vi)")
        }
        let rolled = roll(resolved, calendar: calendar)
        if !rolled.en.isEmpty { text = text.appending(rolled, separator: "\n") }
        if case .before(let written) = deadline.form {
            // No statute defines "trước ngày X" (vn-calendar.md): show what the other reading gives.
            let alternative = rolls ? calendar.roll(written).date : written
            let same = alternative == resolved.rolled
            text = text.appending(LocalizedText(
                en: "no statute defines 'before' (trước ngày); read as including \(written.iso), the deadline "
                    + (same ? "is the same" : "would be \(day(alternative).en)"),
                vi: "không văn bản luật nào định nghĩa 'trước ngày'; nếu hiểu là tính cả ngày \(written.vietnamese) thì thời hạn "
                    + (same ? "vẫn như vậy" : "là \(day(alternative).vi)")), separator: "\n")
        }
        return text
    }

    /// A report's due date for one period (spec §4.3).
    static func report(period: Period, written: String, rule: DueRule, resolved: DueDate,
                       calendar: any WorkingCalendar) -> LocalizedText {
        let p = Wording.period(period)
        var text: LocalizedText
        if case .workingDaysAfter(let n) = rule {
            let span = period.end.days(to: resolved.nominal)
            let off = max(0, span - n)
            text = LocalizedText(
                en: "\(p.en): due '\(written)': working day \(n) after \(period.end.iso) is \(day(resolved.nominal).en)"
                    + (off > 0 ? "; \(off) day\(off == 1 ? "" : "s") off in between not counted" : ""),
                vi: "\(p.vi): hạn '\(written)': ngày làm việc thứ \(n) sau \(period.end.vietnamese) là \(day(resolved.nominal).vi)"
                    + (off > 0 ? "; không tính \(off) ngày nghỉ xen giữa" : ""))
            if off > 0 {
                var d = period.end.adding(days: 1)
                while d < resolved.nominal {
                    if !calendar.isWorkingDay(d) { text = text.appending(skippedLine(d, calendar: calendar), separator: "\n  ") }
                    d = d.adding(days: 1)
                }
            }
        } else {
            text = LocalizedText(en: "\(p.en): due '\(written)': \(day(resolved.nominal).en)",
                                 vi: "\(p.vi): hạn '\(written)': \(day(resolved.nominal).vi)")
        }
        let rolled = roll(resolved, calendar: calendar)
        return rolled.en.isEmpty ? text : text.appending(indented(rolled), separator: "\n  ")
    }

    /// `text` with its continuation lines indented once more, to sit under a line of its own.
    private static func indented(_ text: LocalizedText) -> LocalizedText {
        func indent(_ s: String) -> String { s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ") }
        return LocalizedText(en: indent(text.en), vi: indent(text.vi))
    }

    /// What the working-day roll did to `resolved.nominal`; empty when there is nothing to say
    /// (a working day of a calendar that covers its year).
    private static func roll(_ resolved: DueDate, calendar: any WorkingCalendar) -> LocalizedText {
        let nominal = resolved.nominal
        var lines: [LocalizedText] = []
        if !calendar.covers(year: nominal.year) {
            lines.append(LocalizedText(
                en: "calendar '\(calendar.name)' has no days off for \(nominal.year): the day is judged by the weekend alone",
                vi: "lịch '\(calendar.name)' không có ngày nghỉ của năm \(nominal.year): ngày này chỉ được xét theo ngày nghỉ cuối tuần"))
        }
        if resolved.moved {
            let count = resolved.skipped.count
            var line = LocalizedText(
                en: "not a working day in calendar '\(calendar.name)': by the Civil Code 2015, art. 148(5), the deadline moves to the next working day, \(day(resolved.rolled).en), past \(count) day\(count == 1 ? "" : "s") off:",
                vi: "không phải ngày làm việc theo lịch '\(calendar.name)': theo Điều 148 khoản 5 Bộ luật Dân sự 2015, thời hạn chuyển sang ngày làm việc tiếp theo là \(day(resolved.rolled).vi), bỏ qua \(count) ngày nghỉ:")
            for skipped in resolved.skipped {
                line = line.appending(skippedLine(skipped.date, calendar: calendar), separator: "\n  ")
            }
            lines.append(line)
        } else if !calendar.isWorkingDay(nominal) {
            lines.append(LocalizedText(
                en: "not a working day in calendar '\(calendar.name)', but the plan does not move deadlines (\"roll\": \"none\")",
                vi: "không phải ngày làm việc theo lịch '\(calendar.name)', nhưng kế hoạch không chuyển thời hạn (\"roll\": \"none\")"))
        }
        guard var text = lines.first else { return LocalizedText(verbatim: "") }
        for line in lines.dropFirst() { text = text.appending(line, separator: "\n") }
        return text
    }

    /// One day off and why: `2026-02-21 (Saturday): weekend, Lunar New Year (Tết) break` /
    /// `21/02/2026 (thứ Bảy): Tết Nguyên đán (nghỉ cuối tuần)`.
    static func skippedLine(_ date: CivilDate, calendar: any WorkingCalendar) -> LocalizedText {
        let head = day(date)
        let provisional = LocalizedText(en: ", provisional", vi: ", tạm tính")
        if let special = calendar.specialDay(date) {
            let p = special.provisional ? provisional : LocalizedText(en: "", vi: "")
            switch special.kind {
            case .holiday:
                return LocalizedText(en: "\(head.en): \(special.name.en), public holiday\(p.en)",
                                     vi: "\(head.vi): \(special.name.vi) (nghỉ lễ\(p.vi))")
            case .dayOff:
                return LocalizedText(en: "\(head.en): \(special.name.en)\(special.provisional ? " (provisional)" : "")",
                                     vi: "\(head.vi): \(special.name.vi)\(special.provisional ? " (tạm tính)" : "")")
            case .workday:
                return LocalizedText(en: "\(head.en): \(special.name.en)", vi: "\(head.vi): \(special.name.vi)")
            }
        }
        if let holiday = calendar.holidayBreak(containing: date) {
            return LocalizedText(en: "\(head.en): weekend, \(holiday.name.en) break",
                                 vi: "\(head.vi): \(holiday.name.vi) (nghỉ cuối tuần)")
        }
        return LocalizedText(en: "\(head.en): weekend", vi: "\(head.vi): nghỉ cuối tuần")
    }

    /// `2026-02-16 (Monday)` / `16/02/2026 (thứ Hai)`.
    static func day(_ date: CivilDate) -> LocalizedText {
        let weekday = Weekday(date).displayName
        return LocalizedText(en: "\(date.iso) (\(weekday.en))", vi: "\(date.vietnamese) (\(weekday.vi))")
    }
}
