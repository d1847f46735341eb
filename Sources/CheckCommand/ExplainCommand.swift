import Foundation
import Rules

/// `check explain RULE [OPTIONS] [DATA ...]`: for one rule (or report schedule) and one
/// unit, the values used, the deadline as written and as computed, the pace, and why it
/// passed or failed.
enum ExplainCommand {
    static func run(_ arguments: ArraySlice<String>, console: Console, now: Date) -> Int32 {
        let early = CheckCLI.earlyLanguage(arguments, console: console)
        let parsed: ParsedArguments
        let options: CommonOptions
        let ruleID: String
        do throws(UsageError) {
            parsed = try ArgumentParser.parse(Array(arguments), specs: CommonOptions.specs)
            if parsed.has("help") {
                console.out(HelpText.main(early))
                return 0
            }
            guard let first = parsed.positionals.first else {
                throw UsageError(LocalizedText(en: "explain needs a rule id: check explain RULE [OPTIONS] [DATA ...]",
                                               vi: "explain cần mã quy tắc: check explain MÃ_QUY_TẮC [TÙY_CHỌN] [SỐ_LIỆU ...]"))
            }
            ruleID = first
            options = try CommonOptions(parsed, console: console, positionalData: Array(parsed.positionals.dropFirst()))
        } catch {
            return CheckCLI.usage(error, console: console, language: early)
        }
        let l = options.language
        let prepared: PreparedCheck
        switch Pipeline.prepare(options, console: console, now: now) {
        case .success(let p): prepared = p
        case .failure(let code): return code.status
        }
        let plans = Engine.selectedPlans(prepared.rules, options: prepared.checkOptions)
            .filter { p in p.rules.contains { $0.id == ruleID } || p.reports.contains { $0.id == ruleID } }
        guard let plan = plans.first else {
            let all = Engine.selectedPlans(prepared.rules, options: prepared.checkOptions)
                .flatMap { $0.rules.map(\.id) + $0.reports.map(\.id) }
            return CheckCLI.usage(UsageError(LocalizedText(en: "no rule or report '\(ruleID)' in the selected plans",
                                                           vi: "không có quy tắc hay báo cáo '\(ruleID)' trong các kế hoạch đã chọn"),
                                             hint: DidYouMean.hint(ruleID, from: all)), console: console, language: l)
        }
        guard plans.count == 1 else {
            return CheckCLI.usage(UsageError(LocalizedText(en: "'\(ruleID)' is in several plans: \(plans.map(\.id).joined(separator: ", "))",
                                                           vi: "'\(ruleID)' có trong nhiều kế hoạch: \(plans.map(\.id).joined(separator: ", "))"),
                                             hint: LocalizedText(en: "choose one with --plan", vi: "chọn một kế hoạch bằng --plan")),
                                  console: console, language: l)
        }
        let units = Engine.units(of: plan, data: prepared.data.data, options: prepared.checkOptions)
        guard units.count == 1, let unit = units.first else {
            return CheckCLI.usage(UsageError(
                units.isEmpty
                    ? LocalizedText(en: "plan '\(plan.id)' binds no unit here", vi: "kế hoạch '\(plan.id)' không áp dụng cho đơn vị nào")
                    : LocalizedText(en: "plan '\(plan.id)' binds several units: \(units.prefix(10).joined(separator: ", "))\(units.count > 10 ? ", …" : "")",
                                    vi: "kế hoạch '\(plan.id)' áp dụng cho nhiều đơn vị: \(units.prefix(10).joined(separator: ", "))\(units.count > 10 ? ", …" : "")"),
                hint: LocalizedText(en: "choose one with --unit", vi: "chọn một đơn vị bằng --unit")), console: console, language: l)
        }
        var recorder = CheckRecorder(keepsPassed: true, tracing: true)
        Engine.evaluate(plan, unit: unit, rules: prepared.rules, data: prepared.data.data,
                        options: prepared.checkOptions, only: ruleID, into: &recorder)
        Pipeline.printCalendarNotes(prepared.rules, options: options, console: console)
        console.out(ExplainText.render(plan: plan, ruleID: ruleID, unit: unit, asOf: prepared.checkOptions.asOf,
                                       data: prepared.data.data, recorder: recorder, language: l))
        let violations = recorder.findings.contains { $0.severity == .violation }
        let warnings = recorder.findings.contains { $0.severity == .warning }
        return (violations || (options.strict && warnings)) ? ExitStatus.findings.rawValue : ExitStatus.clean.rawValue
    }
}

/// The text of `check explain`.
enum ExplainText {
    static func render(plan: Plan, ruleID: String, unit: String, asOf: CivilDate, data: ProgressData,
                       recorder: CheckRecorder, language l: Language) -> String {
        var s = ""
        let en = l == .en
        if let rule = plan.rules.first(where: { $0.id == ruleID }) {
            let kind = type(of: rule.kind).descriptor
            s += en ? "rule '\(rule.id)' (\(kind.shapeKey)) of plan '\(plan.id)' for unit '\(unit)', as of \(asOf.iso)\n"
                    : "quy tắc '\(rule.id)' (\(kind.shapeKey)) của kế hoạch '\(plan.id)', đơn vị '\(unit)', tính đến ngày \(asOf.vietnamese)\n"
            if let t = rule.title { s += "  \(en ? "title" : "tên"): \(t)\n" }
            if let src = rule.source { s += "  \(en ? "source" : "nguồn"): \(src)\n" }
            if let note = rule.note { s += "  \(en ? "note" : "ghi chú"): \(note)\n" }
            s += "  \(en ? "meaning" : "ý nghĩa"): \(kind.summary.text(l))\n"
            s += "  \(en ? "severity" : "mức độ"): \(rule.severity.name(l))\n"
            let series = data.series(unit: unit, indicator: rule.indicator)
            let ind = plan.indicator(rule.indicator)
            s += "\n" + (en ? "values known of '\(rule.indicator)'" : "số liệu đã biết của '\(rule.indicator)'")
            s += ind.aggregate == .sum ? (en ? " (summed over periods)" : " (cộng dồn theo kỳ)") : ""
            s += ":\n"
            if series.points.isEmpty { s += "  " + (en ? "none" : "không có") + "\n" }
            for p in series.points {
                let period = series.period(of: p)
                var value: String
                if rule.kind is TaskRule {
                    let done = CivilDate(dayNumber: Int32(p.value))
                    value = p.value.isNaN ? (en ? "not done" : "chưa xong") : (en ? "done " : "xong ") + Wording.date(done).text(l)
                } else {
                    value = Wording.quantity(p.value, ind.unit).text(l)
                }
                value += p.submitted.map { en ? ", submitted \($0.iso)" : ", nộp ngày \($0.vietnamese)" } ?? ""
                let loc = data.location(file: p.file, line: p.line)?.description ?? ""
                s += "  \(period.id)  \(value)  \(loc)\n"
            }
        } else if let schedule = plan.reports.first(where: { $0.id == ruleID }) {
            s += en ? "report schedule '\(schedule.id)' of plan '\(plan.id)' for unit '\(unit)', as of \(asOf.iso)\n"
                    : "lịch báo cáo '\(schedule.id)' của kế hoạch '\(plan.id)', đơn vị '\(unit)', tính đến ngày \(asOf.vietnamese)\n"
            if let t = schedule.title { s += "  \(en ? "title" : "tên"): \(t)\n" }
            s += "  \(en ? "due" : "hạn"): '\(schedule.dueWritten)'\n"
        }
        if let trace = recorder.trace, !trace.isEmpty {
            s += "\n" + (en ? "reasoning:" : "lập luận:") + "\n"
            for line in trace { s += "  " + line.text(l).replacingOccurrences(of: "\n", with: "\n  ") + "\n" }
        }
        s += "\n" + (en ? "checks:" : "các nội dung kiểm tra:") + "\n"
        for r in recorder.passed {
            let status = r.status == .passed ? (en ? "passed" : "đạt") : (en ? "pending" : "chưa đến hạn")
            s += "  \(status)  \(r.period ?? "-")  \(en ? "due" : "hạn") \(r.due.map { Wording.date($0).text(l) } ?? "-")  \(r.expected ?? "")\n"
        }
        for f in recorder.findings.sorted(by: Finding.canonicalOrder) {
            s += "  \(f.severity.name(l))  \(f.code.rawValue)  \(f.period ?? "-")  \(f.message.text(l))\n"
        }
        let v = recorder.findings.filter { $0.severity == .violation }.count
        let w = recorder.findings.filter { $0.severity == .warning }.count
        s += "\n" + (en ? "verdict: \(v) violation\(v == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(recorder.passedCount) passed, \(recorder.pendingCount) not yet due"
                        : "kết luận: \(v) vi phạm, \(w) cảnh báo, \(recorder.passedCount) đạt, \(recorder.pendingCount) chưa đến hạn") + "\n"
        return s
    }
}
