import Foundation
import Rules

/// The options `check` and `check explain` share, parsed and validated.
struct CommonOptions {
    var rules: [String]
    var data: [String]
    var asOf: CivilDate?
    var format: any Reporter.Type
    var out: String?
    var language: Language
    var strict: Bool
    var units: Set<String>
    var plans: Set<String>
    var owners: Set<String>
    var warnDays: Int?
    var numbers: DataNumberStyle
    var all: Bool
    var color: Bool
    var quiet: Bool
    /// `--only-new`: a previous JSON report whose findings are left out.
    var onlyNew: String?
    /// `--from`: the sender of `--format email`.
    var sender: String

    static let specs: [OptionSpec] = [
        OptionSpec(long: "rules", short: "r", valueName: "PATH", repeatable: true,
                   help: LocalizedText(en: "rules file or folder, repeatable (default rules/)", vi: "tệp hoặc thư mục quy tắc, dùng nhiều lần được (mặc định rules/)")),
        OptionSpec(long: "data", short: "d", valueName: "PATH", repeatable: true,
                   help: LocalizedText(en: "progress data file (CSV or JSON); - = standard input", vi: "tệp số liệu tiến độ (CSV hoặc JSON); - = đầu vào chuẩn")),
        OptionSpec(long: "as-of", valueName: "DATE",
                   help: LocalizedText(en: "check as of this date (default: today in the plan's time zone)", vi: "kiểm tra tính đến ngày này (mặc định: hôm nay theo múi giờ của kế hoạch)")),
        OptionSpec(long: "format", short: "f", valueName: "FMT",
                   help: LocalizedText(en: "output format: \(Reporters.ids.joined(separator: ", "))", vi: "định dạng kết quả: \(Reporters.ids.joined(separator: ", "))")),
        OptionSpec(long: "out", short: "o", valueName: "PATH",
                   help: LocalizedText(en: "write there instead of standard output (atomically)", vi: "ghi ra tệp này thay vì đầu ra chuẩn (ghi trọn vẹn)")),
        OptionSpec(long: "lang", valueName: "en|vi",
                   help: LocalizedText(en: "language of messages (default from LANG)", vi: "ngôn ngữ thông báo (mặc định theo LANG)")),
        OptionSpec(long: "strict", help: LocalizedText(en: "warnings fail too (exit 1)", vi: "cảnh báo cũng tính là lỗi (mã thoát 1)")),
        OptionSpec(long: "unit", valueName: "U", repeatable: true,
                   help: LocalizedText(en: "only this unit (repeatable)", vi: "chỉ đơn vị này (dùng nhiều lần được)")),
        OptionSpec(long: "plan", valueName: "P", repeatable: true,
                   help: LocalizedText(en: "only this plan (repeatable)", vi: "chỉ kế hoạch này (dùng nhiều lần được)")),
        OptionSpec(long: "owner", valueName: "O", repeatable: true,
                   help: LocalizedText(en: "only rules of this owner (repeatable)", vi: "chỉ quy tắc của đơn vị chủ trì này (dùng nhiều lần được)")),
        OptionSpec(long: "warn-days", valueName: "N",
                   help: LocalizedText(en: "due-soon window in days (overrides the plans')", vi: "số ngày cảnh báo sắp đến hạn (ghi đè giá trị của kế hoạch)")),
        OptionSpec(long: "numbers", valueName: "c|vi",
                   help: LocalizedText(en: "number style of the data files (vi: 1.600,5)", vi: "kiểu số trong tệp số liệu (vi: 1.600,5)")),
        OptionSpec(long: "only-new", valueName: "PREVIOUS.json",
                   help: LocalizedText(en: "report only findings not in this earlier --format json output", vi: "chỉ báo các phát hiện chưa có trong kết quả --format json lần trước")),
        OptionSpec(long: "from", valueName: "ADDRESS",
                   help: LocalizedText(en: "sender of --format email (default \(RenderOptions.defaultSender))", vi: "địa chỉ gửi của --format email (mặc định \(RenderOptions.defaultSender))")),
        OptionSpec(long: "all", help: LocalizedText(en: "also list checks that found nothing", vi: "liệt kê cả các nội dung không có phát hiện")),
        OptionSpec(long: "no-color", help: LocalizedText(en: "no colour (also when NO_COLOR is set)", vi: "không tô màu (cũng như khi đặt NO_COLOR)")),
        OptionSpec(long: "quiet", short: "q", help: LocalizedText(en: "print nothing on standard output; only the exit status and errors", vi: "không in kết quả; chỉ mã thoát và lỗi")),
        OptionSpec(long: "help", short: "h", help: LocalizedText(en: "show this help", vi: "hiện hướng dẫn này")),
        OptionSpec(long: "version", help: LocalizedText(en: "show the version", vi: "hiện phiên bản")),
    ]

    init(_ p: ParsedArguments, console: Console, positionalData: [String]) throws(UsageError) {
        language = try CommonOptions.language(p, console: console)
        let formatName = p.last("format") ?? "text"
        guard let format = Reporters.named(formatName) else {
            throw UsageError(
                LocalizedText(en: "unknown format '\(formatName)'", vi: "không có định dạng '\(formatName)'"),
                hint: DidYouMean.hint(formatName, from: Reporters.ids) ?? LocalizedText(
                    en: "formats: \(Reporters.ids.joined(separator: ", "))", vi: "các định dạng: \(Reporters.ids.joined(separator: ", "))"))
        }
        self.format = format
        out = p.last("out")
        if format.writesFolder && out == nil {
            throw UsageError(LocalizedText(en: "--format \(format.id) writes one file per owner: give a folder with --out",
                                           vi: "--format \(format.id) ghi mỗi đơn vị chủ trì một tệp: chỉ định thư mục bằng --out"))
        }
        rules = p.all("rules").isEmpty ? ["rules"] : p.all("rules")
        data = positionalData + p.all("data")
        if let text = p.last("as-of") {
            guard let date = CommonOptions.fullDate(text) else {
                throw UsageError(LocalizedText(en: "--as-of: cannot read \(Wording.quoted(text)) as a date", vi: "--as-of: không đọc được ngày \(Wording.quoted(text))"),
                                 hint: LocalizedText(en: "write YYYY-MM-DD, e.g. --as-of 2026-09-30", vi: "ghi dạng YYYY-MM-DD, ví dụ --as-of 2026-09-30"))
            }
            asOf = date
        }
        strict = p.has("strict")
        units = Set(p.all("unit"))
        plans = Set(p.all("plan"))
        owners = Set(p.all("owner"))
        if let text = p.last("warn-days") {
            guard let n = Int(text), n >= 0, n <= 366 else {
                throw UsageError(LocalizedText(en: "--warn-days: expected a whole number of days from 0 to 366, found \(Wording.quoted(text))",
                                               vi: "--warn-days: cần số ngày nguyên từ 0 đến 366, nhưng gặp \(Wording.quoted(text))"))
            }
            warnDays = n
        }
        switch p.last("numbers") ?? "c" {
        case "c", "en": numbers = .c
        case "vi": numbers = .vi
        case let other:
            throw UsageError(LocalizedText(en: "--numbers: expected 'c' or 'vi', found \(Wording.quoted(other))", vi: "--numbers: cần 'c' hoặc 'vi', nhưng gặp \(Wording.quoted(other))"))
        }
        all = p.has("all")
        quiet = p.has("quiet")
        onlyNew = p.last("only-new")
        sender = p.last("from") ?? RenderOptions.defaultSender
        guard !sender.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 }),
              sender.split(separator: "@", omittingEmptySubsequences: false).count == 2,
              !sender.contains(" "), !sender.hasPrefix("@"), !sender.hasSuffix("@") else {
            let shown = sender.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "?" : String($0) }.joined()
            throw UsageError(LocalizedText(en: "--from: expected a plain address like chitieu@xa.example.vn, found \(Wording.quoted(shown))",
                                           vi: "--from: cần một địa chỉ thư như chitieu@xa.example.vn, nhưng gặp \(Wording.quoted(shown))"))
        }
        color = !p.has("no-color") && console.outputIsTerminal && (console.environment["NO_COLOR"] ?? "").isEmpty
            && out == nil
    }

    /// A date with its year: `2026-09-30` or `30/09/2026`.
    static func fullDate(_ text: String) -> CivilDate? {
        if let d = CivilDate.parseISO(Substring(text)) { return d }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4 else { return nil }
        return try? DateParser.parse(text, defaultYear: 2000)
    }

    static func language(_ p: ParsedArguments, console: Console) throws(UsageError) -> Language {
        guard let text = p.last("lang") else { return Language.fromEnvironment(console.environment) }
        guard let l = Language(rawValue: text) else {
            throw UsageError(LocalizedText(en: "--lang: expected 'en' or 'vi', found \(Wording.quoted(text))", vi: "--lang: cần 'en' hoặc 'vi', nhưng gặp \(Wording.quoted(text))"),
                             hint: DidYouMean.hint(text, from: ["en", "vi"]))
        }
        return l
    }

    /// Today in the time zone of the plans (spec: never UTC by accident).
    static func today(in timeZone: String, now: Date) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}
