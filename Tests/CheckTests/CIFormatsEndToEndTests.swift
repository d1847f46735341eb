import Foundation
import Testing

/// The CI formats and `check template` through the built binary: golden output on the
/// fixtures, the exit status SARIF records against the one the process returns, and a
/// template filled in the way a commune would and checked.
@Suite struct CIFormatsEndToEndTests {
    static let rules = EndToEndTests.rules
    static let base = EndToEndTests.base
    static let templateRules = Binary.fixture("template-rules")

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: [("github", "github"), ("junit", "junit.xml"), ("sarif", "sarif")])
    func goldenOnTheFixturesInBothLanguages(format: String, golden: String) throws {
        let english = try Binary.run(Self.base + ["-f", format])
        #expect(english.status == 1)
        #expect(english.stderr.isEmpty)
        // Fixture paths are absolute; the output shows them relative to the working folder.
        #expect(!english.stdout.contains(Binary.root.path))
        try Golden.check(english.stdout, "xa-mau.\(golden)")
        let vietnamese = try Binary.run(Self.base + ["-f", format, "--lang", "vi"])
        #expect(vietnamese.status == 1)
        try Golden.check(vietnamese.stdout, "xa-mau.vi.\(golden)")
    }

    @Test(arguments: [
        (["--as-of", "2026-07-01"], "data.csv"),
        (["--as-of", "2026-07-01", "--strict"], "data.csv"),
        (["--as-of", "2026-01-05"], "data-january.csv"),
        (["--as-of", "2026-01-20"], "data-january.csv"),
        (["--as-of", "2026-01-20", "--strict"], "data-january.csv"),
    ])
    func sarifRecordsTheExitStatusOfTheProcess(extra: [String], data: String) throws {
        let run = try Binary.run(["-r", Self.rules, Binary.fixture(data), "--numbers", "vi", "-f", "sarif"] + extra)
        let runs = try Self.json(run.stdout)["runs"] as? [[String: Any]]
        let invocation = (runs?.first?["invocations"] as? [[String: Any]])?.first
        #expect(invocation?["exitCode"] as? Int == Int(run.status))
        let text = try Binary.run(["-r", Self.rules, Binary.fixture(data), "--numbers", "vi"] + extra)
        #expect(text.status == run.status)
    }

    @Test func junitListsEveryRuleAndUnitWithoutAll() throws {
        let junit = try Binary.run(Self.base + ["-f", "junit"])
        let all = try Self.json(try Binary.run(Self.base + ["-f", "json", "--all"]).stdout)
        var subjects = Set<String>()
        for item in ((all["findings"] as? [[String: Any]]) ?? []) + ((all["results"] as? [[String: Any]]) ?? []) {
            subjects.insert("\(item["unit"] as? String ?? "")|\(item["plan"] as? String ?? "")|\(item["rule"] as? String ?? "")")
        }
        let cases = junit.stdout.components(separatedBy: "<testcase ").count - 1
        #expect(cases == subjects.count)
        #expect(junit.stdout.contains("<testsuites name=\"check\" tests=\"\(cases)\" failures=\"5\""))
    }

    // MARK: - check template

    @Test func templateIsGoldenInBothLanguages() throws {
        let english = try Binary.run(["template", "-r", Self.templateRules, "--unit", "xa-a", "--period", "2026-06", "--report", "monthly"])
        #expect(english.status == 0)
        #expect(english.stderr.isEmpty)
        #expect(english.stdout.hasPrefix("\u{FEFF}unit,period,indicator,value,submitted,report,note,comment\r\n"))
        try Golden.check(english.stdout, "template.bao-cao.csv")
        let vietnamese = try Binary.run(["template", "-r", Self.templateRules, "--unit", "xa-b", "--period", "tháng 6/2026",
                                         "--report", "monthly", "--lang", "vi", "--numbers", "vi"])
        #expect(vietnamese.status == 0)
        try Golden.check(vietnamese.stdout, "template.bao-cao.vi.csv")
    }

    /// Fills `indicator`'s row of a template: value and submission date.
    static func fill(_ csv: String, _ indicator: String, value: String, submitted: String) -> String {
        csv.replacingOccurrences(of: ",\(indicator),,,", with: ",\(indicator),\(value),\(submitted),")
    }

    @Test func aFilledTemplateIsCheckedAsItWasAskedFor() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("xa-a-2026-06.csv").path
        let written = try Binary.run(["template", "-r", Self.templateRules, "--unit", "xa-a", "--period", "2026-06",
                                      "--report", "monthly", "--lang", "vi", "--numbers", "vi", "--out", path])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["xa-a-2026-06.csv"])
        let blank = try String(contentsOfFile: path, encoding: .utf8)
        func check(_ csv: String) throws -> (status: Int32, findings: [String]) {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
            let run = try Binary.run(["-r", Self.templateRules, path, "--unit", "xa-a", "--numbers", "vi",
                                      "--as-of", "2026-06-30", "-f", "json"])
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            let findings = (try Self.json(run.stdout)["findings"] as? [[String: Any]]) ?? []
            return (run.status, findings.map { "\($0["code"] as? String ?? "") \($0["rule"] as? String ?? "")" })
        }
        // Sent back untouched, it is no report at all.
        let untouched = try check(blank)
        #expect(untouched.findings == ["no-data jobs", "report-missing monthly", "no-data rice", "task-overdue voters"])
        // Dated but half filled: the report is in on time and lacks what was left empty.
        var half = Self.fill(blank, "rice_ha", value: "\"1.150,5\"", submitted: "20/06/2026")
        half = Self.fill(half, "new_jobs", value: "", submitted: "20/06/2026")
        half = Self.fill(half, "voters", value: "", submitted: "2026-06-20")
        let halfDone = try check(half)
        #expect(halfDone.findings == ["no-data jobs", "report-incomplete monthly", "task-overdue voters"])
        // Filled in: nothing to report, exit 0.
        var full = Self.fill(blank, "rice_ha", value: "\"1.150,5\"", submitted: "2026-06-20")
        full = Self.fill(full, "new_jobs", value: "12", submitted: "2026-06-20")
        full = Self.fill(full, "voters", value: "01/06/2026", submitted: "2026-06-20")
        let done = try check(full)
        #expect(done.findings.isEmpty)
        #expect(done.status == 0)
    }

    @Test(arguments: [
        (["--unit", "xa-a", "--period", "2026-06"], "several reports of plan 'bao-cao-2026' are due for 2026-06: monthly, rice-season", "choose one with --report"),
        (["--unit", "xa-a", "--period", "2026-06", "--report", "montly"], "--report: plan 'bao-cao-2026' has no report schedule 'montly'", "did you mean 'monthly'?"),
        (["--unit", "xa-a", "--period", "2026-05", "--report", "monthly"], "report 'monthly' has no report for 2026-05", "its periods are 2026-06"),
        (["--unit", "xa-c", "--period", "2026-06"], "--unit: plan 'bao-cao-2026' does not bind unit 'xa-c'", "did you mean 'xa-a'?"),
        (["--period", "2026-06"], "template needs --unit: plan 'bao-cao-2026' binds xa-a, xa-b", ""),
        (["--unit", "xa-a"], "template needs --period", ""),
        (["--unit", "xa-a", "--period", "quý V/2026"], "--period: ", ""),
        (["--unit", "xa-a", "--period", "2026-06", "--numbers", "fr"], "--numbers: expected 'c' or 'vi', found 'fr'", ""),
    ])
    func templateUsageErrors(extra: [String], message: String, hint: String) throws {
        let run = try Binary.run(["template", "-r", Self.templateRules] + extra)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("check: " + message), "\(run.stderr)")
        if !hint.isEmpty { #expect(run.stderr.contains("hint: " + hint), "\(run.stderr)") }
    }

    @Test func templateOfBrokenRulesExitsTwo() throws {
        let run = try Binary.run(["template", "-r", Binary.fixture("bad-rules"), "--unit", "xa-a", "--period", "2026-06"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no template was written"))
    }
}
