import Foundation
import Rules

/// `check lint [RULES ...]`: validate rules files and the calendars they use, without
/// data. Exit 0 clean, 1 problems found, 2 unreadable.
enum LintCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(long: "rules", short: "r", valueName: "PATH", repeatable: true,
                   help: LocalizedText(en: "rules file or folder (also as arguments; default rules/)", vi: "tệp hoặc thư mục quy tắc (mặc định rules/)")),
        OptionSpec(long: "format", short: "f", valueName: "text|json",
                   help: LocalizedText(en: "how to print the problems", vi: "định dạng in các vấn đề")),
        OptionSpec(long: "lang", valueName: "en|vi", help: LocalizedText(en: "language of messages", vi: "ngôn ngữ thông báo")),
        OptionSpec(long: "no-color", help: LocalizedText(en: "no colour", vi: "không tô màu")),
        OptionSpec(long: "quiet", short: "q", help: LocalizedText(en: "print only problems", vi: "chỉ in các vấn đề")),
        OptionSpec(long: "help", short: "h", help: LocalizedText(en: "show this help", vi: "hiện hướng dẫn này")),
    ]

    static func run(_ arguments: ArraySlice<String>, console: Console, now: Date) -> Int32 {
        let early = CheckCLI.earlyLanguage(arguments, console: console)
        let parsed: ParsedArguments
        let language: Language
        do throws(UsageError) {
            parsed = try ArgumentParser.parse(Array(arguments), specs: specs)
            language = try CommonOptions.language(parsed, console: console)
            if let f = parsed.last("format"), f != "text", f != "json" {
                throw UsageError(LocalizedText(en: "lint --format: expected 'text' or 'json', found \(Wording.quoted(f))",
                                               vi: "lint --format: cần 'text' hoặc 'json', nhưng gặp \(Wording.quoted(f))"),
                                 hint: DidYouMean.hint(f, from: ["text", "json"]))
            }
        } catch {
            return CheckCLI.usage(error, console: console, language: early)
        }
        if parsed.has("help") {
            let head = language == .en ? "usage: check lint [RULES ...] [OPTIONS]\n\nvalidate rules files and calendars without data; exit 0 clean, 1 problems found, 2 unreadable\n\noptions:\n"
                : "cách dùng: check lint [QUY_TẮC ...] [TÙY_CHỌN]\n\nkiểm tra tệp quy tắc và lịch khi chưa có số liệu; mã thoát 0 hợp lệ, 1 có lỗi, 2 không đọc được\n\ntùy chọn:\n"
            console.out(head + HelpText.options(specs, language))
            return 0
        }
        let paths = parsed.positionals + parsed.all("rules")
        let calendars = CalendarLint.check(paths.isEmpty ? ["rules"] : paths)
        let loaded = calendars.rules.isEmpty ? nil : RulesLoader.load(paths: calendars.rules)
        // A calendar a plan uses was checked twice: once for the plan, once in calendars/.
        let seen = Set(loaded?.diagnostics ?? [])
        let diagnostics = ((loaded?.diagnostics ?? []) + Set(calendars.diagnostics).subtracting(seen)).sorted()
        let files = loaded?.files.count ?? 0
        // Every calendar file checked, once: those given or found in calendars/ and those
        // the plans use (also when reached through a single rules file).
        let calendarCount = Set((calendars.calendars + (loaded?.calendarFiles ?? [])).map(RulesLoader.samePath)).count
        let unreadable = diagnostics.contains { $0.code == "rules.unreadable" || $0.code == "rules.no-files" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if parsed.last("format") == "json" {
            let items: [JSONValue] = diagnostics.map { d in
                var o: [(String, JSONValue)] = [("severity", .string(d.severity.rawValue)), ("code", .string(d.code)),
                                                ("message", .string(d.message.text(language)))]
                if let h = d.hint { o.append(("hint", .string(h.text(language)))) }
                if let l = d.location { o.append(("location", l.jsonValue)) }
                return .object(o)
            }
            let doc: JSONValue = .object([("files", .int(files)), ("calendars", .int(calendarCount)),
                                          ("errors", .int(errors)),
                                          ("diagnostics", .array(items))])
            console.out(JSONWriter(style: .pretty).string(doc) + "\n")
        } else {
            let color = !parsed.has("no-color") && console.outputIsTerminal && (console.environment["NO_COLOR"] ?? "").isEmpty
            CheckCLI.printDiagnostics(diagnostics, console: console, language: language, color: color,
                                      quiet: parsed.has("quiet"))
            if !parsed.has("quiet") {
                let plans = loaded?.rules?.plans.count ?? 0
                let rules = loaded?.rules?.plans.reduce(0) { $0 + $1.rules.count } ?? 0
                let reports = loaded?.rules?.plans.reduce(0) { $0 + $1.reports.count } ?? 0
                let n = calendarCount
                let counted = n == 0 ? "" : language == .en ? ", \(n) calendar\(n == 1 ? "" : "s")" : ", \(n) lịch"
                console.out(errors == 0
                    ? (language == .en ? "\(files) files, \(plans) plans, \(rules) rules, \(reports) report schedules\(counted): no problems\n"
                                       : "\(files) tệp, \(plans) kế hoạch, \(rules) quy tắc, \(reports) lịch báo cáo\(counted): không có lỗi\n")
                    : (language == .en ? "\(files) files: \(errors) error\(errors == 1 ? "" : "s")\n"
                                       : "\(files) tệp: \(errors) lỗi\n"))
            }
        }
        if unreadable { return ExitStatus.cannotCheck.rawValue }
        return errors > 0 ? 1 : 0
    }
}
