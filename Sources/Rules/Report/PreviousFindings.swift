/// The findings of an earlier run, read back from its `--format json` output, so that
/// `--only-new` reports only what that run did not (a monthly email does not repeat last
/// month's news). Findings are the same when plan, rule, unit, indicator, code and period
/// agree, and for `data-invalid` also the data row (file, line, column); wording and language
/// do not matter, so a report in either language can be compared.
public struct PreviousFindings: Sendable {
    /// What makes two findings the same piece of news.
    public struct Key: Hashable, Sendable {
        public var plan: String?
        public var rule: String?
        public var unit: String?
        /// Tells apart the `unknown-indicator` findings of one unit (one per indicator), and
        /// the `data-invalid` findings of different indicators.
        public var indicator: String?
        public var code: String
        public var period: String?
        /// For `data-invalid` only: the broken row. Its message cannot serve, being in the
        /// report's language and the same for the same mistake on two rows; unit, indicator
        /// and period cannot either, a broken row often having no readable period (or unit).
        /// An unchanged data file gives the same rows; another broken row is new.
        public var location: SourceLocation?

        public init(plan: String?, rule: String?, unit: String?, indicator: String? = nil, code: String,
                    period: String?, location: SourceLocation? = nil) {
            self.plan = plan
            self.rule = rule
            self.unit = unit
            self.indicator = indicator
            self.code = code
            self.period = period
            self.location = code == FindingCode.dataInvalid.rawValue ? location : nil
        }

        public init(_ f: Finding) {
            self.init(plan: f.plan, rule: f.rule, unit: f.unit, indicator: f.indicator, code: f.code.rawValue,
                      period: f.period, location: f.location)
        }
    }

    public var keys: Set<Key>

    public init(keys: Set<Key>) { self.keys = keys }

    /// Reads a previous JSON report. Anything else (not JSON, not a report, a finding without
    /// a code) is an error with the file, line and path of the problem: comparing with a
    /// misread file would silently report old news as new, or new news as old.
    public static func read(_ bytes: [UInt8], file: String) -> Result<PreviousFindings, DiagnosticsError> {
        let document: JSONDocument
        do {
            document = try JSONReader.parse(bytes, file: file)
        } catch {
            return .failure(DiagnosticsError([error.diagnostic]))
        }
        // A key given twice leaves it unclear which finding (or which report) was meant.
        let duplicates = document.diagnostics.filter { $0.severity == .error }
        guard duplicates.isEmpty else { return .failure(DiagnosticsError(duplicates.sorted())) }
        let hint = LocalizedText(en: "give the output of an earlier 'check --format json'",
                                 vi: "dùng kết quả của một lần chạy 'check --format json' trước đó")
        func problem(_ node: JSONNode, _ message: LocalizedText) -> DiagnosticsError {
            DiagnosticsError([.error("only-new.not-a-report", at: node.location, message, hint: hint)])
        }
        guard document.root.members != nil else {
            return .failure(problem(document.root, LocalizedText(
                en: "expected a JSON report (an object with a 'findings' array), found \(document.root.typeName.en)",
                vi: "cần một báo cáo JSON (đối tượng có mảng 'findings'), nhưng gặp \(document.root.typeName.vi)")))
        }
        guard let findings = document.root["findings"], let elements = findings.elements else {
            return .failure(problem(document.root, LocalizedText(
                en: "expected a JSON report with a 'findings' array, found an object without one",
                vi: "cần một báo cáo JSON có mảng 'findings', nhưng đối tượng này không có mảng đó")))
        }
        var keys = Set<Key>()
        for element in elements {
            guard element.members != nil else {
                return .failure(problem(element, LocalizedText(
                    en: "expected a finding object, found \(element.typeName.en)",
                    vi: "cần một đối tượng phát hiện, nhưng gặp \(element.typeName.vi)")))
            }
            guard let code = element["code"]?.stringValue else {
                return .failure(problem(element, LocalizedText(
                    en: "expected a finding with a 'code' string", vi: "cần một phát hiện có chuỗi 'code'")))
            }
            var optional: [String?] = []
            for key in ["plan", "rule", "unit", "indicator", "period"] {
                guard let node = element[key] else { optional.append(nil); continue }
                guard let s = node.stringValue else {
                    return .failure(problem(node, LocalizedText(
                        en: "expected '\(key)' to be a string, found \(node.typeName.en)",
                        vi: "cần '\(key)' là chuỗi, nhưng gặp \(node.typeName.vi)")))
                }
                optional.append(s)
            }
            var location: SourceLocation? = nil
            if code == FindingCode.dataInvalid.rawValue, let node = element["location"] {
                switch readLocation(node) {
                case .success(let l): location = l
                case .failure(let p): return .failure(problem(p.node, p.message))
                }
            }
            keys.insert(Key(plan: optional[0], rule: optional[1], unit: optional[2], indicator: optional[3], code: code,
                            period: optional[4], location: location))
        }
        return .success(PreviousFindings(keys: keys))
    }

    /// A finding's `location`: `{"file": …, "line"?: …, "column"?: …, "path"?: …}`.
    private static func readLocation(_ node: JSONNode) -> Result<SourceLocation, LocationProblem> {
        guard node.members != nil, let file = node["file"]?.stringValue else {
            return .failure(LocationProblem(node, LocalizedText(
                en: "expected 'location' to be an object with a 'file' string, found \(node.typeName.en)",
                vi: "cần 'location' là đối tượng có chuỗi 'file', nhưng gặp \(node.typeName.vi)")))
        }
        var numbers: [Int?] = []
        for key in ["line", "column"] {
            guard let n = node[key] else { numbers.append(nil); continue }
            guard let v = n.numberValue?.int else {
                return .failure(LocationProblem(n, LocalizedText(
                    en: "expected '\(key)' to be a whole number, found \(n.typeName.en)",
                    vi: "cần '\(key)' là số nguyên, nhưng gặp \(n.typeName.vi)")))
            }
            numbers.append(v)
        }
        var path: String? = nil
        if let p = node["path"] {
            guard let v = p.stringValue else {
                return .failure(LocationProblem(p, LocalizedText(
                    en: "expected 'path' to be a string, found \(p.typeName.en)",
                    vi: "cần 'path' là chuỗi, nhưng gặp \(p.typeName.vi)")))
            }
            path = v
        }
        return .success(SourceLocation(file: file, line: numbers[0], column: numbers[1], path: path))
    }

    private struct LocationProblem: Error {
        var node: JSONNode
        var message: LocalizedText
        init(_ node: JSONNode, _ message: LocalizedText) { self.node = node; self.message = message }
    }

    /// The report with only the findings that are not in this earlier run. Counts of checks
    /// stay those of the whole run; violations and warnings follow the findings kept.
    public func newFindings(of report: Report) -> Report {
        var r = report
        r.findings = report.findings.filter { !keys.contains(Key($0)) }
        return r
    }
}
