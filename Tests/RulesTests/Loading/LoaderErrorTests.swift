import Testing
@testable import Rules

/// One broken fragment of a rules file and the diagnostic it must give: the code, where it
/// points, and what it says.
struct LoaderErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var code: String
    /// The JSON path of the location.
    var path: String
    /// The text the diagnostic points at, written once in `json`: its line and column are
    /// the expected ones.
    var at: String
    /// A fragment of the English message.
    var message: String
    /// A fragment of the Vietnamese message, for some rows.
    var vi: String? = nil
    /// A whole rules file, read as `rules/p.json`.
    var json: String

    var testDescription: String { "\(code): \(name)" }
}

/// A set of files in memory read by `RulesLoader`, for problems that need more than one
/// plan (two plans with one id), a folder, or the calendar lookup.
struct FilesErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var code: String
    var file: String
    /// The JSON path and the text pointed at in `files[file]`; both nil for a problem with
    /// a folder rather than inside a file.
    var path: String?
    var at: String?
    var message: String
    var vi: String? = nil
    var paths: [String]
    var files: [String: String]

    var testDescription: String { "\(code): \(name)" }
}

/// The error branches of rules loading (spec §2): each broken fragment is reported with its
/// stable code, a position, and a message in both languages.
@Suite struct LoaderErrorTests {
    /// A plan file whose header is written out, for rows that break the header itself.
    static func header(_ fields: String) -> String {
        #"{\#(fields), "rules": [{"id": "chestnut-area", "indicator": "chestnut_new_area", "target": "18 ha"}]}"#
    }

    static let report = #""every": "quarter", "due": "trước ngày 20 tháng cuối quý""#
    static let chestnut = #"{"id": "chestnut-area", "indicator": "chestnut_new_area", "target": "18 ha"}"#

    static let planCases: [LoaderErrorCase] = [
        // rules.bad-slug, once for every place an id is written
        .init(name: "plan id", code: "rules.bad-slug", path: "$.plan", at: #""Cao Minh 2026""#,
              message: "plan id 'Cao Minh 2026' is not a valid slug", vi: "mã kế hoạch 'Cao Minh 2026' không hợp lệ",
              json: header(#""plan": "Cao Minh 2026", "units": ["cao-minh"], "year": 2026, "calendar": "none""#)),
        .init(name: "unit in the plan's units", code: "rules.bad-slug", path: "$.units[0]", at: #""Cao Minh""#,
              message: "unit 'Cao Minh' is not a valid slug",
              json: header(#""plan": "cao-minh-2026", "units": ["Cao Minh"], "year": 2026, "calendar": "none""#)),
        .init(name: "owner id", code: "rules.bad-slug", path: #"$.owners["UBND xã"]"#, at: #""UBND xã""#,
              message: "owner id 'UBND xã' is not a valid slug",
              json: Harness.plan(rules: chestnut,
                                 extra: #""calendar": "none", "owners": {"UBND xã": {"name": "Ủy ban nhân dân xã Cao Minh"}}"#)),
        .init(name: "indicator id", code: "rules.bad-slug", path: #"$.indicators["Thu ngân sách"]"#, at: #""Thu ngân sách""#,
              message: "indicator id 'Thu ngân sách' is not a valid slug",
              json: Harness.plan(rules: #"{"id": "budget", "indicator": "budget_revenue", "target": "5000 triệu đồng"}"#,
                                 extra: #""calendar": "none", "indicators": {"Thu ngân sách": {"unit": "triệu đồng"}}"#)),
        .init(name: "rule id", code: "rules.bad-slug", path: "$.rules[0].id", at: #""Chỉ tiêu 1""#,
              message: "rule id 'Chỉ tiêu 1' is not a valid slug", vi: "mã quy tắc 'Chỉ tiêu 1' không hợp lệ",
              json: Harness.plan(rules: #"{"id": "Chỉ tiêu 1", "indicator": "chestnut_new_area", "target": "18 ha"}"#)),
        .init(name: "a rule's indicator", code: "rules.bad-slug", path: "$.rules[0].indicator", at: #""Hạt dẻ""#,
              message: "indicator 'Hạt dẻ' is not a valid slug",
              json: Harness.plan(rules: #"{"id": "chestnut-area", "indicator": "Hạt dẻ", "target": "18 ha"}"#)),
        .init(name: "unit in a rule's units", code: "rules.bad-slug", path: "$.rules[0].units[0]", at: #""Cao Minh""#,
              message: "unit 'Cao Minh' is not a valid slug",
              json: Harness.plan(rules: #"{"id": "chestnut-area", "indicator": "chestnut_new_area", "target": "18 ha", "units": ["Cao Minh"]}"#)),
        .init(name: "report id", code: "rules.bad-slug", path: "$.reports[0].id", at: #""Báo cáo quý""#,
              message: "report id 'Báo cáo quý' is not a valid slug",
              json: Harness.plan(rules: "", reports: #"{"id": "Báo cáo quý", \#(report)}"#)),
        .init(name: "unit in a report's units", code: "rules.bad-slug", path: "$.reports[0].units[0]", at: #""Thụy Hùng""#,
              message: "unit 'Thụy Hùng' is not a valid slug",
              json: Harness.plan(rules: "", reports: #"{"id": "quarterly", "units": ["Thụy Hùng"], \#(report)}"#)),
        .init(name: "indicator a baseline refers to", code: "rules.bad-slug", path: "$.rules[0].baseline.indicator",
              at: #""chỉ tiêu tỉnh giao""#, message: "'chỉ tiêu tỉnh giao' is not an indicator id",
              json: Harness.plan(rules: #"{"id": "domestic-revenue", "indicator": "domestic_revenue", "change": "tăng tối thiểu 10%", "baseline": {"indicator": "chỉ tiêu tỉnh giao"}}"#)),

        // User text with a line break or a tab is quoted escaped, so that the diagnostic
        // stays on its one line of standard error.
        .init(name: "plan id with a line break", code: "rules.bad-slug", path: "$.plan", at: #""cao\nminh""#,
              message: #"plan id "cao\nminh" is not a valid slug"#, vi: #"mã kế hoạch "cao\nminh" không hợp lệ"#,
              json: header(#""plan": "cao\nminh", "units": ["cao-minh"], "year": 2026, "calendar": "none""#)),
        .init(name: "owner email with a tab", code: "rules.bad-value", path: "$.owners.ubnd.email", at: #""ubnd@xa\t.vn""#,
              message: #""ubnd@xa\t.vn" is not an email address (expected name@domain)"#,
              vi: #""ubnd@xa\t.vn" không phải địa chỉ email"#,
              json: Harness.plan(rules: chestnut, extra: #""calendar": "none", "owners": {"ubnd": {"name": "UBND", "email": "ubnd@xa\t.vn"}}"#)),
        .init(name: "target with a line break", code: "rules.bad-threshold", path: "$.rules[0].target", at: #""khoảng 80%\ntrở lên""#,
              message: #"cannot read threshold "khoảng 80%\ntrở lên""#,
              json: Harness.plan(rules: #"{"id": "chestnut-area", "indicator": "chestnut_new_area", "target": "khoảng 80%\ntrở lên"}"#)),
        .init(name: "rule key with a line break", code: "rules.unknown-key", path: "$.rules[0][\"ti\\ntle\"]", at: #""ti\ntle""#,
              message: #"unknown key "ti\ntle" in a target rule"#,
              json: Harness.plan(rules: #"{"id": "chestnut-area", "indicator": "chestnut_new_area", "target": "18 ha", "ti\ntle": "x"}"#)),
        .init(name: "roll with a line break", code: "rules.bad-value", path: "$.roll", at: #""none\n""#,
              message: #"found "none\n""#,
              json: Harness.plan(rules: chestnut, extra: #""calendar": "none", "roll": "none\n""#)),
        .init(name: "report period with a line break", code: "rules.bad-period", path: "$.reports[0].periods[1]", at: #""2026\nQ2""#,
              message: #"found "2026\nQ2""#,
              json: Harness.plan(rules: "", reports: #"{"id": "de-an-report", "periods": ["2026-Q1", "2026\nQ2"], "due": "chậm nhất ngày 31"}"#)),

        .init(name: "baseline neither a number nor a period", code: "rules.bad-baseline", path: "$.rules[0].baseline",
              at: #""năm trước""#, message: #"expected a number, a {unit: number} map or a period such as "2025", found 'năm trước'"#,
              vi: "nhưng gặp 'năm trước'",
              json: Harness.plan(rules: #"{"id": "poverty-reduction", "indicator": "poverty_rate", "change": "giảm ít nhất 2%", "baseline": "năm trước"}"#)),
        .init(name: "baseline period without a year", code: "rules.bad-baseline", path: "$.rules[0].baseline",
              at: #""quý II""#, message: "found 'quý II'",
              json: Harness.plan(rules: #"{"id": "poverty-reduction", "indicator": "poverty_rate", "change": "giảm ít nhất 2%", "baseline": "quý II"}"#)),

        .init(name: "baseline is the plan year itself", code: "rules.baseline-after-due", path: "$.rules[0].baseline",
              at: #""2026""#, message: "the baseline period 2026 does not end before the due date 2026-12-31",
              vi: "kỳ gốc năm 2026 không kết thúc trước thời hạn 31/12/2026",
              json: Harness.plan(rules: #"{"id": "poverty-reduction", "indicator": "poverty_rate", "change": "giảm ít nhất 2%", "baseline": "2026"}"#)),
        .init(name: "baseline quarter after the due quarter", code: "rules.baseline-after-due", path: "$.rules[0].baseline",
              at: #""2026-Q3""#, message: "the baseline period 2026-Q3 does not end before the due date 2026-06-30",
              vi: "kỳ gốc quý III/2026 không kết thúc trước thời hạn 30/06/2026",
              json: Harness.plan(rules: #"{"id": "traffic-accidents", "indicator": "traffic_accidents", "change": "giảm 5%", "baseline": "2026-Q3", "due": "quý II/2026"}"#)),
        .init(name: "baseline quarter ending on the due date", code: "rules.baseline-after-due", path: "$.rules[0].baseline",
              at: #""2026-Q2""#, message: "the baseline period 2026-Q2 does not end before the due date 2026-06-30",
              json: Harness.plan(rules: #"{"id": "traffic-accidents", "indicator": "traffic_accidents", "change": "giảm 5%", "baseline": "2026-Q2", "due": "quý II/2026"}"#)),

        .init(name: "blank rule id", code: "rules.empty-value", path: "$.rules[0].id", at: #"" ""#,
              message: "'id' must not be empty", vi: "'id' không được để trống",
              json: Harness.plan(rules: #"{"id": " ", "indicator": "chestnut_new_area", "target": "18 ha"}"#)),
        .init(name: "rule id of a tab and an ideographic space", code: "rules.empty-value", path: "$.rules[0].id",
              at: #""\t\u3000""#, message: "'id' must not be empty",
              json: Harness.plan(rules: #"{"id": "\t\u3000", "indicator": "chestnut_new_area", "target": "18 ha"}"#)),
        .init(name: "empty plan id", code: "rules.empty-value", path: "$.plan", at: #""""#,
              message: "'plan' must not be empty",
              json: header(#""plan": "", "units": ["cao-minh"], "year": 2026, "calendar": "none""#)),
        .init(name: "plan lists no unit", code: "rules.empty-value", path: "$.units", at: "[]",
              message: #"'units' lists no unit: give unit slugs or "*" for every unit in the data"#,
              vi: "'units' không có đơn vị nào",
              json: header(#""plan": "cao-minh-2026", "units": [], "year": 2026, "calendar": "none""#)),
        .init(name: "empty indicator of a rule", code: "rules.empty-value", path: "$.rules[0].indicator", at: #""""#,
              message: "'indicator' must not be empty",
              json: Harness.plan(rules: #"{"id": "chestnut-area", "indicator": "", "target": "18 ha"}"#)),
        .init(name: "empty due of a report", code: "rules.empty-value", path: "$.reports[0].due", at: #""""#,
              message: "'due' must not be empty",
              json: Harness.plan(rules: "", reports: #"{"id": "annual", "every": "year", "due": ""}"#)),
        .init(name: "blank due of a milestone", code: "rules.empty-value", path: "$.rules[0].milestones[0].due", at: #""  ""#,
              message: "'due' must not be empty",
              json: Harness.plan(rules: #"{"id": "lane-roads", "indicator": "lane_road_km", "target": "6 km", "due": "quý IV/2026", "milestones": [{"due": "  ", "target": "3 km"}]}"#)),

        .init(name: "maintain window ends before it starts", code: "rules.empty-window", path: "$.rules[0].to", at: #""quý II/2026""#,
              message: "'to' (2026-06-30) is before 'from' (2026-07-01)", vi: "'to' (30/06/2026) trước 'from' (01/07/2026)",
              json: Harness.plan(rules: #"{"id": "htx", "indicator": "cooperatives", "maintain": "duy trì 04 HTX", "from": "2026-Q3", "to": "quý II/2026"}"#)),
        .init(name: "maintain window of two dates in the wrong order", code: "rules.empty-window", path: "$.rules[0].to", at: #""2026-06-01""#,
              message: "'to' (2026-06-01) is before 'from' (2026-06-30)",
              json: Harness.plan(rules: #"{"id": "htx", "indicator": "cooperatives", "maintain": "duy trì 04 HTX", "from": "2026-06-30", "to": "2026-06-01"}"#)),

        .init(name: "milestone after the rule's due date", code: "rules.milestone-after-due", path: "$.rules[0].milestones[0].due",
              at: #""quý III/2026""#, message: "the milestone's date 2026-09-30 is after the rule's due date 2026-06-30",
              vi: "thời hạn của mốc 30/09/2026 sau thời hạn của quy tắc 30/06/2026",
              json: Harness.plan(rules: #"{"id": "lane-roads-schedule", "indicator": "lane_road_km", "target": "phấn đấu 6 km", "due": "quý II/2026", "milestones": [{"due": "quý III/2026", "target": "tối thiểu 3 km"}]}"#)),
        .init(name: "second milestone after the default due date", code: "rules.milestone-after-due", path: "$.rules[0].milestones[1].due",
              at: #""2027-01-15""#, message: "the milestone's date 2027-01-15 is after the rule's due date 2026-12-31",
              json: Harness.plan(rules: #"{"id": "lane-roads-schedule", "indicator": "lane_road_km", "target": "6 km", "milestones": [{"due": "quý II/2026", "target": "3 km"}, {"due": "2027-01-15", "target": "5 km"}]}"#)),

        .init(name: "rule without id", code: "rules.missing-key", path: "$.rules[0]", at: #"{"indicator""#,
              message: "a rule needs 'id'", vi: "một quy tắc cần có khóa 'id'",
              json: Harness.plan(rules: #"{"indicator": "chestnut_new_area", "target": "18 ha"}"#)),
        .init(name: "plan without plan id", code: "rules.missing-key", path: "$", at: #"{"units""#,
              message: "a plan needs 'plan'",
              json: header(#""units": ["cao-minh"], "year": 2026, "calendar": "none""#)),
        .init(name: "plan without year", code: "rules.missing-key", path: "$", at: #"{"plan""#,
              message: "a plan needs 'year'",
              json: header(#""plan": "cao-minh-2026", "units": ["cao-minh"], "calendar": "none""#)),
        .init(name: "plan without units", code: "rules.missing-key", path: "$", at: #"{"plan""#,
              message: "a plan needs 'units'",
              json: header(#""plan": "cao-minh-2026", "year": 2026, "calendar": "none""#)),
        .init(name: "change rule without baseline", code: "rules.missing-key", path: "$.rules[0]", at: #"{"id": "poverty-reduction""#,
              message: "a change rule needs 'baseline'",
              json: Harness.plan(rules: #"{"id": "poverty-reduction", "indicator": "poverty_rate", "change": "giảm ít nhất 2%"}"#)),
        .init(name: "report without every or periods", code: "rules.missing-key", path: "$.reports[0]", at: #"{"id": "annual""#,
              message: "a report schedule needs 'every' (month, quarter, half, year) or 'periods'",
              json: Harness.plan(rules: "", reports: #"{"id": "annual", "due": "chậm nhất ngày 31"}"#)),
        .init(name: "report without due", code: "rules.missing-key", path: "$.reports[0]", at: #"{"id": "annual""#,
              message: "a report schedule needs 'due'",
              json: Harness.plan(rules: "", reports: #"{"id": "annual", "every": "year"}"#)),
        .init(name: "milestone without target", code: "rules.missing-key", path: "$.rules[0].milestones[0]", at: #"{"due": "quý I/2026"}"#,
              message: "a milestone needs 'target'", vi: "một mốc cần có khóa 'target'",
              json: Harness.plan(rules: #"{"id": "online-dossier-villages", "indicator": "online_dossier_villages", "target": "10 thôn", "due": "quý II/2026", "milestones": [{"due": "quý I/2026"}]}"#)),

        .init(name: "rule with a target and a maintain", code: "rules.several-shapes", path: "$.rules[0]", at: #"{"id": "online-tthc""#,
              message: "a rule has exactly one shape, found 'target', 'maintain'",
              json: Harness.plan(rules: #"{"id": "online-tthc", "indicator": "online_tthc_rate", "target": "100%", "maintain": "từ 90% trở lên"}"#)),
        .init(name: "report with every and periods", code: "rules.several-shapes", path: "$.reports[0]", at: #"{"id": "de-an-report""#,
              message: "a report schedule has 'every' or 'periods', not both", vi: "không dùng cả hai",
              json: Harness.plan(rules: "", reports: #"{"id": "de-an-report", "every": "quarter", "periods": ["2026-Q1", "2026-H1"], "due": "chậm nhất ngày 31"}"#)),

        .init(name: "report period that does not exist", code: "rules.bad-period", path: "$.reports[0].periods[1]", at: #""2026-Q5""#,
              message: "found '2026-Q5'",
              json: Harness.plan(rules: "", reports: #"{"id": "de-an-report", "periods": ["2026-Q1", "2026-Q5"], "due": "chậm nhất ngày 31"}"#)),
        .init(name: "maintain window start", code: "rules.bad-period", path: "$.rules[0].from", at: #""đầu quý hai""#,
              message: "from: expected a period ('2026-Q2', 'quý II/2026') or a date ('2026-04-01'), found 'đầu quý hai'",
              json: Harness.plan(rules: #"{"id": "htx", "indicator": "cooperatives", "maintain": "duy trì 04 HTX", "from": "đầu quý hai"}"#)),
        .init(name: "report window end", code: "rules.bad-period", path: "$.reports[0].to", at: #""hết tháng mười ba""#,
              message: "to: expected a period", vi: "nhưng gặp 'hết tháng mười ba'",
              json: Harness.plan(rules: "", reports: #"{"id": "monthly", "every": "month", "due": "trước ngày 25 hàng tháng", "to": "hết tháng mười ba"}"#)),
        .init(name: "rule due in a quarter that does not exist", code: "rules.bad-period", path: "$.rules[0].due", at: #""quý V/2026""#,
              message: "there is no quarter 5",
              json: Harness.plan(rules: #"{"id": "lane-roads", "indicator": "lane_road_km", "target": "6 km", "due": "quý V/2026"}"#)),
    ]

    static let fileCases: [FilesErrorCase] = [
        .init(name: "two files in a folder define one plan", code: "rules.duplicate-plan", file: "rules/b.json",
              path: "$.plan", at: #""p""#, message: "plan 'p' is also defined in rules/a.json",
              vi: "kế hoạch 'p' đã được định nghĩa trong rules/a.json",
              paths: ["rules"],
              files: ["rules/a.json": Harness.plan(rules: chestnut),
                      "rules/b.json": Harness.plan(rules: #"{"id": "macadamia-area", "indicator": "macadamia_new_area", "target": "20 ha"}"#)]),
        .init(name: "two listed files define one plan", code: "rules.duplicate-plan", file: "plans/2026.json",
              path: "$.plan", at: #""p""#, message: "plan 'p' is also defined in rules/cao-minh.json",
              paths: ["rules/cao-minh.json", "plans/2026.json"],
              files: ["rules/cao-minh.json": Harness.plan(rules: chestnut),
                      "plans/2026.json": Harness.plan(rules: #"{"id": "macadamia-area", "indicator": "macadamia_new_area", "target": "20 ha"}"#)]),
        .init(name: "folder without rules files", code: "rules.no-files", file: "rules", path: nil, at: nil,
              message: "no rules files (*.json) in this folder", vi: "thư mục không có tệp quy tắc (*.json)",
              paths: ["rules"],
              files: ["rules/README.md": "Kế hoạch năm 2026", "rules/calendars/tinh.json": #"{"extends": "vn"}"#]),
        .init(name: "folder whose only .json is a folder", code: "rules.no-files", file: "rules", path: nil, at: nil,
              message: "no rules files (*.json) in this folder",
              paths: ["rules"],
              files: ["rules/old.json/p.json": Harness.plan(rules: chestnut)]),
        .init(name: "calendar written as a path", code: "rules.bad-calendar-name", file: "rules/p.json", path: "$.calendar",
              at: #""calendars/tinh.json""#, message: "'calendars/tinh.json' is not a calendar name: a plan names a calendar, not a path",
              vi: "'calendars/tinh.json' không phải tên lịch",
              paths: ["rules/p.json"],
              files: ["rules/p.json": Harness.plan(rules: chestnut, extra: #""calendar": "calendars/tinh.json""#),
                      "rules/calendars/tinh.json": #"{"extends": "vn"}"#]),
        .init(name: "calendar written as a Windows path", code: "rules.bad-calendar-name", file: "rules/p.json", path: "$.calendar",
              at: #""calendars\\tinh""#, message: #"'calendars\tinh' is not a calendar name"#,
              paths: ["rules/p.json"],
              files: ["rules/p.json": Harness.plan(rules: chestnut, extra: #""calendar": "calendars\\tinh""#),
                      "rules/calendars/tinh.json": #"{"extends": "vn"}"#]),
        .init(name: "hidden calendar name", code: "rules.bad-calendar-name", file: "rules/p.json", path: "$.calendar",
              at: #"".tinh""#, message: "'.tinh' is not a calendar name",
              paths: ["rules/p.json"],
              files: ["rules/p.json": Harness.plan(rules: chestnut, extra: #""calendar": ".tinh""#)]),
        .init(name: "empty calendar name", code: "rules.bad-calendar-name", file: "rules/p.json", path: "$.calendar",
              at: #""""#, message: "'' is not a calendar name",
              paths: ["rules/p.json"],
              files: ["rules/p.json": Harness.plan(rules: chestnut, extra: #""calendar": """#)]),
    ]

    @Test(arguments: planCases)
    func aBrokenFragmentIsReported(_ row: LoaderErrorCase) throws {
        let problems = Harness.problems(row.json)
        // Exactly one problem: a broken value must not drag follow-on errors behind it.
        #expect(problems.map(\.code) == [row.code], "\(problems.map { "\($0.code) \($0.message.en)" })")
        let found = try #require(problems.first { $0.code == row.code })
        let position = try #require(Self.position(of: row.at, in: row.json), "'\(row.at)' must be written once in the row's JSON")
        Self.expectPlaced(found, file: "rules/p.json", path: row.path, at: position)
        Self.expectMessage(found, en: row.message, vi: row.vi)
        Self.expectTranslated(found)
    }

    @Test(arguments: fileCases)
    func aBrokenFileSetIsReported(_ row: FilesErrorCase) throws {
        let result = RulesLoader.load(paths: row.paths, fileSystem: memoryFileSystem(row.files))
        #expect(result.rules == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [row.code], "\(errors.map { "\($0.code) \($0.message.en)" })")
        let found = try #require(errors.first { $0.code == row.code })
        var position: (line: Int, column: Int)? = nil
        if let at = row.at {
            let json = try #require(row.files[row.file])
            let p = try #require(Self.position(of: at, in: json), "'\(at)' must be written once in \(row.file)")
            position = p
        }
        Self.expectPlaced(found, file: row.file, path: row.path, at: position)
        Self.expectMessage(found, en: row.message, vi: row.vi)
        Self.expectTranslated(found)
    }

    // MARK: - Many problems at once

    /// One file with a problem in its header, its owners, its indicators, its rules and its
    /// reports: every one is reported in the same run (spec §2: loading collects them all).
    static let manyProblems = """
        {
          "plan": "Thụy Hùng 2026",
          "units": ["thuy-hung"],
          "year": 2026,
          "calendar": "none",
          "owners": {"Phòng Kinh tế": {"name": "Phòng Kinh tế"}},
          "indicators": {"Diện tích hạt dẻ": {"unit": "ha", "aggregate": "sum"}},
          "rules": [
            {"indicator": "chestnut_new_area", "target": "18 ha"},
            {"id": "online-tthc", "indicator": "online_tthc_rate", "target": "100%", "maintain": "từ 90% trở lên"},
            {"id": "htx", "indicator": "cooperatives", "maintain": "duy trì 04 HTX", "from": "2026-Q3", "to": "2026-Q2"},
            {"id": "poverty-reduction", "indicator": "poverty_rate", "change": "giảm ít nhất 2%", "baseline": "năm trước"},
            {"id": "lane-roads", "indicator": "lane_road_km", "target": "6 km", "due": "quý II/2026", "milestones": [{"due": "quý III/2026", "target": "3 km"}]}
          ],
          "reports": [
            {"id": "Báo cáo quý", "every": "quarter", "due": "trước ngày 20 tháng cuối quý"},
            {"id": "de-an-report", "periods": ["2026-Q1", "2026-Q5"], "due": "chậm nhất ngày 31"},
            {"id": "annual", "due": "chậm nhất ngày 31"}
          ]
        }
        """

    /// Every problem of `manyProblems`: its code, JSON path, and the text it points at.
    static let manyExpected: [(code: String, path: String, at: String)] = [
        ("rules.bad-slug", "$.plan", #""Thụy Hùng 2026""#),
        ("rules.bad-slug", #"$.owners["Phòng Kinh tế"]"#, #""Phòng Kinh tế": {"#),
        ("rules.bad-slug", #"$.indicators["Diện tích hạt dẻ"]"#, #""Diện tích hạt dẻ""#),
        ("rules.missing-key", "$.rules[0]", #"{"indicator""#),
        ("rules.several-shapes", "$.rules[1]", #"{"id": "online-tthc""#),
        ("rules.empty-window", "$.rules[2].to", #""2026-Q2""#),
        ("rules.bad-baseline", "$.rules[3].baseline", #""năm trước""#),
        ("rules.milestone-after-due", "$.rules[4].milestones[0].due", #""quý III/2026""#),
        ("rules.bad-slug", "$.reports[0].id", #""Báo cáo quý""#),
        ("rules.bad-period", "$.reports[1].periods[1]", #""2026-Q5""#),
        ("rules.missing-key", "$.reports[2]", #"{"id": "annual""#),
    ]

    /// `code path line:column` for each expected problem of `manyProblems`, sorted.
    static func manyExpectedLines() throws -> [String] {
        try manyExpected.map { e in
            let p = try #require(position(of: e.at, in: manyProblems), "'\(e.at)' must be written once")
            return "\(e.code) \(e.path) \(p.line):\(p.column)"
        }.sorted()
    }

    @Test func everyProblemInOneFileIsReportedAtOnce() throws {
        let problems = Harness.problems(Self.manyProblems)
        let found = problems.map { d in
            "\(d.code) \(d.location?.path ?? "-") \(d.location?.line ?? 0):\(d.location?.column ?? 0)"
        }.sorted()
        #expect(found == (try Self.manyExpectedLines()))
    }

    /// Through `RulesLoader`, problems of two files come back together, sorted by file and line.
    @Test func everyProblemInEveryFileIsReportedSorted() throws {
        let fs = memoryFileSystem([
            "rules/a.json": Self.manyProblems,
            "rules/b.json": Harness.plan(rules: #"{"id": "Chỉ tiêu 1", "indicator": "chestnut_new_area", "target": "18 ha"}"#),
        ])
        let result = RulesLoader.load(paths: ["rules"], fileSystem: fs)
        #expect(result.rules == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        let inA = errors.filter { $0.location?.file == "rules/a.json" }.map { d in
            "\(d.code) \(d.location?.path ?? "-") \(d.location?.line ?? 0):\(d.location?.column ?? 0)"
        }
        #expect(inA.sorted() == (try Self.manyExpectedLines()))
        let inB = errors.filter { $0.location?.file == "rules/b.json" }
        #expect(inB.map(\.code) == ["rules.bad-slug"])
        #expect(inB.map { $0.location?.path } == ["$.rules[0].id"])
        #expect(errors.count == inA.count + inB.count)
        // Sorted: all of a.json by line and column, then b.json.
        let order = errors.map { [$0.location?.file ?? "", String(format: "%06d", $0.location?.line ?? 0),
                                  String(format: "%06d", $0.location?.column ?? 0)].joined(separator: " ") }
        #expect(order == order.sorted())
        #expect(errors.last?.location?.file == "rules/b.json")
    }

    // MARK: - Checks shared by the rows

    /// The 1-based line and column (in Unicode scalars, as the JSON reader counts) where
    /// `needle` starts in `text`; nil unless it is there exactly once.
    static func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
        let hay = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty, hay.count >= n.count else { return nil }
        let starts = (0...(hay.count - n.count)).filter { i in hay[i..<(i + n.count)].elementsEqual(n) }
        guard starts.count == 1, let start = starts.first else { return nil }
        var line = 1, column = 1
        for scalar in hay[..<start] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// In `file`, at the JSON `path` and at `position`; or, for a folder (`path` nil), at
    /// the folder alone, with no line.
    static func expectPlaced(_ d: Diagnostic, file: String, path: String?, at position: (line: Int, column: Int)?,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let location = d.location else {
            Issue.record("\(d.code) has no location", sourceLocation: sourceLocation)
            return
        }
        #expect(location.file == file, sourceLocation: sourceLocation)
        #expect(location.path == path, sourceLocation: sourceLocation)
        #expect(location.line == position?.line, "\(d.code) at \(location)", sourceLocation: sourceLocation)
        #expect(location.column == position?.column, "\(d.code) at \(location)", sourceLocation: sourceLocation)
    }

    /// The message says what the row expects, in English and (when given) in Vietnamese.
    static func expectMessage(_ d: Diagnostic, en: String, vi: String?,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(d.message.en.contains(en), "\(d.code): '\(d.message.en)'", sourceLocation: sourceLocation)
        if let vi {
            #expect(d.message.vi.contains(vi), "\(d.code): '\(d.message.vi)'", sourceLocation: sourceLocation)
        }
    }

    /// Both languages written, and really different: the Vietnamese has Vietnamese letters.
    /// Also the house style: lower-case first word, no trailing period.
    static func expectTranslated(_ d: Diagnostic, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var texts = [d.message]
        if let hint = d.hint { texts.append(hint) }
        for text in texts {
            #expect(!text.en.isEmpty && !text.vi.isEmpty, "\(d.code)", sourceLocation: sourceLocation)
            #expect(text.en != text.vi, "\(d.code): '\(text.en)' is not translated", sourceLocation: sourceLocation)
            #expect(text.vi.unicodeScalars.contains { $0.value > 0x7F }, "\(d.code): '\(text.vi)'", sourceLocation: sourceLocation)
            for s in [text.en, text.vi] {
                #expect(!(s.first?.isUppercase ?? false) && !s.hasSuffix("."), "\(d.code): '\(s)'", sourceLocation: sourceLocation)
            }
        }
    }
}

extension LoaderErrorTests {
    /// A file reached twice (a folder and a file in it, or the folder spelled twice) is read
    /// once: its plan is not a duplicate of itself.
    @Test(arguments: [["rules", "rules/p.json"], ["rules/", "rules"], ["rules/p.json", "./rules/p.json"]])
    func aFileNamedTwiceIsReadOnce(paths: [String]) throws {
        let plan = Harness.plan(rules: #"{"id": "r", "indicator": "x", "target": "≥ 5"}"#)
        let files = ["rules/p.json": plan, "./rules/p.json": plan]
        let result = RulesLoader.load(paths: paths, fileSystem: memoryFileSystem(files))
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code) == [])
        #expect(result.files.count == 1)
        #expect(result.rules?.plans.map(\.id) == ["p"])
    }
}

/// A plan whose file has other errors still has its calendar looked up, so that a wrong
/// calendar is reported in the same run as everything else.
struct CalendarWithOtherErrorsCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// The plan's `calendar` member, or "" for none.
    var calendar: String
    var calendars: [String: String] = [:]
    /// Every error code, sorted.
    var codes: [String]
    var testDescription: String { name }
}

extension LoaderErrorTests {
    static let brokenRule = #"{"id": "Chỉ tiêu 1", "indicator": "chestnut_new_area", "target": "18 ha"}"#

    static let calendarWithOtherErrors: [CalendarWithOtherErrorsCase] = [
        .init(name: "unknown calendar", calendar: #""calendar": "vm""#,
              codes: ["rules.bad-slug", "rules.unknown-calendar"]),
        .init(name: "calendar written as a path", calendar: #""calendar": "calendars/tinh.json""#,
              calendars: ["rules/calendars/tinh.json": #"{"extends": "vn"}"#],
              codes: ["rules.bad-calendar-name", "rules.bad-slug"]),
        .init(name: "calendar file with an error", calendar: #""calendar": "tinh""#,
              calendars: ["rules/calendars/tinh.json": #"{"extends": "vn", "holidays": [{"date": "10/13/2026"}]}"#],
              codes: ["calendar.bad-date", "rules.bad-slug"]),
        .init(name: "no calendar: vn, replaced by a broken file", calendar: "",
              calendars: ["rules/calendars/vn.json": #"{"holidays": [{"date": "10/13/2026"}]}"#],
              codes: ["calendar.bad-date", "rules.bad-slug"]),
        .init(name: "calendar that is not a string is not looked up", calendar: #""calendar": 42"#,
              codes: ["rules.bad-slug", "rules.wrong-type"]),
        .init(name: "a known calendar adds nothing", calendar: #""calendar": "none""#,
              codes: ["rules.bad-slug"]),
    ]

    @Test(arguments: calendarWithOtherErrors)
    func calendarProblemsComeWithTheOthers(_ row: CalendarWithOtherErrorsCase) throws {
        var plan = #"{"plan": "p", "units": ["u"], "year": 2026, "#
        if !row.calendar.isEmpty { plan += row.calendar + ", " }
        plan += #""rules": [\#(Self.brokenRule)]}"#
        let files = row.calendars.merging(["rules/p.json": plan]) { a, _ in a }
        let result = RulesLoader.load(paths: ["rules"], fileSystem: memoryFileSystem(files))
        #expect(result.rules == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code).sorted() == row.codes, "\(errors.map { "\($0.code) \($0.message.en)" })")
    }

    /// A plan defined twice whose second copy names an unknown calendar: both problems at once.
    @Test func aDuplicatePlanStillHasItsCalendarLookedUp() {
        let files = ["rules/a.json": Harness.plan(rules: Self.chestnut),
                     "rules/b.json": Harness.plan(rules: Self.chestnut, extra: #""calendar": "vm""#)]
        let result = RulesLoader.load(paths: ["rules"], fileSystem: memoryFileSystem(files))
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code).sorted()
                == ["rules.duplicate-plan", "rules.unknown-calendar"])
    }
}
