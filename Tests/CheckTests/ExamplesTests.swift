import Foundation
import Testing

/// The example progress data of the five real plans (`examples/<plan>/progress.csv`), checked
/// by the built binary at the dates of the golden files in `examples/<plan>/expected/`, byte
/// for byte. Every golden file has been read finding by finding against its plan document
/// (`examples/<plan>/README.md` says why each finding is there), so a difference means the
/// verdict on a real plan changed: re-record with `RECORD_SNAPSHOTS=1` only when that is meant.
@Suite(.serialized) struct ExamplesTests {
    /// One recorded run of `check` on a plan's example data.
    struct Run: Sendable, CustomTestStringConvertible {
        enum Output: Sendable {
            /// `--format json`: the findings, as the brief of each example asks.
            case json
            /// `--format json --all`: also every passing and pending check, so that a changed
            /// threshold, unit or deadline shows even where the data meets it.
            case jsonAll
            /// The default text report (what the README's first command prints).
            case text
        }

        var plan: String
        var asOf: String
        var output: Output

        func arguments(rules: String) -> [String] {
            let format: [String] = switch output {
            case .json: ["--format", "json"]
            case .jsonAll: ["--format", "json", "--all"]
            case .text: []
            }
            return ["--rules", rules, "examples/\(plan)/progress.csv", "--as-of", asOf] + format
        }

        /// Repo-relative, like the paths the binary prints (it runs from the package root).
        var golden: String {
            let suffix = switch output {
            case .json: ".json"
            case .jsonAll: ".all.json"
            case .text: ".txt"
            }
            return "examples/\(plan)/expected/\(asOf)\(suffix)"
        }

        var testDescription: String { golden }
    }

    static let plans = ["cao-minh-2026", "cao-minh-hdnd-2026", "phong-quang-2026", "thuy-hung-2026", "vu-quang-2026"]

    /// End of Q1, mid-year and the last day of the year (when year-end targets are due but not
    /// yet judged), then a fortnight after the year, when every 2026 deadline has been judged.
    static let runs: [Run] = plans.flatMap { plan in
        ["2026-03-31", "2026-06-30", "2026-12-31"].map { Run(plan: plan, asOf: $0, output: .json) }
            + [Run(plan: plan, asOf: "2027-01-15", output: .jsonAll)]
    } + [readmeRun]

    /// The README's first command.
    static let readmeRun = Run(plan: "thuy-hung-2026", asOf: "2026-09-30", output: .text)

    @Test(arguments: runs) func outputMatchesTheGoldenFile(_ run: Run) throws {
        let result = try Binary.run(run.arguments(rules: "rules/\(run.plan).json"))
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.status == 0 || result.status == 1, "exit \(result.status): \(result.stderr)")
        if run.output != .text {
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let violations = (object?["summary"] as? [String: Int])?["violations"] ?? -1
            #expect(result.status == (violations > 0 ? 1 : 0))
        }
        try Golden.check(result.stdout, at: run.golden)
    }

    /// A deliberate change to one rule of a plan, and the recorded run that must notice it.
    struct Mutation: Sendable, CustomTestStringConvertible {
        var what: String
        var run: Run
        var find: String
        var replace: String
        var testDescription: String { "\(run.plan): \(what)" }
    }

    static let mutations: [Mutation] = [
        Mutation(what: "milestone threshold 3 km → 2 km", run: Run(plan: "thuy-hung-2026", asOf: "2026-06-30", output: .json),
                 find: #""target": "tối thiểu 3 km""#, replace: #""target": "tối thiểu 2 km""#),
        Mutation(what: "'trước ngày 03/02' read as 'chậm nhất ngày 03/02'", run: Run(plan: "thuy-hung-2026", asOf: "2026-03-31", output: .json),
                 find: #""due": "trước ngày 03/02/2026""#, replace: #""due": "chậm nhất ngày 03/02/2026""#),
        Mutation(what: "no working-day roll", run: Run(plan: "thuy-hung-2026", asOf: "2026-03-31", output: .json),
                 find: #""roll": "next-working-day""#, replace: #""roll": "none""#),
        Mutation(what: "monthly report due before day 28", run: Run(plan: "thuy-hung-2026", asOf: "2026-06-30", output: .json),
                 find: #""due": "trước ngày 25 hàng tháng""#, replace: #""due": "trước ngày 28 hàng tháng""#),
        Mutation(what: "budget unit tỷ đồng → triệu đồng", run: Run(plan: "cao-minh-2026", asOf: "2027-01-15", output: .jsonAll),
                 find: #""target": "1,6 tỷ đồng""#, replace: #""target": "1,6 triệu đồng""#),
        Mutation(what: "'trên 98%' (strictly above) → 'từ 98% trở lên'", run: Run(plan: "cao-minh-2026", asOf: "2026-12-31", output: .json),
                 find: #""target": "trên 98%""#, replace: #""target": "từ 98% trở lên""#),
        Mutation(what: "report due the last day → the 30th", run: Run(plan: "cao-minh-hdnd-2026", asOf: "2026-03-31", output: .json),
                 find: #""due": "chậm nhất ngày 31""#, replace: #""due": "chậm nhất ngày 30""#),
        Mutation(what: "maintain 100% → 99%", run: Run(plan: "phong-quang-2026", asOf: "2026-06-30", output: .json),
                 find: #""maintain": "100%""#, replace: #""maintain": "từ 99% trở lên""#),
        Mutation(what: "quarterly report due before day 19", run: Run(plan: "vu-quang-2026", asOf: "2026-03-31", output: .json),
                 find: #""due": "trước ngày 20 tháng cuối quý""#, replace: #""due": "trước ngày 19 tháng cuối quý""#),
        Mutation(what: "'5.320'-style numbers read the English way", run: Run(plan: "vu-quang-2026", asOf: "2026-12-31", output: .json),
                 find: #""numbers": "vi""#, replace: #""numbers": "en""#),
        Mutation(what: "scale word: 125 nghìn con → 125 con", run: Run(plan: "vu-quang-2026", asOf: "2027-01-15", output: .jsonAll),
                 find: #""target": "125 nghìn con""#, replace: #""target": "125 con""#),
    ]

    /// The golden files are not blind to the rules: a copy of the plan with one threshold, unit
    /// or deadline changed (in a temporary folder) gives different output, while an unchanged
    /// copy in the same folder gives exactly the golden output.
    @Test(arguments: mutations) func changingARuleChangesTheOutput(_ m: Mutation) throws {
        let original = try String(contentsOf: Binary.root.appendingPathComponent("rules/\(m.run.plan).json"), encoding: .utf8)
        try #require(original.contains(m.find), "'\(m.find)' is not in rules/\(m.run.plan).json")
        let golden = try #require(FileManager.default.contents(atPath: Binary.root.appendingPathComponent(m.run.golden).path),
                                  "missing \(m.run.golden)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("\(m.run.plan).json")
        func check(_ text: String) throws -> Binary.Run {
            try Data(text.utf8).write(to: copy)
            var result = try Binary.run(m.run.arguments(rules: copy.path))
            result.stdout = result.stdout.replacingOccurrences(of: dir.path + "/", with: "rules/")
            return result
        }

        let unchanged = try check(original)
        #expect(unchanged.stdout == String(decoding: golden, as: UTF8.self), "the unchanged copy should reproduce \(m.run.golden)")
        let mutated = try check(original.replacingOccurrences(of: m.find, with: m.replace))
        #expect(mutated.status == 0 || mutated.status == 1, "the mutated plan should still load: \(mutated.stderr)")
        #expect(mutated.stdout != String(decoding: golden, as: UTF8.self), "\(m.what) left \(m.run.golden) unchanged")
    }

    /// Every plan under `rules/` has example data, a README and its golden files, and the
    /// examples index names it.
    @Test func everyPlanHasItsExamples() throws {
        let fm = FileManager.default
        let rules = try fm.contentsOfDirectory(atPath: Binary.root.appendingPathComponent("rules").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(rules == Self.plans)
        let index = try String(contentsOf: Binary.root.appendingPathComponent("examples/README.md"), encoding: .utf8)
        for plan in Self.plans {
            for file in ["progress.csv", "README.md"] {
                #expect(fm.fileExists(atPath: Binary.root.appendingPathComponent("examples/\(plan)/\(file)").path),
                        "examples/\(plan)/\(file) is missing")
            }
            #expect(index.contains("(\(plan)/)"), "examples/README.md does not link \(plan)/")
        }
        let recorded = Set(Self.runs.map(\.golden))
        for plan in Self.plans {
            let folder = Binary.root.appendingPathComponent("examples/\(plan)/expected")
            let present = Set((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).map { "examples/\(plan)/expected/\($0)" }
            for stray in present.filter({ !recorded.contains($0) }).sorted() {
                Issue.record("\(stray) is compared by no test")
            }
        }
    }

    /// The README's first command is the run whose text output is recorded, so the golden file
    /// shows exactly what a new reader sees.
    @Test func readmeFirstCommandIsTheRecordedRun() throws {
        let readme = try String(contentsOf: Binary.root.appendingPathComponent("README.md"), encoding: .utf8)
        let first = try #require(readme.split(separator: "\n").first { $0.hasPrefix("swift run") })
        let words = first.split(separator: " ").map(String.init)
        #expect(Array(words.prefix(4)) == ["swift", "run", "-c", "release"])
        #expect(Array(words.dropFirst(4)) == ["check"] + Self.readmeRun.arguments(rules: "rules/\(Self.readmeRun.plan).json"))
    }
}
