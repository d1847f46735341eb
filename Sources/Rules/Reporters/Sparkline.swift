/// A rule's reported values as a small inline SVG chart: the values as a line, the target
/// as a dashed line (a band for a strict range), milestones as diamonds, the due date and
/// the as-of date as thin vertical lines, and the latest value written at the right.
enum Sparkline {
    static let width = 280.0, height = 56.0
    /// The plot area; the rest on the right holds the latest value.
    static let left = 4.0, right = 186.0, top = 8.0, bottom = 48.0

    static func svg(_ r: RuleProgress, asOf: CivilDate, _ l: Language) -> String {
        let goals = [r.goal].compactMap { $0 } + r.milestones
        var days = r.values.map(\.end) + r.milestones.compactMap(\.due)
        if let d = r.due { days.append(d) }
        let first = days.min() ?? asOf
        let start = CivilDate.firstDay(ofYear: first.year, month: 1)
        let end = max(CivilDate.lastDay(ofYear: first.year, month: 12), days.max() ?? asOf)
        let span = Double(max(1, start.days(to: end)))
        func x(_ d: CivilDate) -> Double { left + (right - left) * Double(start.days(to: d)) / span }

        let numbers = r.values.map(\.value) + goals.flatMap { [$0.low] + [$0.high].compactMap { $0 } }
        var lo = numbers.min() ?? 0, hi = numbers.max() ?? 1
        let pad = hi > lo ? (hi - lo) * 0.15 : max(1, abs(hi) * 0.1)
        lo = (lo >= 0 && lo - pad < 0) ? 0 : lo - pad
        hi += pad
        func y(_ v: Double) -> Double { bottom - (bottom - top) * (v - lo) / (hi - lo) }

        let unit = r.unitLabel
        let described = r.values.map { "\($0.period): \(quantity($0.value, unit, l))" }.joined(separator: ", ")
        let label = (r.title ?? r.rule) + ": " + (described.isEmpty ? noData(l) : described)
            + (r.expected.map { " (\(PeopleWording.Field.expected.label(l)) \($0))" } ?? "")
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTMLReporter.text(label, breaks: false))\">"
        s += "<title>\(HTMLReporter.text(label, breaks: false))</title>"
        s += "<rect x=\"\(n(left))\" y=\"\(n(top - 4))\" width=\"\(n(right - left))\" height=\"\(n(bottom - top + 8))\" rx=\"3\" fill=\"#f5f7fa\"/>"
        if asOf >= start && asOf <= end {
            s += "<line x1=\"\(n(x(asOf)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(asOf)))\" y2=\"\(n(bottom + 4))\" stroke=\"#cbd2d9\" stroke-width=\"1\"/>"
        }
        if let d = r.due {
            s += "<line x1=\"\(n(x(d)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(d)))\" y2=\"\(n(bottom + 4))\" stroke=\"#7b8794\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>"
        }
        if let g = r.goal {
            if let high = g.high {
                s += "<rect x=\"\(n(left))\" y=\"\(n(y(high)))\" width=\"\(n(right - left))\" height=\"\(n(max(1, y(g.low) - y(high))))\" fill=\"#c8e6c9\" opacity=\"0.7\"/>"
            }
            s += "<line x1=\"\(n(left))\" y1=\"\(n(y(g.low)))\" x2=\"\(n(right))\" y2=\"\(n(y(g.low)))\" stroke=\"#2e7d32\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"><title>\(HTMLReporter.text(g.text, breaks: false))</title></line>"
        }
        for m in r.milestones {
            guard let d = m.due else { continue }
            let cx = x(d), cy = y(m.low)
            s += "<polygon points=\"\(n(cx)),\(n(cy - 5)) \(n(cx + 5)),\(n(cy)) \(n(cx)),\(n(cy + 5)) \(n(cx - 5)),\(n(cy))\" fill=\"#7b1fa2\"><title>\(HTMLReporter.text("\(PeopleWording.date(d, l)): \(m.text)", breaks: false))</title></polygon>"
        }
        if r.values.count > 1 {
            let points = r.values.map { "\(n(x($0.end))),\(n(y($0.value)))" }.joined(separator: " ")
            s += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
        }
        for (i, v) in r.values.enumerated() {
            let last = i == r.values.count - 1
            s += "<circle cx=\"\(n(x(v.end)))\" cy=\"\(n(y(v.value)))\" r=\"\(last ? "3.5" : "2.5")\" fill=\"#1565c0\"><title>\(HTMLReporter.text("\(PeopleWording.period(v.period, l)): \(quantity(v.value, unit, l))", breaks: false))</title></circle>"
        }
        if let last = r.values.last {
            s += "<text x=\"\(n(right + 6))\" y=\"\(n(height / 2 + 5))\" font-size=\"13\" font-weight=\"bold\" fill=\"#1f2933\">\(HTMLReporter.text(quantity(last.value, unit, l), breaks: false))</text>"
        } else {
            s += "<text x=\"\(n((left + right) / 2))\" y=\"\(n(top + 8))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#7b8794\">\(HTMLReporter.text(noData(l), breaks: false))</text>"
        }
        return s + "</svg>"
    }

    static func noData(_ l: Language) -> String { l == .en ? "no data yet" : "chưa có số liệu" }

    static func quantity(_ x: Double, _ unit: String?, _ l: Language) -> String {
        NumberFormat.attachUnit(PeopleWording.number(NumberFormat.roundedValue(x), l), unit)
    }

    /// A coordinate with one decimal, the same on every platform.
    static func n(_ v: Double) -> String {
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}
