import Foundation
import Rules

/// `check template --plan P --unit U --period 2026-06`: writes the CSV a unit must fill in
/// for one report (`ReportTemplate`). Exit 0 written, 2 rules unreadable or I/O error, 64
/// bad usage.
enum TemplateCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(long: "rules", short: "r", valueName: "PATH", repeatable: true,
                   help: LocalizedText(en: "rules file or folder, repeatable (default rules/)", vi: "tệp hoặc thư mục quy tắc, dùng nhiều lần được (mặc định rules/)")),
        OptionSpec(long: "plan", valueName: "P",
                   help: LocalizedText(en: "the plan (needed when the rules hold several)", vi: "kế hoạch (cần khi có nhiều kế hoạch)")),
        OptionSpec(long: "unit", valueName: "U",
                   help: LocalizedText(en: "the unit that reports (needed when the plan binds several)", vi: "đơn vị báo cáo (cần khi kế hoạch áp dụng cho nhiều đơn vị)")),
        OptionSpec(long: "period", valueName: "PERIOD",
                   help: LocalizedText(en: "the period reported: 2026-06, 2026-Q2, quý II/2026, tháng 6/2026, …", vi: "kỳ báo cáo: 2026-06, 2026-Q2, quý II/2026, tháng 6/2026, …")),
        OptionSpec(long: "report", valueName: "ID",
                   help: LocalizedText(en: "the report schedule (needed when several cover the period)", vi: "lịch báo cáo (cần khi nhiều báo cáo cùng kỳ)")),
        OptionSpec(long: "out", short: "o", valueName: "PATH",
                   help: LocalizedText(en: "write there instead of standard output (atomically)", vi: "ghi ra tệp này thay vì đầu ra chuẩn (ghi trọn vẹn)")),
        OptionSpec(long: "lang", valueName: "en|vi",
                   help: LocalizedText(en: "language of the comment column and messages", vi: "ngôn ngữ của cột ghi chú và thông báo")),
        OptionSpec(long: "numbers", valueName: "c|vi",
                   help: LocalizedText(en: "number style the file will be checked with (vi: 1.600,5)", vi: "kiểu số khi kiểm tra tệp (vi: 1.600,5)")),
        OptionSpec(long: "help", short: "h", help: LocalizedText(en: "show this help", vi: "hiện hướng dẫn này")),
    ]

    static func run(_ arguments: ArraySlice<String>, console: Console, now: Date) -> Int32 {
        let early = CheckCLI.earlyLanguage(arguments, console: console)
        let parsed: ParsedArguments
        let language: Language
        let numbers: DataNumberStyle
        do throws(UsageError) {
            parsed = try ArgumentParser.parse(Array(arguments), specs: specs)
            language = try CommonOptions.language(parsed, console: console)
            switch parsed.last("numbers") ?? "c" {
            case "c", "en": numbers = .c
            case "vi": numbers = .vi
            case let other:
                throw UsageError(LocalizedText(en: "--numbers: expected 'c' or 'vi', found \(Wording.quoted(other))",
                                               vi: "--numbers: cần 'c' hoặc 'vi', nhưng gặp \(Wording.quoted(other))"))
            }
            if let extra = parsed.positionals.first {
                throw UsageError(LocalizedText(en: "template takes no arguments, found \(Wording.quoted(extra))", vi: "template không nhận đối số, nhưng gặp \(Wording.quoted(extra))"),
                                 hint: LocalizedText(en: "give the rules with --rules", vi: "chỉ định quy tắc bằng --rules"))
            }
        } catch {
            return CheckCLI.usage(error, console: console, language: early)
        }
        if parsed.has("help") {
            console.out(help(language))
            return 0
        }
        let l = language
        let loaded = RulesLoader.load(paths: parsed.all("rules").isEmpty ? ["rules"] : parsed.all("rules"))
        CheckCLI.printDiagnostics(loaded.diagnostics, console: console, language: l, color: false, quiet: false)
        guard let rules = loaded.rules else {
            console.err(l == .en ? "check: the rules have errors; no template was written\n"
                                 : "check: quy tắc có lỗi; chưa tạo biểu mẫu\n")
            return ExitStatus.cannotCheck.rawValue
        }
        let template: ReportTemplate
        do throws(UsageError) {
            let plan = try choosePlan(parsed.last("plan"), rules: rules)
            let unit = try chooseUnit(parsed.last("unit"), plan: plan)
            guard let text = parsed.last("period") else {
                throw UsageError(LocalizedText(en: "template needs --period, e.g. --period 2026-06", vi: "template cần --period, ví dụ --period 2026-06"))
            }
            let period: Period
            do throws(LanguageError) {
                period = try PeriodParser.parseOrThrow(text, defaultYear: plan.year)
            } catch {
                throw UsageError(LocalizedText(en: "--period: \(error.message.en)", vi: "--period: \(error.message.vi)"), hint: error.hint)
            }
            let schedule: ReportSchedule
            do throws(ReportTemplate.Failure) {
                schedule = try ReportTemplate.schedule(parsed.last("report"), plan: plan, unit: unit, period: period)
            } catch {
                throw UsageError(error.message, hint: error.hint)
            }
            template = ReportTemplate(plan: plan, schedule: schedule, unit: unit, period: period,
                                      calendar: rules.calendar(for: plan), language: l, numbers: numbers)
        } catch {
            return CheckCLI.usage(error, console: console, language: l)
        }
        let csv = template.csv
        if let out = parsed.last("out") {
            do {
                try AtomicWriter.write(Array(csv.utf8), to: out)
            } catch {
                console.err(l == .en ? "check: cannot write \(error.path): \(error.reason)\n"
                                     : "check: không ghi được \(error.path): \(error.reason)\n")
                return ExitStatus.cannotCheck.rawValue
            }
        } else {
            console.out(csv)
        }
        return 0
    }

    static func choosePlan(_ id: String?, rules: RuleSet) throws(UsageError) -> Plan {
        let ids = rules.plans.map(\.id)
        if let id {
            guard let plan = rules.plans.first(where: { $0.id == id }) else {
                throw UsageError(LocalizedText(en: "--plan: no plan \(Wording.quoted(id)) in the rules", vi: "--plan: không có kế hoạch \(Wording.quoted(id)) trong quy tắc"),
                                 hint: DidYouMean.hint(id, from: ids))
            }
            return plan
        }
        guard rules.plans.count == 1, let only = rules.plans.first else {
            throw UsageError(LocalizedText(en: "the rules hold several plans: \(ids.joined(separator: ", "))",
                                           vi: "quy tắc có nhiều kế hoạch: \(ids.joined(separator: ", "))"),
                             hint: LocalizedText(en: "choose one with --plan", vi: "chọn một kế hoạch bằng --plan"))
        }
        return only
    }

    static func chooseUnit(_ id: String?, plan: Plan) throws(UsageError) -> String {
        let listed: [String]
        switch plan.units {
        case .listed(let l): listed = l
        case .everyUnitInData: listed = []
        }
        if let id {
            guard Loading.isUnitSlug(id) else {
                throw UsageError(LocalizedText(en: "--unit: \(Wording.quoted(id)) is not a unit slug (lower-case letters without accents, digits and '-')",
                                               vi: "--unit: \(Wording.quoted(id)) không phải mã đơn vị (chữ thường không dấu, số và '-')"))
            }
            guard plan.binds(unit: id) else {
                throw UsageError(LocalizedText(en: "--unit: plan '\(plan.id)' does not bind unit \(Wording.quoted(id))",
                                               vi: "--unit: kế hoạch '\(plan.id)' không áp dụng cho đơn vị \(Wording.quoted(id))"),
                                 hint: DidYouMean.hint(id, from: listed))
            }
            return id
        }
        guard listed.count == 1, let only = listed.first else {
            throw UsageError(LocalizedText(en: "template needs --unit: plan '\(plan.id)' binds \(listed.isEmpty ? "every unit in the data" : listed.joined(separator: ", "))",
                                           vi: "template cần --unit: kế hoạch '\(plan.id)' áp dụng cho \(listed.isEmpty ? "mọi đơn vị có số liệu" : listed.joined(separator: ", "))"))
        }
        return only
    }

    static func help(_ l: Language) -> String {
        let head = l == .en
            ? "usage: check template --period PERIOD [--plan P] [--unit U] [--report ID] [OPTIONS]\n\nwrite the CSV a unit fills in for one report: one row per indicator the report must contain and per task due in the period\n\noptions:\n"
            : "cách dùng: check template --period KỲ [--plan KH] [--unit ĐV] [--report MÃ] [TÙY_CHỌN]\n\nghi tệp CSV mà đơn vị điền cho một báo cáo: mỗi chỉ tiêu bắt buộc và mỗi nhiệm vụ đến hạn trong kỳ là một dòng\n\ntùy chọn:\n"
        let example = l == .en
            ? "\nexample:\n  check template -r rules/ --plan thuy-hung-2026 --unit thuy-hung --period 2026-06 --out 2026-06.csv\n"
            : "\nví dụ:\n  check template -r rules/ --plan thuy-hung-2026 --unit thuy-hung --period 'tháng 6/2026' --lang vi --out 2026-06.csv\n"
        return head + HelpText.options(specs, l) + example
    }
}
