import Foundation
import Rules

/// `check calendar [NAME] [YEAR]`: the days off and make-up working days of one year in a
/// working-day calendar, or with `--workdays-between FROM TO` the working days in a span.
/// NAME is a built-in calendar (`vn`, default), a calendar file beside the rules
/// (`calendars/NAME.json`, looked up from `--rules`, default `rules/`), or a file's path.
enum CalendarCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(long: "rules", short: "r", valueName: "PATH", repeatable: true,
                   help: LocalizedText(en: "where calendars/NAME.json is looked up (default rules/)",
                                       vi: "nơi tìm calendars/TÊN.json (mặc định rules/)")),
        OptionSpec(long: "workdays-between", valueName: "FROM TO",
                   help: LocalizedText(en: "count the working days from FROM to TO, both included",
                                       vi: "đếm số ngày làm việc từ ngày FROM đến ngày TO, tính cả hai ngày")),
        OptionSpec(long: "format", short: "f", valueName: "text|json",
                   help: LocalizedText(en: "output format (default text)", vi: "định dạng kết quả (mặc định text)")),
        OptionSpec(long: "out", short: "o", valueName: "PATH",
                   help: LocalizedText(en: "write there instead of standard output (atomically)",
                                       vi: "ghi ra tệp này thay vì đầu ra chuẩn (ghi trọn vẹn)")),
        OptionSpec(long: "lang", valueName: "en|vi",
                   help: LocalizedText(en: "language of the text (default from LANG)", vi: "ngôn ngữ (mặc định theo LANG)")),
        OptionSpec(long: "help", short: "h", help: LocalizedText(en: "show this help", vi: "hiện hướng dẫn này")),
    ]

    /// What to show, once the command line is understood.
    struct Request {
        enum Show {
            case year(Int)
            case workdays(from: CivilDate, to: CivilDate)
        }
        var calendar: String
        var show: Show
        var json: Bool
        var out: String?
        var language: Language
        var rules: [String]
    }

    static func run(_ arguments: ArraySlice<String>, console: Console, now: Date) -> Int32 {
        let early = CheckCLI.earlyLanguage(arguments, console: console)
        let request: Request
        do throws(UsageError) {
            let (rest, span) = try takeSpan(Array(arguments))
            let parsed = try ArgumentParser.parse(rest, specs: specs)
            if parsed.has("help") {
                console.out(help(try CommonOptions.language(parsed, console: console)))
                return 0
            }
            request = try Request(parsed, span: span, now: now, console: console)
        } catch {
            return CheckCLI.usage(error, console: console, language: early)
        }
        let l = request.language
        let calendar: WatchedCalendar
        let (lookup, warnings) = CalendarResolver.lookup(request.calendar, rulesPaths: request.rules, fileSystem: .local)
        switch lookup {
        case .found(let found):
            calendar = found
            CheckCLI.printDiagnostics(warnings, console: console, language: l, color: false, quiet: false)
        case .unknown(let problem):
            return CheckCLI.usage(UsageError(problem.message, hint: problem.hint), console: console, language: l)
        case .broken(let problems):
            CheckCLI.printDiagnostics(problems, console: console, language: l, color: false, quiet: false)
            let errors = problems.filter { $0.severity == .error }.count
            console.err(l == .en ? "check: the calendar has \(errors) error\(errors == 1 ? "" : "s")\n"
                                 : "check: lịch có \(errors) lỗi\n")
            return ExitStatus.cannotCheck.rawValue
        }
        let output: String
        switch request.show {
        case .year(let year):
            output = request.json ? CalendarListing.yearJSON(calendar, year: year)
                                  : CalendarListing.yearText(calendar, year: year, language: l)
        case .workdays(let from, let to):
            output = request.json ? CalendarListing.spanJSON(calendar, from: from, to: to)
                                  : CalendarListing.spanText(calendar, from: from, to: to, language: l)
        }
        CheckCLI.printDiagnostics(WatchedCalendar.notes(for: [calendar]), console: console, language: l, color: false, quiet: false)
        if let out = request.out {
            do {
                try AtomicWriter.write(Array(output.utf8), to: out)
            } catch {
                console.err(l == .en ? "check: cannot write \(error.path): \(error.reason)\n"
                                     : "check: không ghi được \(error.path): \(error.reason)\n")
                return ExitStatus.cannotCheck.rawValue
            }
        } else {
            console.out(output)
        }
        return ExitStatus.clean.rawValue
    }

    /// Takes `--workdays-between FROM TO` out of the arguments: the one option with two values.
    static func takeSpan(_ arguments: [String]) throws(UsageError) -> ([String], (String, String)?) {
        var rest: [String] = []
        var span: (String, String)? = nil
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            if arg == "--" {
                rest.append(contentsOf: arguments[i...])
                break
            }
            if arg == "--workdays-between" || arg.hasPrefix("--workdays-between=") {
                guard span == nil else {
                    throw UsageError(LocalizedText(en: "--workdays-between is given more than once",
                                                   vi: "--workdays-between được chỉ định nhiều lần"))
                }
                guard arg == "--workdays-between", i + 2 < arguments.count,
                      !arguments[i + 1].hasPrefix("-"), !arguments[i + 2].hasPrefix("-") else {
                    throw UsageError(LocalizedText(en: "--workdays-between needs two dates: --workdays-between FROM TO",
                                                   vi: "--workdays-between cần hai ngày: --workdays-between TỪ_NGÀY ĐẾN_NGÀY"),
                                     hint: LocalizedText(en: "e.g. check calendar vn --workdays-between 2026-02-10 2026-02-28",
                                                         vi: "ví dụ: check calendar vn --workdays-between 2026-02-10 2026-02-28"))
                }
                span = (arguments[i + 1], arguments[i + 2])
                i += 3
                continue
            }
            rest.append(arg)
            i += 1
        }
        return (rest, span)
    }

    static func help(_ l: Language) -> String {
        let head = l == .en ? """
        usage: check calendar [NAME] [YEAR] [OPTIONS]
               check calendar [NAME] --workdays-between FROM TO [OPTIONS]

        show the holidays, days off and make-up working days of a year in a working-day
        calendar: NAME is 'vn' (the default, built in), a calendar file beside the rules
        (calendars/NAME.json) or a calendar file's path; YEAR defaults to this year

        options:

        """ : """
        cách dùng: check calendar [TÊN] [NĂM] [TÙY_CHỌN]
                   check calendar [TÊN] --workdays-between TỪ_NGÀY ĐẾN_NGÀY [TÙY_CHỌN]

        liệt kê ngày lễ, ngày nghỉ và ngày làm bù của một năm theo lịch làm việc: TÊN là 'vn'
        (mặc định, dựng sẵn), một tệp lịch cạnh quy tắc (calendars/TÊN.json) hoặc đường dẫn
        tệp lịch; NĂM mặc định là năm nay

        tùy chọn:

        """
        let examples = l == .en ? """

        examples:
          check calendar vn 2026
          check calendar vn 2027 --format json
          check calendar tinh-x 2026 -r rules/
          check calendar vn --workdays-between 2026-02-10 2026-02-28

        """ : """

        ví dụ:
          check calendar vn 2026
          check calendar vn 2027 --format json
          check calendar tinh-x 2026 -r rules/
          check calendar vn --workdays-between 2026-02-10 2026-02-28

        """
        return head + HelpText.options(specs, l) + examples
    }
}

extension CalendarCommand.Request {
    init(_ p: ParsedArguments, span: (String, String)?, now: Date, console: Console) throws(UsageError) {
        language = try CommonOptions.language(p, console: console)
        let format = p.last("format") ?? "text"
        guard format == "text" || format == "json" else {
            throw UsageError(LocalizedText(en: "calendar --format: expected 'text' or 'json', found \(Wording.quoted(format))",
                                           vi: "calendar --format: cần 'text' hoặc 'json', nhưng gặp \(Wording.quoted(format))"),
                             hint: DidYouMean.hint(format, from: ["text", "json"]))
        }
        json = format == "json"
        out = p.last("out")
        rules = p.all("rules").isEmpty ? ["rules"] : p.all("rules")
        var name: String? = nil
        var year: Int? = nil
        for argument in p.positionals {
            if !argument.isEmpty, argument.allSatisfy(\.isASCII), argument.allSatisfy(\.isNumber) {
                guard year == nil, argument.count == 4, let y = Int(argument), y >= 1000 else {
                    throw UsageError(LocalizedText(en: year == nil ? "\(Wording.quoted(argument)) is not a year: expected four digits, e.g. 2027"
                                                                   : "more than one year given: \(Wording.quoted(argument))",
                                                   vi: year == nil ? "\(Wording.quoted(argument)) không phải là năm: cần bốn chữ số, ví dụ 2027"
                                                                   : "chỉ định nhiều hơn một năm: '\(argument)'"))
                }
                year = y
            } else {
                guard name == nil else {
                    throw UsageError(LocalizedText(en: "one calendar at a time: '\(name ?? "")' and \(Wording.quoted(argument))",
                                                   vi: "mỗi lần một lịch: '\(name ?? "")' và \(Wording.quoted(argument))"),
                                     hint: LocalizedText(en: "usage: check calendar [NAME] [YEAR]", vi: "cách dùng: check calendar [TÊN] [NĂM]"))
                }
                name = argument
            }
        }
        calendar = name ?? "vn"
        if let span {
            // A YEAR beside the span (`check calendar vn 2026 --workdays-between …`) adds
            // nothing: the dates carry their years.
            func date(_ text: String) throws(UsageError) -> CivilDate {
                guard let d = CommonOptions.fullDate(text) else {
                    throw UsageError(LocalizedText(en: "--workdays-between: cannot read \(Wording.quoted(text)) as a date",
                                                   vi: "--workdays-between: không đọc được ngày \(Wording.quoted(text))"),
                                     hint: LocalizedText(en: "write YYYY-MM-DD, e.g. 2026-02-10", vi: "ghi dạng YYYY-MM-DD, ví dụ 2026-02-10"))
                }
                return d
            }
            let from = try date(span.0), to = try date(span.1)
            guard from <= to else {
                throw UsageError(LocalizedText(en: "--workdays-between: \(from.iso) comes after \(to.iso)",
                                               vi: "--workdays-between: \(from.vietnamese) ở sau \(to.vietnamese)"),
                                 hint: LocalizedText(en: "give the earlier date first", vi: "ghi ngày trước lên trước"))
            }
            guard from.days(to: to) <= 366 * 200 else {
                throw UsageError(LocalizedText(en: "--workdays-between: the span is longer than 200 years",
                                               vi: "--workdays-between: khoảng thời gian dài hơn 200 năm"))
            }
            show = .workdays(from: from, to: to)
        } else {
            show = .year(year ?? CommonOptions.today(in: "Asia/Ho_Chi_Minh", now: now).year)
        }
    }
}

/// The text and JSON of `check calendar`.
enum CalendarListing {
    // MARK: - One year

    static func yearText(_ calendar: any WorkingCalendar, year: Int, language l: Language) -> String {
        let days = calendar.specialDays(inYear: year)
        let weekend = weekendDays(calendar).map { $0.displayName.text(l) }.joined(separator: ", ")
        let working = calendar.workingDays(from: CivilDate.firstDay(ofYear: year, month: 1),
                                           to: CivilDate.lastDay(ofYear: year, month: 12))
        var s = l == .en ? "calendar '\(calendar.name)', \(year) (weekend: \(weekend.isEmpty ? "none" : weekend))\n"
                         : "lịch '\(calendar.name)', năm \(year) (nghỉ hằng tuần: \(weekend.isEmpty ? "không có" : weekend))\n"
        if !days.isEmpty { s += "\n" + table(days, language: l) }
        let off = days.filter { $0.kind != .workday }.count
        let made = days.count - off
        s += "\n" + (l == .en
            ? "\(off) holiday\(off == 1 ? "" : "s") and days off, \(made) make-up working day\(made == 1 ? "" : "s"), \(working) working days in \(year)\n"
            : "\(off) ngày lễ và ngày nghỉ, \(made) ngày làm bù, \(working) ngày làm việc trong năm \(year)\n")
        if days.contains(where: \.provisional) { s += provisionalNote(year, language: l) }
        return s
    }

    static func yearJSON(_ calendar: any WorkingCalendar, year: Int) -> String {
        let working = calendar.workingDays(from: CivilDate.firstDay(ofYear: year, month: 1),
                                           to: CivilDate.lastDay(ofYear: year, month: 12))
        let doc: JSONValue = .object([
            ("calendar", .string(calendar.name)),
            ("year", .int(year)),
            ("weekend", .array(weekendDays(calendar).map { .string($0.name) })),
            ("workingDays", .int(working)),
            ("days", .array(calendar.specialDays(inYear: year).map(json))),
        ])
        return JSONWriter(style: .pretty).string(doc) + "\n"
    }

    // MARK: - A span of days

    static func spanText(_ calendar: any WorkingCalendar, from: CivilDate, to: CivilDate, language l: Language) -> String {
        let count = calendar.workingDays(from: from, to: to)
        let length = from.days(to: to) + 1
        var s = l == .en
            ? "calendar '\(calendar.name)': \(count) working day\(count == 1 ? "" : "s") from \(from.iso) to \(to.iso) (both included; \(length) day\(length == 1 ? "" : "s"))\n"
            : "lịch '\(calendar.name)': \(count) ngày làm việc từ \(from.vietnamese) đến \(to.vietnamese) (tính cả hai ngày; \(length) ngày)\n"
        let days = specialDays(calendar, from: from, to: to)
        if !days.isEmpty { s += "\n" + table(days, language: l) }
        if let year = days.first(where: \.provisional)?.date.year { s += "\n" + provisionalNote(year, language: l) }
        return s
    }

    static func spanJSON(_ calendar: any WorkingCalendar, from: CivilDate, to: CivilDate) -> String {
        let doc: JSONValue = .object([
            ("calendar", .string(calendar.name)),
            ("from", .string(from.iso)),
            ("to", .string(to.iso)),
            ("workingDays", .int(calendar.workingDays(from: from, to: to))),
            ("days", .array(specialDays(calendar, from: from, to: to).map(json))),
        ])
        return JSONWriter(style: .pretty).string(doc) + "\n"
    }

    // MARK: - Pieces

    static func specialDays(_ calendar: any WorkingCalendar, from: CivilDate, to: CivilDate) -> [CalendarDay] {
        (from.year...to.year).flatMap { calendar.specialDays(inYear: $0) }.filter { from <= $0.date && $0.date <= to }
    }

    /// `{"date", "kind", "name": {"vi", "en"}, "lunar"?, "provisional"?}`.
    static func json(_ day: CalendarDay) -> JSONValue {
        var o: [(String, JSONValue)] = [
            ("date", .string(day.date.iso)),
            ("kind", .string(day.kind.rawValue)),
            ("name", .object([("vi", .string(day.name.vi)), ("en", .string(day.name.en))])),
        ]
        if let lunar = day.lunar { o.append(("lunar", .string(lunar))) }
        if day.provisional { o.append(("provisional", .bool(true))) }
        return .object(o)
    }

    /// One line a day: date, weekday, kind, lunar date, name in the chosen language (and the
    /// other one when it differs), and a provisional mark.
    static func table(_ days: [CalendarDay], language l: Language) -> String {
        let en = l == .en
        let rows: [[String]] = days.map { day in
            let other = en ? day.name.vi : day.name.en
            let name = day.name.text(l) + (other == day.name.text(l) ? "" : " · " + other)
            return [en ? day.date.iso : day.date.vietnamese, Weekday(day.date).displayName.text(l), kindName(day.kind, l),
                    day.lunar ?? "", name + (day.provisional ? (en ? "  (provisional)" : "  (tạm tính)") : "")]
        }
        let header = en ? ["date", "weekday", "kind", "lunar", "name"] : ["ngày", "thứ", "loại", "âm lịch", "tên"]
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            var s = ""
            for (i, cell) in cells.enumerated() {
                s += i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
            }
            return s + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    static func kindName(_ kind: CalendarDay.Kind, _ l: Language) -> String {
        guard l == .vi else { return kind.rawValue }
        switch kind {
        case .holiday: return "nghỉ lễ"
        case .dayOff: return "nghỉ"
        case .workday: return "làm bù"
        }
    }

    static func provisionalNote(_ year: Int, language l: Language) -> String {
        l == .en
            ? "provisional: no official schedule for \(year) yet; the days follow the Labour Code 2019 (art. 111, 112) and may move when the schedule is announced\n"
            : "tạm tính: chưa có thông báo lịch nghỉ chính thức năm \(year); các ngày được tính theo Bộ luật Lao động 2019 (Điều 111, 112) và có thể thay đổi khi có thông báo\n"
    }

    /// The weekly days off, read from the calendar itself (a week of 2024 starting Monday).
    static func weekendDays(_ calendar: any WorkingCalendar) -> [Weekday] {
        let monday = CivilDate.firstDay(ofYear: 2024, month: 1)
        return (0..<7).map { monday.adding(days: $0) }.filter(calendar.isWeekend).map { Weekday($0) }
    }
}

/// The calendar files `check lint` checks besides the plans: every `calendars/*.json` in
/// a rules folder, used by a plan or not, and calendar files named on the command line.
enum CalendarLint {
    /// Splits `paths` into rules paths and calendar files (`…/calendars/NAME.json`), checks
    /// the calendars, and returns the rules paths, the calendar files read and their problems.
    static func check(_ paths: [String], fileSystem: FileSystem = .local) -> (rules: [String], calendars: [String], diagnostics: [Diagnostic]) {
        var rules: [String] = []
        var calendars: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            let parts = path.split(separator: "/")
            if path.hasSuffix(".json"), parts.count >= 2, parts[parts.count - 2] == "calendars", fileSystem.kind(of: path) == .file {
                _ = CalendarFileLoader.load(file: path, fileSystem: fileSystem, diagnostics: &diagnostics)
                calendars.append(path)
            } else {
                rules.append(path)
                if fileSystem.kind(of: path) == .directory {
                    calendars += CalendarFileLoader.checkAll(besideRules: path, fileSystem: fileSystem, diagnostics: &diagnostics)
                }
            }
        }
        return (rules, calendars, diagnostics)
    }
}
