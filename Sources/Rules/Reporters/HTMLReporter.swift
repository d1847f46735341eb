/// `html`: one self-contained page for people who would rather look than read: summary
/// cards, then per unit and plan each rule with a sparkline of its reported values against
/// the target line and milestones (inline SVG), the report schedules as a month grid (on
/// time, late, missing), and the findings. No scripts, no external assets; the markup is
/// well-formed XML (XHTML syntax), so that XML tools can read it as well as browsers.
public struct HTMLReporter: Reporter {
    public static let id = "html"
    public static let summary = LocalizedText(en: "a self-contained HTML page with progress charts and a report calendar",
                                              vi: "một trang HTML độc lập với biểu đồ tiến độ và lịch nộp báo cáo")
    public static let needsDetails = true
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let l = options.language
        let title = l == .en ? "Plan progress as of \(report.asOf.iso)"
                             : "Tiến độ thực hiện kế hoạch đến ngày \(report.asOf.vietnamese)"
        var h = ""
        h += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(l.rawValue)\" xml:lang=\"\(l.rawValue)\">\n<head>\n"
        h += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>\(Self.text(title))</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>\n"
        h += "<header>\n<h1>\(Self.text(l == .en ? "Plan progress" : "Tiến độ thực hiện kế hoạch"))</h1>\n"
        h += "<p class=\"asof\">\(Self.text(l == .en ? "as of \(report.asOf.iso)" : "Tính đến ngày \(report.asOf.vietnamese)")) · "
        h += Self.text(PeopleWording.summary(report, l)) + "</p>\n"
        h += "<div class=\"cards\">\n"
        h += Self.card(report.violations, PeopleWording.severities(.violation, l), "violation")
        h += Self.card(report.warnings, PeopleWording.severities(.warning, l), "warning")
        h += Self.card(report.passedCount, PeopleWording.status(.passed, l), "passed")
        h += Self.card(report.pendingCount, PeopleWording.status(.pending, l), "pending")
        h += "</div>\n</header>\n<main>\n"

        let sections = report.details?.sections ?? []
        let units = Set(sections.map(\.unit) + report.findings.map { $0.unit ?? "" }).sorted()
        if units.isEmpty {
            h += "<p class=\"none\">\(Self.text(l == .en ? "Nothing to show: no unit was checked." : "Không có đơn vị nào được kiểm tra."))</p>\n"
        }
        for unit in units {
            h += "<section class=\"unit\">\n<h2>\(Self.text(MarkdownReporter.unitName(unit, l)))</h2>\n"
            for section in sections where section.unit == unit {
                h += Self.plan(section, asOf: report.asOf, l)
            }
            let findings = report.findings.filter { ($0.unit ?? "") == unit }
            h += "<h3>\(Self.text(l == .en ? "Findings" : "Các phát hiện")) (\(findings.count))</h3>\n"
            if findings.isEmpty {
                h += "<p class=\"none\">\(Self.text(l == .en ? "No violations or warnings." : "Không có vi phạm hay cảnh báo nào."))</p>\n"
            } else {
                h += "<ol class=\"findings\">\n"
                for severity in Severity.allCases {
                    for f in findings where f.severity == severity { h += Self.finding(f, l) }
                }
                h += "</ol>\n"
            }
            h += "</section>\n"
        }
        h += "</main>\n<footer>\(Self.text(l == .en ? "Made by chitieu (check --format html) from the plans' rules and the reported data." : "Trang được tạo bởi chitieu (check --format html) từ quy tắc của kế hoạch và số liệu đã báo cáo."))</footer>\n"
        h += "</body>\n</html>\n"
        return .text(h)
    }

    static func card(_ n: Int, _ label: String, _ kind: String) -> String {
        "<div class=\"card \(kind)\"><b>\(n)</b><span>\(text(label))</span></div>\n"
    }

    // MARK: - A plan for one unit

    static func plan(_ s: ReportDetails.Section, asOf: CivilDate, _ l: Language) -> String {
        var h = "<div class=\"plan\">\n<h3>\(text(s.planTitle ?? s.plan)) <small>\(text(s.plan))</small></h3>\n"
        if !s.rules.isEmpty {
            h += "<table class=\"rules\">\n<thead><tr><th>\(text(l == .en ? "Rule" : "Nhiệm vụ, chỉ tiêu"))</th>"
            h += "<th>\(text(PeopleWording.Field.expected.label(l)))</th><th>\(text(l == .en ? "Progress" : "Tiến độ"))</th>"
            h += "<th>\(text(l == .en ? "Status" : "Tình trạng"))</th></tr></thead>\n<tbody>\n"
            for r in s.rules { h += rule(r, asOf: asOf, l) }
            h += "</tbody>\n</table>\n"
        }
        if !s.reports.isEmpty { h += ReportGrid.html(s.reports, l) }
        return h + "</div>\n"
    }

    static func rule(_ r: RuleProgress, asOf: CivilDate, _ l: Language) -> String {
        var h = "<tr class=\"\(r.status.rawValue)\"><td>\(text(r.title ?? r.rule))<br/><small>\(text(r.rule))</small></td>"
        var expected = text(r.expected ?? "")
        if let d = r.due { expected += "<br/><small>\(text(PeopleWording.Field.due.label(l))) \(text(PeopleWording.date(d, l)))</small></td>" }
        else { expected += "</td>" }
        h += "<td>" + expected
        h += "<td>"
        if r.shape == "task" {
            if let done = r.completed {
                h += text(l == .en ? "completed \(done.iso)" : "hoàn thành \(done.vietnamese)")
            } else {
                h += text(l == .en ? "not completed yet" : "chưa hoàn thành")
            }
        } else {
            h += Sparkline.svg(r, asOf: asOf, l)
        }
        h += "</td><td><span class=\"badge \(r.status.rawValue)\">\(text(PeopleWording.status(r.status, l)))</span></td></tr>\n"
        return h
    }

    // MARK: - Findings

    static func finding(_ f: Finding, _ l: Language) -> String {
        var h = "<li class=\"\(f.severity.rawValue)\"><span class=\"badge \(f.severity.rawValue)\">\(text(f.severity.name(l)))</span> "
        h += "<b>\(text(PeopleWording.name(f, l)))</b> · \(text(PeopleWording.code(f.code, l))) <code>\(text(f.code.rawValue))</code>"
        var facts: [String] = []
        if let p = f.period { facts.append("\(PeopleWording.Field.period.label(l)) \(PeopleWording.period(p, l))") }
        if let d = f.due { facts.append("\(PeopleWording.Field.due.label(l)) \(PeopleWording.date(d, l))") }
        if let e = f.expected { facts.append("\(PeopleWording.Field.expected.label(l)) \(e)") }
        if let a = PeopleWording.actual(f.actual, l) { facts.append("\(PeopleWording.Field.actual.label(l)) \(a)") }
        if let o = f.owner { facts.append("\(PeopleWording.Field.owner.label(l)) \(o)") }
        if !facts.isEmpty { h += "<br/><span class=\"facts\">\(text(facts.joined(separator: " · ")))</span>" }
        h += "<br/>\(text(f.message.text(l)))"
        if let hint = f.hint { h += "<br/><i>\(text(PeopleWording.Field.hint.label(l))): \(text(hint.text(l)))</i>" }
        var source: [String] = []
        if let p = f.plan, let r = f.rule { source.append("\(p)/\(r)") }
        if let loc = f.location { source.append(loc.description) }
        if !source.isEmpty { h += "<br/><small>\(text(source.joined(separator: " · ")))</small>" }
        return h + "</li>\n"
    }

    // MARK: - Escaping

    /// Text for an element or an attribute value. `&` goes first so that the entities
    /// added after it are not escaped again; control characters, which XML cannot carry
    /// even escaped, are shown as U+FFFD; line breaks become `<br/>` where `breaks` is on.
    static func text(_ s: String, breaks: Bool = true) -> String {
        var out = ""
        for c in PeopleWording.visible(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r\n", "\n", "\r": out += breaks ? "<br/>" : " "
            default: out.append(c)
            }
        }
        return out
    }

    static let style = """
    body{font-family:"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:0;background:#f4f6f8;color:#1f2933;font-size:15px;line-height:1.45}
    header{background:#0b4f6c;color:#fff;padding:20px 28px}
    h1{margin:0 0 4px;font-size:26px}
    .asof{margin:0 0 14px;opacity:.9}
    .cards{display:flex;gap:12px;flex-wrap:wrap}
    .card{background:#fff;color:#1f2933;border-radius:8px;padding:8px 16px;min-width:110px;border-top:5px solid #9aa5b1}
    .card b{display:block;font-size:28px}
    .card.violation{border-color:#c62828}.card.warning{border-color:#f0a202}.card.passed{border-color:#2e7d32}.card.pending{border-color:#9aa5b1}
    main{padding:8px 28px 24px}
    section.unit{background:#fff;border-radius:10px;padding:4px 20px 16px;margin:18px 0;box-shadow:0 1px 3px rgba(0,0,0,.12)}
    h2{font-size:21px;border-bottom:2px solid #e4e7eb;padding-bottom:4px}
    h3{font-size:17px;margin:18px 0 8px}
    h3 small,td small{color:#616e7c;font-weight:normal}
    table{border-collapse:collapse;width:100%;margin:6px 0 10px}
    th,td{border-bottom:1px solid #e4e7eb;padding:6px 8px;text-align:left;vertical-align:middle}
    th{background:#f0f4f8;font-weight:600;font-size:13px}
    th::first-letter{text-transform:uppercase}
    tr.violation td:first-child{border-left:4px solid #c62828}
    tr.warning td:first-child{border-left:4px solid #f0a202}
    tr.passed td:first-child{border-left:4px solid #2e7d32}
    tr.pending td:first-child{border-left:4px solid #cbd2d9}
    .badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;background:#9aa5b1;white-space:nowrap}
    .badge.violation{background:#c62828}.badge.warning{background:#d48a00}.badge.passed{background:#2e7d32}
    svg.spark{display:block}
    table.grid{width:auto}
    table.grid td{width:34px;height:26px;text-align:center;font-weight:700;border:2px solid #fff;border-radius:4px;padding:0}
    table.grid th{font-size:12px;text-align:center}
    table.grid th.name{text-align:left;min-width:140px}
    td.on-time{background:#c8e6c9;color:#1b5e20}td.late{background:#ffe0b2;color:#a84300}td.missing{background:#ffcdd2;color:#b71c1c}
    td.due-soon{background:#fff3c4;color:#8d6e00}td.not-due{background:#f0f4f8;color:#9aa5b1}td.gap{background:transparent}
    td.incomplete{outline:2px dashed #b71c1c;outline-offset:-4px}
    .legend{font-size:12px;color:#52606d}.legend span{display:inline-block;padding:0 8px;margin-right:6px;border-radius:4px}
    ol.findings{padding-left:22px}
    ol.findings li{margin:0 0 10px;padding:6px 10px;border-left:4px solid #9aa5b1;background:#fafbfc}
    ol.findings li.violation{border-color:#c62828}ol.findings li.warning{border-color:#f0a202}
    .facts{color:#52606d;font-size:13px}
    code{background:#f0f4f8;padding:0 4px;border-radius:3px;font-size:12px}
    .none{color:#52606d}
    footer{color:#7b8794;font-size:12px;padding:0 28px 24px}

    """
}
