/// `github`: GitHub Actions workflow commands, one a line: `::error` for violations,
/// `::warning` for warnings, `::notice` for reminders (`*-due-soon`), each pointing at the
/// data row that caused it (or the rule's line in its rules file), then one plain summary
/// line. The runner turns them into annotations on the files of the pull request.
///
/// The runner reads a command as `::NAME PROPERTIES::DATA` and splits the properties on
/// `,` and `=`, so the escaping differs by place (actions/runner, ActionCommand.cs):
/// in the data `%`, CR and LF are written `%25`, `%0D`, `%0A`; in a property value `:`
/// and `,` are escaped as well (`%3A`, `%2C`). Control characters a log viewer would act
/// on become U+FFFD first.
public struct GitHubReporter: Reporter {
    public static let id = "github"
    public static let summary = LocalizedText(
        en: "GitHub Actions workflow commands: an annotation on the data row of each finding, for CI",
        vi: "lệnh workflow của GitHub Actions: chú thích tại dòng số liệu của từng phát hiện, dùng cho CI")
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let l = options.language
        var out = ""
        for f in report.findings {
            out += command(f, options: options)
            out += "\n"
        }
        let v = report.violations, w = report.warnings
        // A plain line of our own words and numbers only: no user text may reach a line
        // that is not a command, since the runner also looks for `##[` anywhere in one.
        out += l == .en
            ? "check: as of \(report.asOf.iso): \(TextReporter.count(v, "violation", "violations")), \(TextReporter.count(w, "warning", "warnings")), \(report.passedCount) passed, \(report.pendingCount) not yet due\n"
            : "check: tính đến ngày \(report.asOf.vietnamese): \(v) vi phạm, \(w) cảnh báo, \(report.passedCount) đạt, \(report.pendingCount) chưa đến hạn\n"
        return .text(out)
    }

    func command(_ f: Finding, options: RenderOptions) -> String {
        let l = options.language
        let name: String
        switch f.severity {
        case .violation: name = "error"
        case .warning: name = FindingCodeCatalogue.info(f.code).isReminder ? "notice" : "warning"
        }
        var properties: [(String, String)] = []
        if let anchor = FindingAnchor.of(f, base: options.baseDirectory) {
            // The runner drops a value's leading `=` when it splits `key=value`.
            properties.append(("file", anchor.path.hasPrefix("=") ? "./" + anchor.path : anchor.path))
            if let line = anchor.line {
                properties.append(("line", String(line)))
                if let column = anchor.column { properties.append(("col", String(column))) }
            }
        }
        // Last, because the runner trims the property list; made of ids, it never ends in a blank.
        let subject = FindingFacts.subject(f)
        properties.append(("title", subject.isEmpty ? f.code.rawValue : "\(f.code.rawValue): \(subject)"))
        var s = "::" + name + " "
        s += properties.map { "\($0.0)=\(Self.escape($0.1, property: true))" }.joined(separator: ",")
        s += "::" + Self.escape(FindingFacts.body(f, l), property: false)
        return s
    }

    /// The data after `::`: `%`, CR and LF escaped; in a property value (`property`) also
    /// `:` and `,`, which would end the value or the command. `%` is escaped as it comes, so
    /// the escapes written for the others are never escaped twice.
    static func escape(_ s: String, property: Bool) -> String {
        var out = ""
        for scalar in ControlCharacters.replaced(s).unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
