/// `sarif`: SARIF 2.1.0 (OASIS), for code-scanning dashboards (GitHub code scanning,
/// Azure DevOps, IDE viewers). The finding codes are the tool's rules (`target-missed`,
/// `report-late`, …) with their descriptions; each finding is a result pointing at its
/// data row, or at the rule's line in its rules file, with the rule's line as a related
/// location. Levels: violation `error`, warning `warning`, reminders (`*-due-soon`) `note`.
/// `invocations[0].exitCode` is the exit status the command returns, from the same
/// `Report.exitStatus(strict:)`.
///
/// Paths are relative URI references with `uriBaseId` `%SRCROOT%` (the directory `check`
/// ran in, in CI the repository's root); files outside it are absolute `file://` URIs.
/// Columns count Unicode code points (`columnKind`).
public struct SARIFReporter: Reporter {
    public static let id = "sarif"
    public static let summary = LocalizedText(
        en: "SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning), with rule descriptions",
        vi: "SARIF 2.1.0 cho các bảng quét mã (GitHub code scanning), kèm mô tả quy tắc")
    public init() {}

    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let sourceRoot = "%SRCROOT%"

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let l = options.language
        // Every known code, so that rule indexes do not move between runs, plus any the
        // catalogue does not know yet.
        var codes = FindingCodeCatalogue.all.map(\.code)
        for f in report.findings where !codes.contains(f.code) { codes.append(f.code) }
        codes.sort()
        let infos = codes.map(FindingCodeCatalogue.info)
        var index: [FindingCode: Int] = [:]
        for (i, code) in codes.enumerated() { index[code] = i }

        let status = report.exitStatus(strict: options.strict)
        let driver: JSONValue = .object([
            ("name", .string("chitieu")),
            ("fullName", .string(l == .en ? "chitieu check: progress against commune plans" : "chitieu check: kiểm tra tiến độ theo kế hoạch của xã")),
            ("language", .string(l.rawValue)),
            ("rules", .array(infos.map { rule($0, l) })),
        ])
        let invocation: JSONValue = .object([
            ("executionSuccessful", .bool(true)),
            ("exitCode", .int(Int(status.rawValue))),
            ("exitCodeDescription", .string(Self.describe(status, strict: options.strict, l))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("invocations", .array([invocation])),
            ("language", .string(l.rawValue)),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(report.findings.map { result($0, ruleIndex: index[$0.code] ?? 0, options: options) })),
            ("properties", .object([("asOf", .string(report.asOf.iso)), ("summary", FindingJSON.summary(report))])),
        ])
        let log: JSONValue = .object([
            ("$schema", .string(Self.schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return .text(JSONWriter(style: .pretty).string(log) + "\n")
    }

    func rule(_ info: FindingCodeInfo, _ l: Language) -> JSONValue {
        let level = info.isReminder ? "note" : (info.fixedSeverity == .warning ? "warning" : "error")
        return .object([
            ("id", .string(info.code.rawValue)),
            ("name", .string(info.name)),
            ("shortDescription", .object([("text", .string(info.shortDescription.text(l)))])),
            ("fullDescription", .object([("text", .string(info.fullDescription.text(l)))])),
            ("defaultConfiguration", .object([("level", .string(level))])),
        ])
    }

    func result(_ f: Finding, ruleIndex: Int, options: RenderOptions) -> JSONValue {
        let l = options.language
        let level: String
        switch f.severity {
        case .violation: level = "error"
        case .warning: level = FindingCodeCatalogue.info(f.code).isReminder ? "note" : "warning"
        }
        let subject = FindingFacts.subject(f)
        var text = subject.isEmpty ? "" : subject + ": "
        text += FindingFacts.body(f, l)
        var o: [(String, JSONValue)] = [
            ("ruleId", .string(f.code.rawValue)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level)),
            ("message", .object([("text", .string(text))])),
        ]
        if let anchor = FindingAnchor.of(f, base: options.baseDirectory) {
            o.append(("locations", .array([.object([("physicalLocation", physical(anchor))])])))
        }
        if let rule = FindingAnchor.rule(of: f, base: options.baseDirectory) {
            let name = f.rule.map { "'\($0)'" } ?? ""
            o.append(("relatedLocations", .array([.object([
                ("id", .int(1)),
                ("physicalLocation", physical(rule)),
                ("message", .object([("text", .string(l == .en ? "the rule \(name)" : "quy tắc \(name)"))])),
            ])])))
        }
        // Stable across runs and data edits: what the finding is about, not where it was seen.
        let key = [f.unit, f.plan, f.rule, f.period, f.indicator].map { $0 ?? "" } + [f.code.rawValue]
        o.append(("partialFingerprints", .object([("chitieuFinding/v1", .string(key.joined(separator: "|")))])))
        var properties = FindingJSON.finding(f, language: l)
        if case .object(let fields) = properties {
            // The message and location are above already; the rest is the JSON format's finding.
            properties = .object(fields.filter { $0.0 != "message" && $0.0 != "location" && $0.0 != "hint" })
        }
        o.append(("properties", properties))
        return .object(o)
    }

    func physical(_ anchor: FindingAnchor) -> JSONValue {
        var artifact: [(String, JSONValue)] = [("uri", .string(anchor.uri))]
        if anchor.isRelative { artifact.append(("uriBaseId", .string(Self.sourceRoot))) }
        var o: [(String, JSONValue)] = [("artifactLocation", .object(artifact))]
        if let line = anchor.line {
            var region: [(String, JSONValue)] = [("startLine", .int(line))]
            if let column = anchor.column { region.append(("startColumn", .int(column))) }
            o.append(("region", .object(region)))
        }
        return .object(o)
    }

    static func describe(_ status: ExitStatus, strict: Bool, _ l: Language) -> String {
        switch status {
        case .clean: return l == .en ? "no violation" : "không có vi phạm"
        case .findings:
            return strict ? (l == .en ? "violations or warnings found (--strict)" : "có vi phạm hoặc cảnh báo (--strict)")
                          : (l == .en ? "violations found" : "có vi phạm")
        case .cannotCheck: return l == .en ? "the check could not be made" : "không kiểm tra được"
        case .usage: return l == .en ? "bad command-line usage" : "sai cú pháp lệnh"
        }
    }
}
