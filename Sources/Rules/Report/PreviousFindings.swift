/// The findings of an earlier run, read back from its `--format json` output, so that
/// `--only-new` reports only what that run did not (a monthly email does not repeat last
/// month's news). Findings are the same when plan, rule, unit, code and period agree;
/// wording and language do not matter, so a report in either language can be compared.
public struct PreviousFindings: Sendable {
    /// What makes two findings the same piece of news.
    public struct Key: Hashable, Sendable {
        public var plan: String?
        public var rule: String?
        public var unit: String?
        public var code: String
        public var period: String?

        public init(plan: String?, rule: String?, unit: String?, code: String, period: String?) {
            self.plan = plan
            self.rule = rule
            self.unit = unit
            self.code = code
            self.period = period
        }

        public init(_ f: Finding) {
            self.init(plan: f.plan, rule: f.rule, unit: f.unit, code: f.code.rawValue, period: f.period)
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
            for key in ["plan", "rule", "unit", "period"] {
                guard let node = element[key] else { optional.append(nil); continue }
                guard let s = node.stringValue else {
                    return .failure(problem(node, LocalizedText(
                        en: "expected '\(key)' to be a string, found \(node.typeName.en)",
                        vi: "cần '\(key)' là chuỗi, nhưng gặp \(node.typeName.vi)")))
                }
                optional.append(s)
            }
            keys.insert(Key(plan: optional[0], rule: optional[1], unit: optional[2], code: code, period: optional[3]))
        }
        return .success(PreviousFindings(keys: keys))
    }

    /// The report with only the findings that are not in this earlier run. Counts of checks
    /// stay those of the whole run; violations and warnings follow the findings kept.
    public func newFindings(of report: Report) -> Report {
        var r = report
        r.findings = report.findings.filter { !keys.contains(Key($0)) }
        return r
    }
}
