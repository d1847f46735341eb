/// The words the CI formats share about a finding, so that an annotation, a JUnit failure
/// and a SARIF result read alike.
enum FindingFacts {
    /// `xa-mau · xa-mau-2026/lane-roads`: whom and which rule it is about (ids only).
    static func subject(_ f: Finding) -> String {
        var parts: [String] = []
        if let u = f.unit { parts.append(u) }
        switch (f.plan, f.rule) {
        case let (plan?, rule?): parts.append("\(plan)/\(rule)")
        case let (plan?, nil): parts.append(plan)
        case let (nil, rule?): parts.append(rule)
        case (nil, nil): break
        }
        return parts.joined(separator: " · ")
    }

    /// The evidence on one line: title, period, due date, expected, actual, owner.
    static func details(_ f: Finding, _ l: Language) -> String? {
        let en = l == .en
        var facts: [String] = []
        if let t = f.title { facts.append(oneLine(t)) }
        if let p = f.period { facts.append("\(en ? "period" : "kỳ") \(p)") }
        if let d = f.due { facts.append("\(en ? "due" : "hạn") \(en ? d.iso : d.vietnamese)") }
        if let e = f.expected { facts.append("\(en ? "expected" : "yêu cầu") \(e)") }
        if let a = TextReporter.actual(f.actual) { facts.append("\(en ? "actual" : "thực tế") \(a)") }
        if let o = f.owner { facts.append("\(en ? "owner" : "phụ trách") \(o)") }
        return facts.isEmpty ? nil : facts.joined(separator: " · ")
    }

    /// `hint: did you mean 'pig_herd'?`
    static func hint(_ f: Finding, _ l: Language) -> String? {
        f.hint.map { (l == .en ? "hint: " : "gợi ý: ") + $0.text(l) }
    }

    /// Message, evidence and hint, one per line.
    static func body(_ f: Finding, _ l: Language) -> String {
        [f.message.text(l), details(f, l), hint(f, l)].compactMap { $0 }.joined(separator: "\n")
    }

    static func oneLine(_ s: String) -> String { TextReporter.oneLine(s) }
}
