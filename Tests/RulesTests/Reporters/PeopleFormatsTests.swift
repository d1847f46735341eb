import Foundation
import Testing
@testable import Rules

/// The escaping and encoding rules of the formats for people, one row per awkward input.
@Suite struct PeopleFormatsTests {
    // MARK: - csv

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-1+1", "'-1+1"),
        ("@home", "'@home"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("-12.5", "-12.5"),
        ("-3", "-3"),
        ("100% chắc", "100% chắc"),
        ("a=b", "a=b"),
        ("", ""),
    ])
    func csvNeutralisesFormulaCells(cell: String, expected: String) {
        #expect(CSVReporter.neutralised(cell) == expected)
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\r\nlf", "\"cr\r\nlf\""),
    ])
    func csvQuotesPerRFC4180(cell: String, expected: String) {
        #expect(CSVReporter.field(cell) == expected)
    }

    @Test func csvHasABomAHeaderAndCRLFRows() throws {
        let s = try #require((CSVReporter().render(SampleReports.awkward, options: RenderOptions())).text)
        #expect(s.hasPrefix("\u{FEFF}severity,code,"))
        #expect(s.hasSuffix("\r\n"))
        let empty = try #require((CSVReporter().render(SampleReports.empty, options: RenderOptions(language: .vi))).text)
        #expect(empty.components(separatedBy: "\r\n").count == 2, "only the header row")
    }

    // MARK: - markdown

    @Test(arguments: [
        ("a | b", "a \\| b"),
        ("<script>&amp;", "&lt;script&gt;&amp;amp;"),
        ("`code` *bold* _it_ [link](x)", "\\`code\\` \\*bold\\* \\_it\\_ \\[link\\](x)"),
        ("one\ntwo\r\nthree", "one<br>two<br>three"),
        ("ctrl \u{0001}", "ctrl \u{FFFD}"),
        ("Tiếng Việt 100%", "Tiếng Việt 100%"),
    ])
    func markdownEscapesCells(text: String, expected: String) {
        #expect(MarkdownReporter.cell(text) == expected)
    }

    @Test func markdownTableRowsHaveTheHeaderColumnCount() throws {
        let s = try #require((MarkdownReporter().render(SampleReports.awkward, options: RenderOptions())).text)
        let rows = s.split(separator: "\n").filter { $0.hasPrefix("| ") }
        for row in rows {
            // Unescaped pipes separate cells; an escaped one (`\|`) is content.
            let cells = row.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false).count - 2
            #expect(cells == 3 || cells == 9, "\(row)")
        }
    }

    // MARK: - html

    @Test(arguments: [
        ("<b>&\"'", "&lt;b&gt;&amp;&quot;&#39;"),
        ("a\nb", "a<br/>b"),
        ("\u{0001}\u{001F}\u{007F}", "\u{FFFD}\u{FFFD}\u{FFFD}"),
    ])
    func htmlEscapesText(text: String, expected: String) {
        #expect(HTMLReporter.text(text) == expected)
    }

    @Test func htmlIsSelfContained() throws {
        let s = try #require((HTMLReporter().render(PeopleSamples.awkward, options: RenderOptions(language: .vi))).text)
        #expect(!s.contains("<script"))
        #expect(!s.contains("src="))
        #expect(!s.contains("href="))
        #expect(s.contains("<svg"))
        #expect(!s.contains("<b>kế hoạch</b>"), "user markup is escaped")
    }

    // MARK: - email encoding

    static func decodeWords(_ words: [String]) -> String {
        var bytes: [UInt8] = []
        for w in words {
            let inner = w.dropFirst("=?UTF-8?B?".count).dropLast(2)
            bytes += Data(base64Encoded: String(inner)).map { [UInt8]($0) } ?? []
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        "Kết quả kiểm tra tiến độ đến ngày 01/07/2026: 3 vi phạm, 1 cảnh báo của Phòng Kinh tế <KT> & \"Hạ tầng\"",
        "",
        "ASCII only",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 four-byte 😀😀😀😀😀😀😀😀😀😀😀😀",
        "e\u{0301}\u{0323} NFD tiếng việt",
    ])
    func encodedWordsRoundTripAndStayShort(text: String) {
        let words = MailEncoding.encodedWords(text)
        #expect(Self.decodeWords(words) == text)
        for w in words { #expect(w.count <= 75) }
        let header = MailEncoding.header("Subject", words)
        for line in header.components(separatedBy: "\r\n") { #expect(line.count <= 78) }
    }

    static func decodeQP(_ s: String) -> String {
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == 61 {
                if i + 2 < u.count && u[i + 1] == 13 && u[i + 2] == 10 { i += 3; continue }
                let hex = String(decoding: u[(i + 1)...(i + 2)], as: UTF8.self)
                bytes.append(UInt8(hex, radix: 16) ?? 0)
                i += 3
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test(arguments: [
        "Kính gửi: Phòng Kinh tế,\n\nmột dòng rất dài " + String(repeating: "đường ngõ xóm ", count: 12) + "hết\n",
        "trailing space \nand tab\t\n",
        "= equals at 75: " + String(repeating: "x", count: 58) + "=y",
        ".\nFrom the start\n..two\n",
        String(repeating: " ", count: 200) + "\n",
        "ctrl \u{0001} and \r inside",
    ])
    func quotedPrintableRoundTripsWithShortLines(text: String) {
        let encoded = MailEncoding.quotedPrintable(text)
        #expect(Self.decodeQP(encoded) == text.replacingOccurrences(of: "\r\n", with: "\n"))
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.count <= 76, "\(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            #expect(!line.hasPrefix(".") && !line.hasPrefix("From "))
            #expect(line.utf8.allSatisfy { $0 < 128 && ($0 >= 32 || $0 == 9) })
        }
    }

    @Test(arguments: [
        ("kinh-te", "kinh-te"),
        ("=cmd|' /C calc'!A0", "cmd-c-calc-a0_"),
        ("../../etc/passwd", "etc-passwd_"),
        ("Phòng Văn hóa", "phong-van-hoa_"),
        ("đội", "doi_"),
        ("", "owner_"),
        ("-rf", "rf_"),
    ])
    func fileNamesAreSafe(id: String, prefix: String) {
        let name = MailEncoding.fileName(for: id)
        #expect(name.hasPrefix(prefix))
        #expect(name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        #expect(!name.hasPrefix("-") && !name.isEmpty)
    }

    @Test func fileNamesDoNotCollide() {
        let ids = ["a b", "a-b", "a_b", "A B", "a  b", "ä b", "kinh-te", "Kinh-te", "kinh te"]
        #expect(Set(ids.map(MailEncoding.fileName(for:))).count == ids.count)
    }

    @Test(arguments: [
        ("ubnd@xa.example.vn", true),
        ("x@evil.example", true),
        ("no-at-sign", false),
        ("a@b@c", false),
        ("a b@c", false),
        ("<a@b>", false),
        ("a@b\r\nBcc: v@x", false),
        ("a@b,c@d", false),
    ])
    func plainAddresses(address: String, ok: Bool) {
        #expect(MailEncoding.isPlainAddress(address) == ok)
    }

    @Test func dateHeaderIsTheAsOfDayInVietnam() {
        #expect(MailEncoding.date(SampleReports.asOf) == "Wed, 01 Jul 2026 07:00:00 +0700")
    }

    // MARK: - email composition

    static func report(owner: Owner, findings: [Finding]) -> Report {
        Report(asOf: SampleReports.asOf, plans: 1, units: 1, checks: 1, findings: findings, passedCount: 0,
               owners: [owner.id: owner])
    }

    static let finding = Finding(severity: .violation, code: .init("task-overdue"), plan: "p", rule: "r", unit: "u",
                                 owner: "o", message: LocalizedText(verbatim: "late"))

    @Test(arguments: [
        Owner(id: "o", name: "Tên\r\nBcc: victim@example.com", email: "o@x.example"),
        Owner(id: "o", name: "ok", email: "o@x.example\r\nBcc: victim@example.com"),
        Owner(id: "o", name: "ok", email: "o@x.example\nX-Evil: 1"),
        Owner(id: "o", name: "tab\u{0009}inside", email: "o@x.example"),
    ])
    func aHeaderThatCouldBeInjectedIsAnErrorAndNothingIsWritten(owner: Owner) {
        let report = Self.report(owner: owner, findings: [Self.finding])
        let diagnostics = EmailReporter().diagnostics(report, options: RenderOptions())
        #expect(diagnostics.map(\.code) == ["email.header-injection"])
        guard case .files(let files) = EmailReporter().render(report, options: RenderOptions()) else { return }
        #expect(files.isEmpty)
    }

    @Test func aBadSenderIsAnError() {
        let report = Self.report(owner: Owner(id: "o", email: "o@x.example"), findings: [Self.finding])
        let d = EmailReporter().diagnostics(report, options: RenderOptions(sender: "me@x\r\nBcc: v@x"))
        #expect(d.contains { $0.code == "email.bad-sender" && $0.severity == .error })
    }

    @Test func ownersWithoutAnAddressAreNamedWithTheirFindings() {
        let report = Self.report(owner: Owner(id: "o", name: "Phòng Văn hóa"), findings: [Self.finding])
        let d = EmailReporter().diagnostics(report, options: RenderOptions(language: .vi))
        #expect(d.count == 1)
        #expect(d.first?.severity == .warning)
        #expect(d.first?.message.vi.contains("'o' (Phòng Văn hóa)") == true)
        #expect(d.first?.message.vi.contains("u p/r task-overdue") == true)
    }

    @Test func findingsWithoutAnOwnerGoToTheUnitsDataOwner() {
        var report = SampleReports.awkward
        report.dataOwners = ["xa-mau": "ubnd"]
        let (letters, diagnostics) = EmailReporter.compose(report, options: RenderOptions())
        let ubnd = letters.first { $0.owner == "ubnd" }
        #expect(ubnd?.body.contains("=SUM(A1:A9)") == true, "the data-invalid finding reaches ubnd")
        #expect(ubnd?.body.contains("'pig_herds'") == true)
        #expect(!diagnostics.contains { $0.code == "email.unassigned" })
        #expect(diagnostics.contains { $0.code == "email.no-address" && $0.message.en.contains("van-hoa") })
    }

    @Test func theMessageIsDeterministicAndWellFormed() throws {
        let options = RenderOptions(language: .vi)
        guard case .files(let a) = EmailReporter().render(SampleReports.awkward, options: options),
              case .files(let b) = EmailReporter().render(SampleReports.awkward, options: options) else { return }
        #expect(a == b)
        for file in a {
            let (head, _) = try #require(file.contents.range(of: "\r\n\r\n").map {
                (file.contents[..<$0.lowerBound], file.contents[$0.upperBound...])
            })
            for line in head.components(separatedBy: "\r\n") {
                #expect(line.count <= 78)
                #expect(line.utf8.allSatisfy { $0 < 128 && $0 >= 32 })
            }
            #expect(!file.contents.contains("\nBcc:"))
            #expect(!file.contents.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        }
    }
}
