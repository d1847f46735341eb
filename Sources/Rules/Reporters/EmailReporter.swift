/// `email`: with `--out FOLDER`, one RFC 5322 message per owner that has findings, ready
/// for `sendmail -t < FILE`: the owner's violations, then warnings, each with its deadline
/// and what is expected, and a short summary. Headers are ASCII (RFC 2047 encoded-words for
/// names and the subject, folded to 78 characters); the UTF-8 body is quoted-printable with
/// CRLF line ends. Date and Message-ID come from the as-of date and the content, so the
/// same inputs give the same files byte for byte.
///
/// Findings without a rule's owner (unreadable data rows, unknown indicators) go to the
/// owner who answers for the unit's data (`Report.dataOwners`). Owners without an address,
/// and findings nobody answers for, are named in a warning and not lost; a name or address
/// that could inject a header (a line break or control character) is an error, and then
/// no message may be written at all.
public struct EmailReporter: Reporter {
    public static let id = "email"
    public static let summary = LocalizedText(en: "one mail per owner for sendmail -t (needs --out FOLDER)",
                                              vi: "mỗi đơn vị chủ trì một thư để gửi bằng sendmail -t (cần --out THƯ_MỤC)")
    public static let writesFolder = true
    public init() {}

    /// One message before encoding: what the owner is meant to read.
    struct Letter: Hashable {
        var owner: String
        var fileName: String
        var toName: String?
        var toAddress: String
        var subject: String
        var body: String
    }

    public func render(_ report: Report, options: RenderOptions) -> RenderedOutput {
        let (letters, problems) = Self.compose(report, options: options)
        guard !problems.contains(where: { $0.severity == .error }) else { return .files([]) }
        return .files(letters.map { RenderedFile(name: $0.fileName, contents: Self.encode($0, report: report, options: options)) })
    }

    public func diagnostics(_ report: Report, options: RenderOptions) -> [Diagnostic] {
        Self.compose(report, options: options).diagnostics
    }

    // MARK: - Composing

    static func compose(_ report: Report, options: RenderOptions) -> (letters: [Letter], diagnostics: [Diagnostic]) {
        let l = options.language
        var diagnostics: [Diagnostic] = []
        if !MailEncoding.isPlainAddress(options.sender) {
            diagnostics.append(.error("email.bad-sender", at: nil, LocalizedText(
                en: "the sender '\(printable(options.sender))' is not a plain address like 'chitieu@xa.example.vn'",
                vi: "địa chỉ gửi '\(printable(options.sender))' không phải địa chỉ thư hợp lệ như 'chitieu@xa.example.vn'")))
        }
        var byOwner: [String: [Finding]] = [:]
        var unassigned: [Finding] = []
        for f in report.findings {
            if let owner = f.owner ?? f.unit.flatMap({ report.dataOwners[$0] }) {
                byOwner[owner, default: []].append(f)
            } else {
                unassigned.append(f)
            }
        }
        var letters: [Letter] = []
        var usedNames = Set<String>()
        for id in byOwner.keys.sorted() {
            let findings = byOwner[id] ?? []
            let owner = report.owners[id]
            let name = owner?.name
            guard let address = owner?.email, !address.isEmpty else {
                let who = name.map { "'\(id)' (\(printable($0)))" } ?? "'\(id)'"
                diagnostics.append(Diagnostic(.warning, "email.no-address", at: nil, LocalizedText(
                    en: "owner \(who) has no email address; not sent: \(list(findings, .en))",
                    vi: "đơn vị chủ trì \(who) không có địa chỉ thư; chưa gửi: \(list(findings, .vi))"),
                    hint: LocalizedText(en: "add \"email\" to the owner in the plan's \"owners\"",
                                        vi: "thêm \"email\" cho đơn vị này trong mục \"owners\" của kế hoạch")))
                continue
            }
            if MailEncoding.breaksHeader(address) || (name.map(MailEncoding.breaksHeader) ?? false) {
                diagnostics.append(.error("email.header-injection", at: nil, LocalizedText(
                    en: "owner '\(printable(id))' has a line break or control character in its name or address; no mail is written",
                    vi: "tên hoặc địa chỉ thư của đơn vị chủ trì '\(printable(id))' chứa ký tự xuống dòng hoặc ký tự điều khiển; không ghi thư nào")))
                continue
            }
            guard MailEncoding.isPlainAddress(address) else {
                diagnostics.append(.error("email.bad-address", at: nil, LocalizedText(
                    en: "owner '\(printable(id))' has the address '\(address)', which is not a plain address like 'ubnd@xa.example.vn'; no mail is written",
                    vi: "địa chỉ '\(address)' của đơn vị chủ trì '\(printable(id))' không hợp lệ (cần dạng 'ubnd@xa.example.vn'); không ghi thư nào")))
                continue
            }
            var file = MailEncoding.fileName(for: id)
            while usedNames.contains(file) { file += "-" }
            usedNames.insert(file)
            letters.append(Letter(owner: id, fileName: file + ".eml", toName: name, toAddress: address,
                                  subject: subject(report, findings, name: name ?? id, l),
                                  body: body(report, findings, name: name ?? id, l)))
        }
        if !unassigned.isEmpty {
            diagnostics.append(Diagnostic(.warning, "email.unassigned", at: nil, LocalizedText(
                en: "\(unassigned.count) \(unassigned.count == 1 ? "finding has" : "findings have") no owner and no plan owner for the unit; not sent: \(list(unassigned, .en))",
                vi: "\(unassigned.count) phát hiện không có đơn vị chủ trì, kế hoạch cũng không có đơn vị chủ trì mặc định; chưa gửi: \(list(unassigned, .vi))"),
                hint: LocalizedText(en: "give the plan a default \"owner\"", vi: "khai báo \"owner\" mặc định cho kế hoạch")))
        }
        return (letters, diagnostics)
    }

    /// `xa-mau-2026/lane-roads milestone-missed 2026-Q2; …`: enough to find each finding again.
    static func list(_ findings: [Finding], _ l: Language) -> String {
        findings.map { f in
            var s = [f.unit, f.plan.flatMap { p in f.rule.map { "\(p)/\($0)" } }].compactMap { $0 }.joined(separator: " ")
            s += (s.isEmpty ? "" : " ") + f.code.rawValue
            if let p = f.period { s += " " + PeopleWording.period(p, l) }
            return printable(s)
        }.joined(separator: "; ")
    }

    /// User text as it may stand on one line of a diagnostic or a mail.
    static func printable(_ s: String) -> String { PeopleWording.visible(PeopleWording.oneLine(s)) }

    static func subject(_ report: Report, _ findings: [Finding], name: String, _ l: Language) -> String {
        let v = findings.count { $0.severity == .violation }
        let counts = PeopleWording.counts(violations: v, warnings: findings.count - v, l)
        return l == .en
            ? "Progress check as of \(report.asOf.iso): \(counts) for \(printable(name))"
            : "Kết quả kiểm tra tiến độ đến ngày \(report.asOf.vietnamese): \(counts) của \(printable(name))"
    }

    static func body(_ report: Report, _ findings: [Finding], name: String, _ l: Language) -> String {
        let v = findings.count { $0.severity == .violation }
        let counts = PeopleWording.counts(violations: v, warnings: findings.count - v, l)
        var out = l == .en ? "Dear \(printable(name)),\n\n" : "Kính gửi: \(printable(name)),\n\n"
        out += l == .en
            ? "the progress check as of \(report.asOf.iso) found \(counts) in what you answer for.\n"
            : "Kết quả kiểm tra tiến độ thực hiện kế hoạch tính đến ngày \(report.asOf.vietnamese): có \(counts) thuộc trách nhiệm của đơn vị.\n"
        for severity in Severity.allCases {
            let part = findings.filter { $0.severity == severity }
            guard !part.isEmpty else { continue }
            out += "\n" + PeopleWording.severities(severity, l).uppercased() + " (\(part.count))\n"
            for (i, f) in part.enumerated() {
                out += "\n" + entry(f, number: i + 1, l)
            }
        }
        out += "\n" + (l == .en ? "SUMMARY" : "TÓM TẮT") + "\n"
        out += (l == .en ? "Yours: " : "Thuộc trách nhiệm của đơn vị: ") + counts + ".\n"
        out += (l == .en ? "The whole check: " : "Toàn bộ lần kiểm tra: ") + PeopleWording.summary(report, l) + ".\n"
        out += "\n-- \n"
        out += l == .en ? "Written by chitieu (check --format email) from the plans' rules and the reported data.\n"
                        : "Thư được tạo tự động bởi chitieu (check --format email) từ quy tắc của kế hoạch và số liệu đã báo cáo.\n"
        return out
    }

    /// One finding as a numbered block: what, its deadline and period, what is expected
    /// and what was found, the message, and where to look.
    static func entry(_ f: Finding, number: Int, _ l: Language) -> String {
        var head = "\(number). \(printable(PeopleWording.name(f, l)))"
        if let unit = f.unit { head += " (\(printable(unit)))" }
        var facts = [PeopleWording.code(f.code, l)]
        if let p = f.period { facts.append("\(PeopleWording.Field.period.label(l)) \(printable(PeopleWording.period(p, l)))") }
        if let d = f.due { facts.append("\(PeopleWording.Field.due.label(l)) \(PeopleWording.date(d, l))") }
        var lines = [head, facts.joined(separator: " · ")]
        var measures: [String] = []
        if let e = f.expected { measures.append("\(PeopleWording.Field.expected.label(l)) \(printable(e))") }
        if let a = PeopleWording.actual(f.actual, l) { measures.append("\(PeopleWording.Field.actual.label(l)) \(a)") }
        if !measures.isEmpty { lines.append(measures.joined(separator: " · ")) }
        lines.append(printable(f.message.text(l)))
        if let h = f.hint { lines.append("\(PeopleWording.Field.hint.label(l)): \(printable(h.text(l)))") }
        var source: [String] = []
        if let p = f.plan, let r = f.rule { source.append(printable("\(p)/\(r)")) }
        if let loc = f.location { source.append(printable(loc.description)) }
        if !source.isEmpty { lines.append(source.joined(separator: " · ")) }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : "   " + $0.element }.joined(separator: "\n") + "\n"
    }

    // MARK: - Encoding

    static func encode(_ letter: Letter, report: Report, options: RenderOptions) -> String {
        var to: [String] = []
        if let name = letter.toName, !name.isEmpty {
            to = MailEncoding.isBareName(name) ? name.split(separator: " ").map(String.init) : MailEncoding.encodedWords(name)
        }
        to.append("<\(letter.toAddress)>")
        let domain = options.sender.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageID = "<chitieu.\(report.asOf.iso).\(MailEncoding.digest(letter.owner + "\n" + letter.subject + "\n" + letter.body))@\(domain)>"
        var out = ""
        out += MailEncoding.header("From", [options.sender])
        out += MailEncoding.header("To", to)
        out += MailEncoding.header("Subject", MailEncoding.encodedWords(letter.subject))
        out += MailEncoding.header("Date", [MailEncoding.date(report.asOf)])
        out += MailEncoding.header("Message-ID", [messageID])
        out += MailEncoding.header("MIME-Version", ["1.0"])
        out += MailEncoding.header("Content-Type", ["text/plain;", "charset=UTF-8"])
        out += MailEncoding.header("Content-Transfer-Encoding", ["quoted-printable"])
        out += MailEncoding.header("Content-Language", [options.language.rawValue])
        out += MailEncoding.header("Auto-Submitted", ["auto-generated"])
        out += MailEncoding.crlf
        out += MailEncoding.quotedPrintable(letter.body)
        return out
    }
}
