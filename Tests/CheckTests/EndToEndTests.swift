import Foundation
import Testing

/// Runs the built `check` binary on the fixture plan (`Fixtures/rules/xa-mau.json`) and its
/// data, and holds stdout, stderr and the exit status to what a user and a CI job rely on.
@Suite(.serialized) struct EndToEndTests {
    static let rules = Binary.fixture("rules")
    static let data = Binary.fixture("data.csv")
    static let base = ["-r", rules, data, "--numbers", "vi", "--as-of", "2026-07-01"]

    /// Paths in output are made relative to the package root, so golden files do not
    /// depend on where the repository is checked out.
    static func portable(_ s: String) -> String {
        s.replacingOccurrences(of: Binary.root.path + "/", with: "")
    }

    @Test func textReportGroupsByUnitThenSeverity() throws {
        let run = try Binary.run(Self.base)
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        try Golden.check(Self.portable(run.stdout), "xa-mau.text")
    }

    @Test func vietnameseMessagesWithLang() throws {
        let run = try Binary.run(Self.base + ["--lang", "vi"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("vi phạm"))
        try Golden.check(Self.portable(run.stdout), "xa-mau.vi.text")
    }

    @Test func langComesFromTheEnvironmentToo() throws {
        let run = try Binary.run(Self.base, environment: ["LANG": "vi_VN.UTF-8"])
        #expect(run.stdout.contains("tính đến ngày 01/07/2026"))
    }

    @Test func jsonIsGoldenAndByteIdenticalAcrossRuns() throws {
        let first = try Binary.run(Self.base + ["--format", "json"])
        let second = try Binary.run(Self.base + ["--format", "json"])
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout)
        try Golden.check(Self.portable(first.stdout), "xa-mau.json")
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect(summary?["violations"] == (object?["findings"] as? [[String: Any]])?.filter { $0["severity"] as? String == "violation" }.count)
    }

    @Test func jsonLinesIsOneFindingPerLine() throws {
        let run = try Binary.run(Self.base + ["-f", "jsonl"])
        let lines = run.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["code"] != nil)
        }
        let json = try Binary.run(Self.base + ["-f", "json"])
        let all = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((all?["findings"] as? [Any])?.count == lines.count)
    }

    @Test func allListsPassingChecks() throws {
        let run = try Binary.run(Self.base + ["-f", "json", "--all"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let results = object?["results"] as? [[String: Any]]
        let summary = object?["summary"] as? [String: Int]
        #expect(results?.count == (summary?["passed"] ?? 0) + (summary?["pending"] ?? 0))
    }

    @Test func standardInputIsReadForDash() throws {
        let csv = try String(contentsOfFile: Self.data, encoding: .utf8)
        let piped = try Binary.run(["-r", Self.rules, "-", "--numbers", "vi", "--as-of", "2026-07-01", "-f", "json"], stdin: csv)
        let file = try Binary.run(Self.base + ["-f", "json"])
        #expect(piped.status == file.status)
        #expect(piped.stdout.replacingOccurrences(of: "<stdin>", with: "F") == file.stdout.replacingOccurrences(of: Self.data, with: "F"))
    }

    @Test func outWritesTheFileAndNothingToStandardOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("findings.json").path
        let run = try Binary.run(Self.base + ["-f", "json", "--out", out])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written == (try Binary.run(Self.base + ["-f", "json"])).stdout)
        // Nothing else (no temporary file) is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["findings.json"])
    }

    @Test(arguments: [
        // Before anything is due: no violation, exit 0.
        (["--as-of", "2026-01-05"], Int32(0)),
        // Only warnings but --strict: exit 1.
        (["--as-of", "2026-01-20", "--strict"], Int32(1)),
        (["--as-of", "2026-01-20"], Int32(0)),
    ])
    func exitStatusFollowsTheFindings(extra: [String], status: Int32) throws {
        let run = try Binary.run(["-r", Self.rules, Binary.fixture("data-january.csv"), "--numbers", "vi"] + extra)
        #expect(run.status == status, "\(run.stdout)\(run.stderr)")
    }

    @Test func brokenRulesAreAllReportedWithExitTwo() throws {
        let run = try Binary.run(["-r", Binary.fixture("bad-rules"), Self.data, "--as-of", "2026-07-01"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let stderr = Self.portable(run.stderr)
        try Golden.check(stderr, "bad-rules.stderr")
        #expect(stderr.contains("a.json:13:3: error: $.warnDay: unknown key 'warnDay' in a plan [rules.unknown-key]"))
        #expect(stderr.contains("hint: did you mean 'warnDays'?"))
        #expect(stderr.contains("b.json:6:51: error: $.rules: trailing comma is not allowed in JSON"))
    }

    @Test func lintIsCleanOnGoodRulesAndListsEveryProblemOnBadOnes() throws {
        let good = try Binary.run(["lint", Self.rules])
        #expect(good.status == 0)
        #expect(good.stdout.contains("no problems"))
        let bad = try Binary.run(["lint", Binary.fixture("bad-rules"), "-f", "json"])
        #expect(bad.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 10)
        let missing = try Binary.run(["lint", "no/such/folder"])
        #expect(missing.status == 2)
    }

    @Test func unreadableDataStopsTheCheckWithExitTwo() throws {
        let missing = try Binary.run(["-r", Self.rules, "no-such-file.csv", "--as-of", "2026-07-01"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-file.csv: error: cannot read the file [data.unreadable]"))
        let noColumn = try Binary.run(["-r", Self.rules, "-", "--as-of", "2026-07-01"], stdin: "unit,period,indicatr,value\nxa-mau,2026-01,x,1\n")
        #expect(noColumn.status == 2)
        #expect(noColumn.stderr.contains("the header has no 'indicator' column"))
        #expect(noColumn.stderr.contains("did you mean 'indicator' for 'indicatr'?"))
    }

    @Test(arguments: [
        (["--formt", "json"], "unknown option '--formt'", "did you mean '--format'?"),
        (["--format", "jsno"], "unknown format 'jsno'", "did you mean 'json'?"),
        (["--as-of", "31/13/2026"], "--as-of: cannot read '31/13/2026' as a date", "YYYY-MM-DD"),
        (["--lang", "fr"], "--lang: expected 'en' or 'vi', found 'fr'", ""),
        (["--warn-days", "-3"], "--warn-days", ""),
        (["--plan", "xa-mua-2026"], "--plan: no plan 'xa-mua-2026' in the rules", "did you mean 'xa-mau-2026'?"),
    ])
    func badUsageExitsSixtyFour(arguments: [String], message: String, hint: String) throws {
        let run = try Binary.run(["-r", Self.rules, Self.data] + arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(hint.isEmpty || run.stderr.contains(hint), "\(run.stderr)")
    }

    @Test func helpAndVersion() throws {
        let help = try Binary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("usage:"))
        #expect(help.stdout.contains("examples:"))
        let version = try Binary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("check "))
    }

    @Test func explainShowsTheDeadlineRollAndTheValues() throws {
        let run = try Binary.run(["explain", "tet-task", "-r", Self.rules, Self.data, "--numbers", "vi", "--as-of", "2026-03-01"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("the deadline moves to the next working day, 2026-02-23 (Monday)"))
        #expect(run.stdout.contains("2026-02-21 (Saturday): weekend, Lunar New Year (Tết) break"))
        try Golden.check(Self.portable(run.stdout), "explain-tet-task.text")
        let vi = try Binary.run(["explain", "tet-task", "-r", Self.rules, Self.data, "--numbers", "vi", "--as-of", "2026-03-01", "--lang", "vi"])
        #expect(vi.stdout.contains("17/02/2026 (thứ Ba): Tết Nguyên đán (nghỉ lễ)"))
        #expect(vi.stdout.contains("21/02/2026 (thứ Bảy): Tết Nguyên đán (nghỉ cuối tuần)"))
        // Vietnamese all through: the severity and the dates of values and checks.
        #expect(vi.stdout.contains("mức độ: vi phạm"))
        #expect(!vi.stdout.contains("violation") && !vi.stdout.contains("warning"))
        #expect(!vi.stdout.contains("hạn 2026-"), "\(vi.stdout)")
    }

    @Test func explainAnUnknownRuleSuggestsOne() throws {
        let run = try Binary.run(["explain", "lane-road", "-r", Self.rules, Self.data])
        #expect(run.status == 64)
        #expect(run.stderr.contains("did you mean 'lane-roads'?"))
    }
}
