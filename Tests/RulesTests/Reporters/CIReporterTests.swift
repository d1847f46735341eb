import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Rules

/// The CI formats (`github`, `junit`, `sarif`) on the shared awkward and empty reports, in
/// both languages, against golden files; then each read back the way its consumer reads it.
@Suite struct CIReporterTests {
    static let formats: [any Reporter.Type] = [GitHubReporter.self, JUnitReporter.self, SARIFReporter.self]
    static let samples: [(String, Report)] = [("awkward", SampleReports.awkward), ("empty", SampleReports.empty)]

    static func render(_ format: any Reporter.Type, _ report: Report, _ options: RenderOptions = RenderOptions()) -> String {
        guard let text = (format.init().render(report, options: options)).text else { Issue.record("no text output"); return "" }
        return text
    }

    static let extensions = ["github": "txt", "junit": "xml", "sarif": "json"]

    @Test(arguments: ["github", "junit", "sarif"], ["awkward", "empty"])
    func golden(format id: String, sample: String) throws {
        let format = try #require(Reporters.named(id))
        let report = try #require(Self.samples.first { $0.0 == sample }?.1)
        for language in Language.allCases {
            let text = Self.render(format, report, RenderOptions(language: language))
            try ReporterGolden.check(text, "\(id).\(sample).\(language.rawValue).\(Self.extensions[id] ?? id)")
        }
    }

    @Test func registeredWithSummariesInBothLanguages() {
        for id in ["github", "junit", "sarif"] {
            let format = Reporters.named(id)
            #expect(format != nil)
            #expect(format.map { !$0.summary.en.isEmpty && !$0.summary.vi.isEmpty } == true)
        }
        #expect(JUnitReporter.listsEveryCheck)
        #expect(!GitHubReporter.listsEveryCheck && !SARIFReporter.listsEveryCheck)
    }

    // MARK: - github

    @Test(arguments: [
        ("plain", false, "plain"),
        ("100% sure", false, "100%25 sure"),
        ("a\nb\r\nc", false, "a%0Ab%0D%0Ac"),
        ("%0A stays text", false, "%250A stays text"),
        ("::error::x", false, "::error::x"),
        ("a:b,c", false, "a:b,c"),
        ("a:b,c", true, "a%3Ab%2Cc"),
        ("x::y", true, "x%3A%3Ay"),
        ("bell\u{07} esc\u{1B}[31m", false, "bell\u{FFFD} esc\u{FFFD}[31m"),
        ("tab\tkept", true, "tab\tkept"),
    ])
    func githubEscaping(raw: String, property: Bool, escaped: String) {
        #expect(GitHubReporter.escape(raw, property: property) == escaped)
    }

    /// The runner's reading of a line (actions/runner, ActionCommand.TryParseV2): name up to
    /// the first space, properties up to the next `::`, split on `,` then on the first `=`,
    /// and the escapes undone in the runner's order.
    static func runnerParse(_ line: String) -> (name: String, properties: [String: String], data: String)? {
        guard line.hasPrefix("::"), let end = line.range(of: "::", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex) else { return nil }
        let info = line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]
        let name = info.prefix { $0 != " " }
        var properties: [String: String] = [:]
        if info.count > name.count {
            for pair in info.dropFirst(name.count + 1).split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                guard kv.count == 2 else { continue }
                var v = String(kv[1])
                for (token, escape) in [("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")] {
                    v = v.replacingOccurrences(of: escape, with: token)
                }
                properties[String(kv[0])] = v
            }
        }
        var data = String(line[end.upperBound...])
        for (token, escape) in [("\r", "%0D"), ("\n", "%0A"), ("%", "%25")] { data = data.replacingOccurrences(of: escape, with: token) }
        return (String(name), properties, data)
    }

    @Test func githubCommandsReadBackAsWritten() throws {
        let report = SampleReports.awkward
        let options = RenderOptions(language: .vi)
        let lines = Self.render(GitHubReporter.self, report, options).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == report.findings.count + 2)   // findings, the summary, the final newline
        for (f, line) in zip(report.findings, lines) {
            let parsed = try #require(Self.runnerParse(String(line)))
            #expect(parsed.data == ControlCharacters.replaced(FindingFacts.body(f, .vi)))
            #expect(parsed.properties["title"] == "\(f.code.rawValue): \(FindingFacts.subject(f))")
            #expect(parsed.name == (f.severity == .violation ? "error" : (f.code == TaskRule.dueSoon ? "notice" : "warning")))
        }
        let first = try #require(Self.runnerParse(String(lines[0])))
        #expect(first.properties["file"] == "data/2026 Q2.csv" && first.properties["line"] == "17" && first.properties["col"] == nil)
        let invalid = try #require(lines.first { $0.contains("title=data-invalid") }.flatMap { Self.runnerParse(String($0)) })
        #expect(invalid.properties["line"] == "13" && invalid.properties["col"] == "24")
        // No location of its own: the rule's line in the rules file.
        let missing = try #require(lines.first { $0.contains("title=report-missing") }.flatMap { Self.runnerParse(String($0)) })
        #expect(missing.properties["file"] == "rules/xa-mau.json" && missing.properties["line"] == "40")
        // Neither: no file at all.
        let overdue = try #require(lines.first { $0.contains("title=task-overdue") }.flatMap { Self.runnerParse(String($0)) })
        #expect(overdue.properties["file"] == nil)
        #expect(lines[report.findings.count] == "check: tính đến ngày 01/07/2026: 6 vi phạm, 3 cảnh báo, 4 đạt, 1 chưa đến hạn")
    }

    @Test func githubPathsAreMadeRelativeToTheBaseDirectory() throws {
        var report = SampleReports.empty
        report.findings = [Finding(severity: .violation, code: .dataInvalid, unit: "u", message: LocalizedText(verbatim: "x"),
                                   location: SourceLocation(file: "/repo/data/a.csv", line: 3))]
        let text = Self.render(GitHubReporter.self, report, RenderOptions(baseDirectory: "/repo"))
        #expect(text.hasPrefix("::error file=data/a.csv,line=3,title=data-invalid%3A u::x\n"))
        let elsewhere = Self.render(GitHubReporter.self, report, RenderOptions(baseDirectory: "/other"))
        #expect(elsewhere.hasPrefix("::error file=/repo/data/a.csv,line=3,"))
    }

    // MARK: - junit

    /// What an XML parser sees: elements in order with their attributes and text.
    final class XMLTree: NSObject, XMLParserDelegate {
        struct Element { var name: String; var attributes: [String: String]; var text = ""; var depth: Int }
        var elements: [Element] = []
        var open: [Int] = []
        var error: Error?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, depth: open.count))
            open.append(elements.count - 1)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let i = open.last { elements[i].text += string }
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

        static func parse(_ text: String) -> XMLTree? {
            let tree = XMLTree()
            let parser = XMLParser(data: Data(text.utf8))
            parser.delegate = tree
            return parser.parse() && tree.error == nil ? tree : nil
        }
    }

    @Test func junitIsWellFormedAndReadsBackAsWritten() throws {
        let report = SampleReports.awkward
        for language in Language.allCases {
            let xml = Self.render(JUnitReporter.self, report, RenderOptions(language: language))
            let tree = try #require(XMLTree.parse(xml), "not well-formed XML in \(language)")
            let suites = tree.elements.filter { $0.name == "testsuite" }
            let cases = tree.elements.filter { $0.name == "testcase" }
            #expect(suites.map { $0.attributes["name"] } == ["dong-hy", "xa-mau"])
            #expect(tree.elements.first?.attributes["tests"] == String(cases.count))
            #expect(cases.map { $0.attributes["name"] ?? "" } == ["tổ-bầu-cử", "voter-list", "data", "lane-roads", "monthly", "online-dossiers", "pigs"])
        }
        let tree = try #require(XMLTree.parse(Self.render(JUnitReporter.self, report)))
        let failures = tree.elements.filter { $0.name == "failure" }
        #expect(tree.elements.first?.attributes["failures"] == String(failures.count))
        #expect(failures.map { $0.attributes["type"] ?? "" } == ["task-overdue", "data-invalid", "milestone-missed", "report-missing", "maintain-broken"])
        #expect(failures[0].attributes["message"] == "'Niêm yết danh sách cử tri' is overdue: not completed by the deadline 2026-02-02 Bcc: victim@example.com")
        #expect(failures[0].text.contains("deadline 2026-02-02\r\nBcc: victim@example.com"))
        #expect(failures[0].text.contains("=HYPERLINK(\"http://evil.example\",\"click\")"))
        #expect(failures[2].text.contains("BTXM đường ngõ xóm 6 km <ngõ> & \"xóm\""))
        #expect(failures[3].attributes["message"] == "'Báo cáo tháng' for 2026-05 not submitted; the deadline was 2026-05-25 (and 1 more)")
        let outs = tree.elements.filter { $0.name == "system-out" }.map(\.text)
        #expect(outs.contains { $0.contains("100% sure? -1 +1 @home \u{FFFD}\u{FFFD}") })
        #expect(outs.contains { $0.contains("Thành lập Tổ bầu cử: 50% ::warning:: %0A") })
        // `pigs` has only a check not due yet.
        let pigs = try #require(tree.elements.firstIndex { $0.name == "testcase" && $0.attributes["name"] == "pigs" })
        #expect(tree.elements[pigs + 1].name == "skipped")
    }

    @Test func junitFailsWarningsOnlyWhenStrict() throws {
        let loose = try #require(XMLTree.parse(Self.render(JUnitReporter.self, SampleReports.awkward)))
        let strict = try #require(XMLTree.parse(Self.render(JUnitReporter.self, SampleReports.awkward, RenderOptions(strict: true))))
        #expect(loose.elements.first?.attributes["failures"] == "5")
        #expect(strict.elements.first?.attributes["failures"] == "6")
        #expect(strict.elements.filter { $0.name == "failure" }.first?.attributes["type"] == "task-due-soon")
    }

    @Test(arguments: [
        ("a & b < c > d", false, "a &amp; b &lt; c &gt; d"),
        ("\"quoted\" 'single'", false, "\"quoted\" 'single'"),
        ("\"quoted\" 'single'", true, "&quot;quoted&quot; &apos;single&apos;"),
        ("line\nbreak\r\nCRLF\ttab", false, "line\nbreak&#13;\nCRLF\ttab"),
        ("line\nbreak\ttab", true, "line&#10;break&#9;tab"),
        ("nul\u{0}bell\u{7}del\u{7F}c1\u{85}", false, "nul\u{FFFD}bell\u{FFFD}del\u{FFFD}c1\u{FFFD}"),
        ("\u{FFFE}\u{FFFF}", false, "\u{FFFD}\u{FFFD}"),
        ("]]> tiếng Việt 𝄞", false, "]]&gt; tiếng Việt 𝄞"),
    ])
    func xmlEscaping(raw: String, attribute: Bool, escaped: String) {
        #expect((attribute ? XMLText.attribute(raw) : XMLText.content(raw)) == escaped)
    }

    // MARK: - sarif

    static func sarif(_ report: Report, _ options: RenderOptions = RenderOptions()) throws -> [String: Any] {
        let text = render(SARIFReporter.self, report, options)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func run(_ log: [String: Any]) -> [String: Any] {
        ((log["runs"] as? [[String: Any]]) ?? []).first ?? [:]
    }

    @Test(arguments: [false, true])
    func sarifRecordsTheExitStatusTheCommandReturns(strict: Bool) throws {
        for (_, report) in Self.samples {
            let run = Self.run(try Self.sarif(report, RenderOptions(strict: strict)))
            let invocation = (run["invocations"] as? [[String: Any]])?.first
            #expect(invocation?["exitCode"] as? Int == Int(report.exitStatus(strict: strict).rawValue))
            #expect(invocation?["executionSuccessful"] as? Bool == true)
        }
    }

    @Test func sarifResultsPointAtTheirRulesAndFiles() throws {
        let log = try Self.sarif(SampleReports.awkward)
        #expect(log["version"] as? String == "2.1.0")
        let run = Self.run(log)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        let results = run["results"] as? [[String: Any]] ?? []
        #expect(results.count == SampleReports.awkward.findings.count)
        for r in results {
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == r["ruleId"] as? String)
        }
        #expect(results.map { $0["level"] as? String ?? "" } == ["error", "error", "error", "error", "error", "warning", "warning", "error", "note"])
        func uri(_ r: [String: Any]) -> String? {
            let location = (r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        #expect(uri(results[0]) == "data/2026%20Q2.csv")
        #expect(uri(results[7]) == nil)
        #expect(Set(rules.map { $0["id"] as? String ?? "" }) == Set(FindingCodeCatalogue.all.map(\.code.rawValue)))
    }

    @Test(arguments: [
        ("data/2026 Q2.csv", "data/2026%20Q2.csv"),
        ("./dữ liệu/tháng 6.csv", "d%E1%BB%AF%20li%E1%BB%87u/th%C3%A1ng%206.csv"),
        ("c:weird#name?.csv", "c%3Aweird%23name%3F.csv"),
        ("/srv/data/a b.csv", "file:///srv/data/a%20b.csv"),
    ])
    func uris(path: String, uri: String) throws {
        let anchor = try #require(FindingAnchor(SourceLocation(file: path), base: nil))
        #expect(anchor.uri == uri)
    }

    @Test func standardInputIsNoFile() {
        #expect(FindingAnchor(SourceLocation(file: "<stdin>", line: 3), base: nil) == nil)
        let f = Finding(severity: .violation, code: .dataInvalid, message: LocalizedText(verbatim: "x"),
                        location: SourceLocation(file: "<stdin>", line: 3), ruleLocation: SourceLocation(file: "rules/p.json", line: 7))
        #expect(FindingAnchor.of(f, base: nil)?.path == "rules/p.json")
        #expect(FindingAnchor.rule(of: f, base: nil) == nil)
    }

    // MARK: - the catalogue

    @Test func everyCodeTheEngineDeclaresIsDescribed() {
        var declared = RuleKinds.all.flatMap { $0.descriptor.codes }
        declared += [ReportCheck.missing, ReportCheck.late, ReportCheck.dueSoon, ReportCheck.incomplete]
        declared += [.noData, .behindPace, .forecastMiss, .dueSoon, .dataInvalid, .unknownIndicator]
        let described = Set(FindingCodeCatalogue.all.map(\.code))
        for code in declared { #expect(described.contains(code), "'\(code)' has no description") }
        #expect(described.count == FindingCodeCatalogue.all.count)
        for info in FindingCodeCatalogue.all {
            #expect(!info.shortDescription.vi.isEmpty && !info.fullDescription.vi.isEmpty)
            #expect(info.shortDescription.en.first?.isLowercase == true && info.fullDescription.en.last != ".")
        }
        #expect(FindingCodeCatalogue.info(TargetRule.milestoneMissed).name == "MilestoneMissed")
        #expect(FindingCodeCatalogue.info(FindingCode("brand-new")).shortDescription.en == "brand new")
    }
}
