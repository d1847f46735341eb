import Foundation
import Testing

/// Mistakes on the command line and places the output cannot go, through the built binary:
/// each must be a clear message on standard error with the right exit status (64 bad
/// usage, 2 the check could not be made), in English and in Vietnamese, and nothing on
/// standard output.
@Suite(.serialized) struct UsageErrorTests {
    static let rules = EndToEndTests.rules
    static let data = EndToEndTests.data
    static let templateRules = Binary.fixture("template-rules")
    static let everyUnit = Binary.fixture("every-unit")

    /// One command line and the whole of standard error it must give. `$R`, `$D`, `$T` and
    /// `$E` stand for the fixture rules, data, template rules and a plan of every unit (`*`), so that a failing row reads short.
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var en: String
        /// Standard error with `--lang vi` (added after the subcommand); nil: not asked.
        var vi: String?

        init(_ arguments: [String], _ status: Int32 = 64, en: String, vi: String? = nil) {
            self.arguments = arguments
            self.status = status
            self.en = en
            self.vi = vi
        }

        var testDescription: String { arguments.joined(separator: " ") }

        func resolved(vietnamese: Bool) -> [String] {
            var args = arguments.map { a in
                switch a {
                case "$R": UsageErrorTests.rules
                case "$D": UsageErrorTests.data
                case "$T": UsageErrorTests.templateRules
                case "$E": UsageErrorTests.everyUnit
                default: a
                }
            }
            if vietnamese {
                let at = ["explain", "lint", "template", "calendar"].contains(args.first ?? "") ? 1 : 0
                args.insert(contentsOf: ["--lang", "vi"], at: at)
            }
            return args
        }
    }

    static let cases: [Case] = [
        // An argument holding a line break or an escape is echoed escaped, on one line.
        Case(["-r", "$R", "$D", "--as-of", "2026\n07-01"],
             en: "check: --as-of: cannot read \"2026\\n07-01\" as a date\n  hint: write YYYY-MM-DD, e.g. --as-of 2026-09-30\n"),
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "--unit", "xa\u{1B}[31m"],
             en: "check: --unit: no plan binds unit \"xa\\u001b[31m\"\n"),
        Case(["-r", "$R", "$D", "--bad\noption"],
             en: "check: unknown option \"--bad\\noption\"\n  hint: see 'check --help'\n"),
        // An option given more than once (only the repeatable ones may be).
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "--as-of", "2026-07-02"],
             en: "check: --as-of is given more than once\n", vi: "check: --as-of được chỉ định nhiều lần\n"),
        Case(["-r", "$R", "$D", "--format", "json", "-f", "text"], en: "check: --format is given more than once\n"),
        Case(["explain", "jobs", "-r", "$R", "--as-of=2026-07-01", "--as-of", "2026-07-01"],
             en: "check: --as-of is given more than once\n"),
        Case(["template", "-r", "$T", "--period", "2026-06", "--period", "2026-07"],
             en: "check: --period is given more than once\n", vi: "check: --period được chỉ định nhiều lần\n"),
        // A flag given a value.
        Case(["-r", "$R", "$D", "--strict=yes"],
             en: "check: --strict takes no value\n", vi: "check: --strict không nhận giá trị\n"),
        Case(["lint", "$R", "--quiet=1"], en: "check: --quiet takes no value\n"),
        // An option missing its value at the end of the line.
        Case(["-r", "$R", "$D", "--as-of"],
             en: "check: --as-of needs a value (DATE)\n", vi: "check: --as-of cần một giá trị (DATE)\n"),
        Case(["-r", "$R", "$D", "-f"], en: "check: --format needs a value (FMT)\n"),
        Case(["template", "-r", "$T", "--period"], en: "check: --period needs a value (PERIOD)\n"),
        // An empty value is no value (an empty --out named no file, and the write failed with exit 2).
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "-o", ""],
             en: "check: --out needs a value (PATH), found an empty one\n",
             vi: "check: --out cần một giá trị (PATH), nhưng gặp giá trị rỗng\n"),
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "--out="], en: "check: --out needs a value (PATH), found an empty one\n"),
        Case(["template", "-r", "$T", "--unit", "xa-a", "--period", "2026-06", "--report", "monthly", "--out", ""],
             en: "check: --out needs a value (PATH), found an empty one\n"),
        Case(["-r", "$R", "$D", "--unit", ""], en: "check: --unit needs a value (U), found an empty one\n"),
        // explain without a rule id, and with one that several plans have (named in id order,
        // which is not the order of -r).
        Case(["explain"],
             en: "check: explain needs a rule id: check explain RULE [OPTIONS] [DATA ...]\n",
             vi: "check: explain cần mã quy tắc: check explain MÃ_QUY_TẮC [TÙY_CHỌN] [SỐ_LIỆU ...]\n"),
        Case(["explain", "-r", "$R", "--as-of", "2026-07-01"],
             en: "check: explain needs a rule id: check explain RULE [OPTIONS] [DATA ...]\n"),
        Case(["explain", "jobs", "-r", "$R", "-r", "$T", "--as-of", "2026-07-01"],
             en: "check: 'jobs' is in several plans: bao-cao-2026, xa-mau-2026\n  hint: choose one with --plan\n",
             vi: "check: 'jobs' có trong nhiều kế hoạch: bao-cao-2026, xa-mau-2026\n  gợi ý: chọn một kế hoạch bằng --plan\n"),
        Case(["explain", "monthly", "-r", "$R", "-r", "$T", "--as-of", "2026-07-01"],
             en: "check: 'monthly' is in several plans: bao-cao-2026, xa-mau-2026\n  hint: choose one with --plan\n"),
        // --owner, --unit and --plan naming nothing in the rules: a suggestion where one is close.
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "--owner", "kinh-tế"],
             en: "check: --owner: no owner 'kinh-tế' in the rules\n  hint: did you mean 'kinh-te'?\n",
             vi: "check: --owner: không có đơn vị chủ trì 'kinh-tế' trong quy tắc\n  gợi ý: có phải ý bạn là 'kinh-te'?\n"),
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "--owner", "KINH-TE"],
             en: "check: --owner: no owner 'KINH-TE' in the rules\n  hint: did you mean 'kinh-te'?\n"),
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "--owner", "so-tai-chinh"],
             en: "check: --owner: no owner 'so-tai-chinh' in the rules\n"),
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "--unit", "xa-mauu"],
             en: "check: --unit: no plan binds unit 'xa-mauu'\n  hint: did you mean 'xa-mau'?\n",
             vi: "check: --unit: không kế hoạch nào áp dụng cho đơn vị 'xa-mauu'\n  gợi ý: có phải ý bạn là 'xa-mau'?\n"),
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "--unit", "thuy-hung"],
             en: "check: --unit: no plan binds unit 'thuy-hung'\n"),
        // --unit is checked against the plans --plan selects, not against a plan left out
        // that binds every unit; a plan left out that names the unit is the hint.
        Case(["-r", "$R", "-r", "$E", "$D", "--as-of", "2026-07-01", "--plan", "xa-mau-2026", "--unit", "nowhere"],
             en: "check: --unit: no plan selected by --plan (xa-mau-2026) binds unit 'nowhere'\n  hint: plan 'moi-xa-2026' binds every unit in the data; add --plan moi-xa-2026\n",
             vi: "check: --unit: không kế hoạch nào được chọn bằng --plan (xa-mau-2026) áp dụng cho đơn vị 'nowhere'\n  gợi ý: kế hoạch 'moi-xa-2026' áp dụng cho mọi đơn vị có số liệu; thêm --plan moi-xa-2026\n"),
        Case(["-r", "$R", "-r", "$E", "$D", "--as-of", "2026-07-01", "--plan", "xa-mau-2026", "--unit", "xa-mauu"],
             en: "check: --unit: no plan selected by --plan (xa-mau-2026) binds unit 'xa-mauu'\n  hint: did you mean 'xa-mau'?\n",
             vi: "check: --unit: không kế hoạch nào được chọn bằng --plan (xa-mau-2026) áp dụng cho đơn vị 'xa-mauu'\n  gợi ý: có phải ý bạn là 'xa-mau'?\n"),
        Case(["-r", "$R", "-r", "$T", "-r", "$E", "$D", "--as-of", "2026-07-01", "--plan", "xa-mau-2026", "--unit", "xa-a"],
             en: "check: --unit: no plan selected by --plan (xa-mau-2026) binds unit 'xa-a'\n  hint: plan 'bao-cao-2026' binds it; add --plan bao-cao-2026\n",
             vi: "check: --unit: không kế hoạch nào được chọn bằng --plan (xa-mau-2026) áp dụng cho đơn vị 'xa-a'\n  gợi ý: kế hoạch 'bao-cao-2026' áp dụng cho đơn vị này; thêm --plan bao-cao-2026\n"),
        Case(["explain", "jobs", "-r", "$R", "-r", "$E", "$D", "--as-of", "2026-07-01", "--plan", "xa-mau-2026", "--unit", "nowhere"],
             en: "check: --unit: no plan selected by --plan (xa-mau-2026) binds unit 'nowhere'\n  hint: plan 'moi-xa-2026' binds every unit in the data; add --plan moi-xa-2026\n"),
        // --owner likewise: an owner of a plan left out would check nothing.
        Case(["-r", "$R", "-r", "$E", "$D", "--as-of", "2026-07-01", "--plan", "moi-xa-2026", "--owner", "kinh-te"],
             en: "check: --owner: no plan selected by --plan (moi-xa-2026) has owner 'kinh-te'\n  hint: plan 'xa-mau-2026' has it; add --plan xa-mau-2026\n",
             vi: "check: --owner: không kế hoạch nào được chọn bằng --plan (moi-xa-2026) có đơn vị chủ trì 'kinh-te'\n  gợi ý: kế hoạch 'xa-mau-2026' có đơn vị này; thêm --plan xa-mau-2026\n"),
        Case(["-r", "$R", "$D", "--as-of", "2026-07-01", "--plan", "xa-mau-2025"],
             en: "check: --plan: no plan 'xa-mau-2025' in the rules\n  hint: did you mean 'xa-mau-2026'?\n",
             vi: "check: --plan: không có kế hoạch 'xa-mau-2025' trong quy tắc\n  gợi ý: có phải ý bạn là 'xa-mau-2026'?\n"),
        Case(["explain", "jobs", "-r", "$R", "--as-of", "2026-07-01", "--plan", "xa-mau"],
             en: "check: --plan: no plan 'xa-mau' in the rules\n"),
        Case(["template", "-r", "$T", "--plan", "bao-cao", "--period", "2026-06"],
             en: "check: --plan: no plan 'bao-cao' in the rules\n"),
        // lint knows two formats only.
        Case(["lint", "$R", "--format", "xml"],
             en: "check: lint --format: expected 'text' or 'json', found 'xml'\n",
             vi: "check: lint --format: cần 'text' hoặc 'json', nhưng gặp 'xml'\n"),
        Case(["lint", "$R", "-f", "jsn"],
             en: "check: lint --format: expected 'text' or 'json', found 'jsn'\n  hint: did you mean 'json'?\n"),
        // template takes its rules from --rules, not from an argument.
        Case(["template", "-r", "$T", "--period", "2026-06", "stray"],
             en: "check: template takes no arguments, found 'stray'\n  hint: give the rules with --rules\n",
             vi: "check: template không nhận đối số, nhưng gặp 'stray'\n  gợi ý: chỉ định quy tắc bằng --rules\n"),
        Case(["template", "$T"],
             en: "check: template takes no arguments, found '\(templateRules)'\n  hint: give the rules with --rules\n"),
        // The period parser's own reasons reach the user through template --period.
        Case(["template", "-r", "$T", "--unit", "xa-a", "--period", "tháng"],
             en: "check: --period: 'tháng' is not a valid period: a month number should follow 'tháng'\n",
             vi: "check: --period: 'tháng' không phải là kỳ hợp lệ: sau 'tháng' cần số tháng\n"),
    ]

    @Test(arguments: cases)
    func usageErrorsSayWhatIsWrong(_ c: Case) throws {
        let run = try Binary.run(c.resolved(vietnamese: false))
        #expect(run.status == c.status)
        #expect(run.stderr == c.en)
        #expect(run.stdout.isEmpty)
        if let vi = c.vi {
            let viRun = try Binary.run(c.resolved(vietnamese: true))
            #expect(viRun.status == c.status)
            #expect(viRun.stderr == vi)
            #expect(viRun.stdout.isEmpty)
        }
    }

    /// With a selected plan of every unit (`*`), or no --plan at all, any unit may be in the
    /// data: an unknown one is no usage error.
    @Test(arguments: [["--plan", "moi-xa-2026"], []])
    func aSelectedPlanOfEveryUnitTakesAnyUnit(plan: [String]) throws {
        let run = try Binary.run(["-r", Self.rules, "-r", Self.everyUnit, Self.data, "--as-of", "2026-07-01", "--unit", "nowhere"] + plan)
        #expect(run.status == 0)
        #expect(run.stdout.contains("0 checks"))
    }

    // MARK: - Output that cannot be written

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chitieu-usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: ["en", "vi"])
    func outIntoAFolderThatDoesNotExist(lang: String) throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("missing/report.txt").path
        let run = try Binary.run(EndToEndTests.base + ["--lang", lang, "-o", out])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let head = lang == "en" ? "check: cannot write " : "check: không ghi được "
        #expect(run.stderr == head + out + ": No such file or directory\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("missing").path))
    }

    @Test func outUnderAPathThatIsAFile() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let out = file.path + "/report.json"
        let run = try Binary.run(EndToEndTests.base + ["-f", "json", "-o", out])
        #expect(run.status == 2)
        #expect(run.stderr == "check: cannot write \(out): Not a directory\n")
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    /// Root may write into any folder, so this row only means something for other users.
    @Test(.enabled(if: getuid() != 0, "root writes into read-only folders"))
    func outIntoAFolderThatIsNotWritable() throws {
        let dir = try Self.temporaryFolder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        let out = dir.appendingPathComponent("report.txt").path
        let run = try Binary.run(EndToEndTests.base + ["-o", out])
        #expect(run.status == 2)
        #expect(run.stderr == "check: cannot write \(out): Permission denied\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test(arguments: ["en", "vi"])
    func outOntoAFolder(lang: String) throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Binary.run(EndToEndTests.base + ["--lang", lang, "-o", dir.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let head = lang == "en" ? "check: cannot write " : "check: không ghi được "
        #expect(run.stderr == head + dir.path + ": Is a directory\n")
        // The folder is left as it was, without the temporary file beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(dir.lastPathComponent).tmp") }.isEmpty)
    }

    @Test func emailIntoAPathThatIsAFile() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mail")
        try Data("x".utf8).write(to: file)
        let run = try Binary.run(EndToEndTests.base + ["-f", "email", "-o", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix("check: cannot write \(file.path): exists and is not a folder\n"))
    }

    @Test(arguments: ["en", "vi"])
    func templateOutIntoAFolderThatDoesNotExist(lang: String) throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("missing/2026-06.csv").path
        let run = try Binary.run(["template", "-r", Self.templateRules, "--unit", "xa-a", "--period", "2026-06",
                                  "--report", "monthly", "--lang", lang, "-o", out])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let head = lang == "en" ? "check: cannot write " : "check: không ghi được "
        #expect(run.stderr == head + out + ": No such file or directory\n")
    }

    // MARK: - Mail that could forge headers

    /// A plan whose one task is overdue on 2026-07-01, owned by `ubnd` as written in `owner`.
    static func mailRules(owner: String) -> String {
        #"{"plan": "p", "units": ["u"], "year": 2026, "calendar": "none", "owner": "ubnd", "owners": {"ubnd": \#(owner)}, "#
            + #""rules": [{"id": "report", "task": "Nộp báo cáo", "due": "2026-01-31"}]}"#
    }

    static func runMail(owner: String, lang: String) throws -> (run: Binary.Run, out: URL) {
        let dir = try temporaryFolder()
        let rules = dir.appendingPathComponent("rules.json")
        try Data(mailRules(owner: owner).utf8).write(to: rules)
        let out = dir.appendingPathComponent("mail")
        let run = try Binary.run(["-r", rules.path, "--as-of", "2026-07-01", "-f", "email", "-o", out.path, "--lang", lang])
        return (run, out)
    }

    @Test func theFixtureForMailIsSentWhenTheOwnerIsClean() throws {
        let (run, out) = try Self.runMail(owner: #"{"name": "UBND xã", "email": "ubnd@xa.example.vn"}"#, lang: "en")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(run.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["ubnd.eml"])
    }

    @Test(arguments: [
        (#"{"name": "UBND\txã", "email": "ubnd@xa.example.vn"}"#, "en",
         "error: owner 'ubnd' has a line break or control character in its name or address; no mail is written [email.header-injection]\n",
         "check: nothing was written\n"),
        (#"{"name": "UBND\u001bxã", "email": "ubnd@xa.example.vn"}"#, "vi",
         "lỗi: tên hoặc địa chỉ thư của đơn vị chủ trì 'ubnd' chứa ký tự xuống dòng hoặc ký tự điều khiển; không ghi thư nào [email.header-injection]\n",
         "check: chưa ghi kết quả nào\n"),
        (#"{"name": "UBND xã", "email": "ủy-ban@xa.example.vn"}"#, "en",
         "error: owner 'ubnd' has the address 'ủy-ban@xa.example.vn', which is not a plain address like 'ubnd@xa.example.vn'; no mail is written [email.bad-address]\n",
         "check: nothing was written\n"),
    ])
    func anOwnerThatWouldBreakTheMailHeadersStopsEveryMail(owner: String, lang: String, diagnostic: String, last: String) throws {
        let (run, out) = try Self.runMail(owner: owner, lang: lang)
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(diagnostic), "\(run.stderr)")
        #expect(run.stderr.hasSuffix(last))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// An address with a line break never reaches the mail: the rules refuse it first.
    @Test(arguments: ["en", "vi"])
    func anAddressWithALineBreakIsRefusedByTheRules(lang: String) throws {
        let owner = #"{"name": "UBND xã", "email": "ubnd@xa.example.vn\nBcc: all@example.vn"}"#
        let (run, out) = try Self.runMail(owner: owner, lang: lang)
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        // Placed at the address's value (column 130: characters, not bytes, after "xã").
        let rules = out.deletingLastPathComponent().appendingPathComponent("rules.json").path
        if lang == "en" {
            #expect(run.stderr.contains("\(rules):1:130: error: $.owners.ubnd.email: owner email must be on one line "
                + "(a line break here could forge email headers) [rules.bad-value]\n"), "\(run.stderr)")
            // The address is quoted escaped, not printed across two lines.
            #expect(run.stderr.contains(#"error: $.owners.ubnd.email: "ubnd@xa.example.vn\nBcc: all@example.vn" is not an email address"#
                + " (expected name@domain) [rules.bad-value]\n"), "\(run.stderr)")
            #expect(run.stderr.hasSuffix("nothing was checked\n"))
        } else {
            #expect(run.stderr.contains("\(rules):1:130: lỗi: $.owners.ubnd.email: email của đơn vị chủ trì phải nằm trên một dòng "
                + "(xuống dòng có thể giả mạo tiêu đề email) [rules.bad-value]\n"), "\(run.stderr)")
            #expect(run.stderr.contains(#"lỗi: $.owners.ubnd.email: "ubnd@xa.example.vn\nBcc: all@example.vn" không phải địa chỉ email"#),
                    "\(run.stderr)")
            #expect(run.stderr.hasSuffix("chưa kiểm tra gì\n"))
        }
        #expect(!run.stderr.contains("\nBcc:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
