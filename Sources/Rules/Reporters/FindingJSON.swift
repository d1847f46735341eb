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
        if let l = f.location { o.append(("location", l.jsonValue)) }
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


    static func summary(_ r: Report) -> JSONValue {
        .object([("plans", .int(r.plans)), ("units", .int(r.units)), ("checks", .int(r.checks)),
                 ("violations", .int(r.violations)), ("warnings", .int(r.warnings)), ("passed", .int(r.passedCount)),
                 ("pending", .int(r.pendingCount))])
    }
}

extension SourceLocation {
    /// `{"file", "line"?, "column"?, "path"?}`, as findings and `check lint --format json` show it.
    public var jsonValue: JSONValue {
        var o: [(String, JSONValue)] = [("file", .string(file))]
        if let v = line { o.append(("line", .int(v))) }
        if let v = column { o.append(("column", .int(v))) }
        if let v = path { o.append(("path", .string(v))) }
        return .object(o)
    }
}

/// Writes JSON objects field by field straight into bytes, compact or pretty exactly as
/// `JSONWriter` would: the JSON formats stream findings without building a value tree each.
struct ObjectBytes {
    /// Nil: compact; else the depth of the object's own braces.
    let indent: Int?
    private var first = true

    init(indent: Int?) { self.indent = indent }

    mutating func open(_ out: inout ByteWriter) { out.append(UInt8(ascii: "{")) }

    mutating func close(_ out: inout ByteWriter) {
        if !first, let indent { newline(indent, &out) }
        out.append(UInt8(ascii: "}"))
    }

    mutating func key(_ k: StaticString, _ out: inout ByteWriter) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        if let indent { newline(indent + 1, &out) }
        out.append(UInt8(ascii: "\""))
        out.append(k)
        out.append(indent == nil ? "\":" as StaticString : "\": ")
    }

    mutating func string(_ k: StaticString, _ v: String?, _ out: inout ByteWriter) {
        guard let v else { return }
        key(k, &out)
        JSONWriter.appendQuoted(v, to: &out)
    }

    mutating func int(_ k: StaticString, _ v: Int?, _ out: inout ByteWriter) {
        guard let v else { return }
        key(k, &out)
        out.append(decimal: v)
    }

    func newline(_ depth: Int, _ out: inout ByteWriter) {
        out.append(0x0A)
        out.append(spaces: 2 * depth)
    }
}

extension FindingJSON {
    /// A finding as `finding(_:language:)` renders it, written directly.
    static func append(_ f: Finding, language: Language, indent: Int?, into out: inout ByteWriter) {
        var o = ObjectBytes(indent: indent)
        o.open(&out)
        o.string("severity", f.severity.rawValue, &out)
        o.string("code", f.code.rawValue, &out)
        o.string("plan", f.plan, &out)
        o.string("rule", f.rule, &out)
        o.string("title", f.title, &out)
        o.string("unit", f.unit, &out)
        o.string("indicator", f.indicator, &out)
        o.string("period", f.period, &out)
        o.string("due", f.due?.iso, &out)
        o.string("expected", f.expected, &out)
        o.key("actual", &out)
        switch f.actual {
        case .number(let x): NumberFormat.appendJSON(x, to: &out)
        case .date(let d): JSONWriter.appendQuoted(d.iso, to: &out)
        case .none: out.append("null")
        }
        o.string("owner", f.owner, &out)
        o.string("message", f.message.text(language), &out)
        o.string("hint", f.hint?.text(language), &out)
        if let l = f.location {
            o.key("location", &out)
            var inner = ObjectBytes(indent: indent.map { $0 + 1 })
            inner.open(&out)
            inner.string("file", l.file, &out)
            inner.int("line", l.line, &out)
            inner.int("column", l.column, &out)
            inner.string("path", l.path, &out)
            inner.close(&out)
        }
        o.close(&out)
    }
}

/// `json`: the whole report as one document (spec §8).
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = LocalizedText(en: "the report as one JSON document (spec §8), for scripts",
                                              vi: "toàn bộ báo cáo dạng một tài liệu JSON, dùng cho script")
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let language = options.language
        // Streamed: a national run has a hundred thousand findings.
        return .stream(StreamedOutput { out in
            let writer = JSONWriter(style: .pretty)
            out.buffer.append("{\n  \"asOf\": ")
            JSONWriter.appendQuoted(report.asOf.iso, to: &out.buffer)
            out.buffer.append(",\n  \"summary\": ")
            writer.write(FindingJSON.summary(report), indent: 1, into: &out.buffer)
            out.buffer.append(",\n  \"findings\": ")
            if report.findings.isEmpty {
                out.buffer.append("[]")
            } else {
                out.buffer.append(UInt8(ascii: "["))
                for (k, f) in report.findings.enumerated() {
                    out.buffer.append(k == 0 ? "\n    " as StaticString : ",\n    ")
                    FindingJSON.append(f, language: language, indent: 2, into: &out.buffer)
                    out.maybeFlush()
                }
                out.buffer.append("\n  ]")
            }
            if !report.passed.isEmpty || report.keepsPassed {
                out.buffer.append(",\n  \"results\": ")
                writer.write(.array(report.passed.map(FindingJSON.result)), indent: 1, into: &out.buffer)
            }
            out.buffer.append("\n}\n")
        })
    }
}

/// `jsonl`: one finding object per line, nothing else.
public struct JSONLinesReporter: Reporter {
    public static let id = "jsonl"
    public static let summary = LocalizedText(en: "one JSON finding per line (JSON Lines), for streams and log tools",
                                              vi: "mỗi dòng một phát hiện dạng JSON (JSON Lines)")
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let language = options.language, threads = max(1, options.threads)
        return .stream(StreamedOutput { out in
            // Findings are written in slices, a wave of slices at a time on several threads,
            // and the slices are passed on in order: the bytes are the same as one thread's.
            // Each thread renders every wave into the same buffer, which is written out
            // as it is: no buffer allocated and copied per slice.
            let findings = report.findings
            let slice = 4096
            let writers = SliceWriters(threads, capacity: slice * 400)
            var next = 0
            while next < findings.count {
                let wave = min(threads, (findings.count - next + slice - 1) / slice)
                let from = next
                _ = Parallel.map(wave, threads: threads) { w in
                    writers.render(w) { bytes in
                        for f in findings[(from + w * slice)..<min(from + (w + 1) * slice, findings.count)] {
                            FindingJSON.append(f, language: language, indent: nil, into: &bytes)
                            bytes.append(0x0A)
                        }
                    }
                }
                for w in 0..<wave { writers.withBytes(w) { out.pass($0) } }
                next = min(from + wave * slice, findings.count)
            }
        })
    }
}

/// One byte buffer per rendering thread, kept from wave to wave. Each slot is written by
/// one thread at a time and read only after the wave is done.
private final class SliceWriters: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<ByteWriter>
    private let count: Int

    init(_ count: Int, capacity: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        for i in 0..<count { (slots + i).initialize(to: ByteWriter(capacity: capacity)) }
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// The slot's writer is moved to the rendering thread's stack while it renders:
    /// writers side by side in one block would share cache lines, and every append of
    /// one thread would evict the other's.
    func render(_ slot: Int, _ body: (inout ByteWriter) -> Void) {
        var writer = (slots + slot).move()
        writer.removeAll()
        body(&writer)
        (slots + slot).initialize(to: writer)
    }

    func withBytes(_ slot: Int, _ body: (UnsafeRawBufferPointer) -> Void) { slots[slot].withBytes(body) }
}
