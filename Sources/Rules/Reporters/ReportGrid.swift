/// Report schedules as a month grid: a row per schedule, a column per month of the plan
/// year; a quarterly report spans its three months. Periods that overlap (an explicit
/// list such as Q1, H1, 9M and the year) go on further rows of the same schedule.
enum ReportGrid {
    struct Placed {
        var firstMonth: Int
        var span: Int
        var cell: ReportTimeline.Cell
    }

    struct Row {
        var year: Int
        var taken = Set<Int>()
        var cells: [Placed] = []
    }

    static func html(_ timelines: [ReportTimeline], _ l: Language) -> String {
        let year = timelines.lazy.flatMap(\.cells).compactMap { PeriodID.period($0.period)?.year }.first ?? 0
        let months = l == .en ? ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                              : (1...12).map { "T\($0)" }
        var h = "<h4>\(HTMLReporter.text(l == .en ? "Reports \(year)" : "Nộp báo cáo năm \(year)"))</h4>\n"
        h += "<table class=\"grid\">\n<thead><tr><th class=\"name\">\(HTMLReporter.text(l == .en ? "Report" : "Báo cáo"))</th>"
        h += months.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for t in timelines {
            let rows = layout(t)
            for (i, row) in rows.enumerated() {
                h += "<tr>"
                if i == 0 {
                    h += "<th class=\"name\"\(rows.count > 1 ? " rowspan=\"\(rows.count)\"" : "")>\(HTMLReporter.text(t.title ?? t.schedule))</th>"
                }
                var month = 1
                for placed in row.cells.sorted(by: { $0.firstMonth < $1.firstMonth }) {
                    if placed.firstMonth > month { h += gap(placed.firstMonth - month) }
                    h += cell(placed, l)
                    month = placed.firstMonth + placed.span
                }
                if month <= 12 { h += gap(13 - month) }
                h += "</tr>\n"
            }
        }
        h += "</tbody>\n</table>\n<p class=\"legend\">"
        for t in Timeliness.allCases {
            h += "<span class=\"\(t.rawValue)\" style=\"\(style(t))\">\(symbol(t)) \(HTMLReporter.text(PeopleWording.timeliness(t, l)))</span>"
        }
        h += "<span style=\"outline:2px dashed #b71c1c\">* \(HTMLReporter.text(l == .en ? "lacks required indicators" : "thiếu chỉ tiêu bắt buộc"))</span>"
        return h + "</p>\n"
    }

    /// Each period on the first row of its year where its months are free.
    static func layout(_ t: ReportTimeline) -> [Row] {
        var rows: [Row] = []
        for c in t.cells {
            guard let p = PeriodID.period(c.period) else { continue }
            let range = p.start.month...(p.end.year == p.start.year ? p.end.month : 12)
            let months = Set(range)
            let placed = Placed(firstMonth: range.lowerBound, span: range.count, cell: c)
            if let i = rows.firstIndex(where: { $0.year == p.year && $0.taken.isDisjoint(with: months) }) {
                rows[i].taken.formUnion(months)
                rows[i].cells.append(placed)
            } else {
                rows.append(Row(year: p.year, taken: months, cells: [placed]))
            }
        }
        return rows.isEmpty ? [Row(year: 0)] : rows
    }

    static func gap(_ span: Int) -> String {
        "<td class=\"gap\"\(span > 1 ? " colspan=\"\(span)\"" : "")></td>"
    }

    static func cell(_ p: Placed, _ l: Language) -> String {
        let c = p.cell
        var title = "\(PeopleWording.period(c.period, l)): \(PeopleWording.timeliness(c.status, l))"
        if let s = c.submitted { title += l == .en ? ", submitted \(s.iso)" : ", nộp ngày \(s.vietnamese)" }
        title += l == .en ? ", due \(c.due.iso)" : ", hạn chót \(c.due.vietnamese)"
        if c.incomplete { title += l == .en ? ", lacks required indicators" : ", thiếu chỉ tiêu bắt buộc" }
        let classes = c.status.rawValue + (c.incomplete ? " incomplete" : "")
        return "<td class=\"\(classes)\"\(p.span > 1 ? " colspan=\"\(p.span)\"" : "") title=\"\(HTMLReporter.text(title, breaks: false))\">\(symbol(c.status))\(c.incomplete ? "*" : "")</td>"
    }

    static func symbol(_ t: Timeliness) -> String {
        switch t {
        case .onTime: "✓"
        case .late: "!"
        case .missing: "✗"
        case .dueSoon: "…"
        case .notDue: "·"
        }
    }

    /// The legend's colours, inline because its spans are not table cells.
    static func style(_ t: Timeliness) -> String {
        switch t {
        case .onTime: "background:#c8e6c9;color:#1b5e20"
        case .late: "background:#ffe0b2;color:#a84300"
        case .missing: "background:#ffcdd2;color:#b71c1c"
        case .dueSoon: "background:#fff3c4;color:#8d6e00"
        case .notDue: "background:#f0f4f8;color:#7b8794"
        }
    }
}
