/// The JSON form of findings and checks (spec §8), shared by `json` and `jsonl`.
enum FindingJSON {
    static func finding(_ f: Finding, language: Language) -> JSONValue {
        var o: [(String, JSONValue)] = [("severity", .string(f.severity.rawValue)), ("code", .string(f.code.rawValue))]
        if let v = f.plan { o.append(("plan", .string(v))) }
        if let v = f.rule { o.append(("rule", .string(v))) }
        if let v = f.title { o.append(("title", .string(v))) }
        if let v = f.unit { o.append(("unit", .string(v))) }
        if let v = f.indicator { o.append(("indicator", .string(v))) }
        if let v = f.period { o.append(("period", .string(v))) }
        if let v = f.due { o.append(("due", .string(v.iso))) }
        if let v = f.expected { o.append(("expected", .string(v))) }
        o.append(("actual", actual(f.actual)))
        if let v = f.owner { o.append(("owner", .string(v))) }
        o.append(("message", .string(f.message.text(language))))
        if let h = f.hint { o.append(("hint", .string(h.text(language)))) }
        if let l = f.location { o.append(("location", location(l))) }
        return .object(o)
    }

    static func result(_ r: CheckResult) -> JSONValue {
        var o: [(String, JSONValue)] = [("status", .string(r.status.rawValue)), ("plan", .string(r.plan)), ("rule", .string(r.rule))]
        if let v = r.title { o.append(("title", .string(v))) }
        o.append(("unit", .string(r.unit)))
        if let v = r.indicator { o.append(("indicator", .string(v))) }
        if let v = r.period { o.append(("period", .string(v))) }
        if let v = r.due { o.append(("due", .string(v.iso))) }
        if let v = r.expected { o.append(("expected", .string(v))) }
        o.append(("actual", actual(r.actual)))
        if let v = r.owner { o.append(("owner", .string(v))) }
        return .object(o)
    }

    static func actual(_ a: Actual) -> JSONValue {
        switch a {
        case .number(let x): return .number(x)
        case .date(let d): return .string(d.iso)
        case .none: return .null
        }
    }

    static func location(_ l: SourceLocation) -> JSONValue {
        var o: [(String, JSONValue)] = [("file", .string(l.file))]
        if let v = l.line { o.append(("line", .int(v))) }
        if let v = l.column { o.append(("column", .int(v))) }
        if let v = l.path { o.append(("path", .string(v))) }
        return .object(o)
    }

    static func summary(_ r: Report) -> JSONValue {
        .object([("plans", .int(r.plans)), ("units", .int(r.units)), ("checks", .int(r.checks)),
                 ("violations", .int(r.violations)), ("warnings", .int(r.warnings)), ("passed", .int(r.passedCount)),
                 ("pending", .int(r.pendingCount))])
    }
}

/// `json`: the whole report as one document (spec §8).
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = LocalizedText(en: "the report as one JSON document (spec §8), for scripts",
                                              vi: "toàn bộ báo cáo dạng một tài liệu JSON, dùng cho script")
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        var o: [(String, JSONValue)] = [
            ("asOf", .string(report.asOf.iso)),
            ("summary", FindingJSON.summary(report)),
            ("findings", .array(report.findings.map { FindingJSON.finding($0, language: options.language) })),
        ]
        if !report.passed.isEmpty || report.keepsPassed {
            o.append(("results", .array(report.passed.map(FindingJSON.result))))
        }
        return .text(JSONWriter(style: .pretty).string(.object(o)) + "\n")
    }
}

/// `jsonl`: one finding object per line, nothing else.
public struct JSONLinesReporter: Reporter {
    public static let id = "jsonl"
    public static let summary = LocalizedText(en: "one JSON finding per line (JSON Lines), for streams and log tools",
                                              vi: "mỗi dòng một phát hiện dạng JSON (JSON Lines)")
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let writer = JSONWriter(style: .compact)
        var out = ""
        for f in report.findings {
            out += writer.string(FindingJSON.finding(f, language: options.language))
            out += "\n"
        }
        return .text(out)
    }
}
