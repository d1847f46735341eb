/// What a finding code means, for formats that describe their rules apart from their
/// results (SARIF's `tool.driver.rules`): a name, a one-line and a full description in
/// both languages, and how loud it is by default.
public struct FindingCodeInfo: Hashable, Sendable {
    public var code: FindingCode
    /// `TargetMissed`: the code as an identifier, for SARIF's `name`.
    public var name: String
    public var shortDescription: LocalizedText
    public var fullDescription: LocalizedText
    /// The severity every finding of this code has, or nil when the rule or schedule decides.
    public var fixedSeverity: Severity?
    /// A reminder that a date is near (the `*-due-soon` codes), not a sign that something
    /// is wrong: SARIF gives these the level `note`, GitHub a `notice`.
    public var isReminder: Bool

    public init(code: FindingCode, shortDescription: LocalizedText, fullDescription: LocalizedText,
                fixedSeverity: Severity? = nil, isReminder: Bool = false) {
        self.code = code
        self.name = code.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        self.shortDescription = shortDescription
        self.fullDescription = fullDescription
        self.fixedSeverity = fixedSeverity
        self.isReminder = isReminder
    }
}

/// Every finding code the engine can produce (spec §6), described. A code missing here
/// (a new rule kind's) still renders, with a generic description; a test checks that every
/// code the rule kinds and report checks declare is listed.
public enum FindingCodeCatalogue {
    public static let all: [FindingCodeInfo] = [
        FindingCodeInfo(
            code: TargetRule.missed,
            shortDescription: LocalizedText(en: "target missed", vi: "không đạt chỉ tiêu"),
            fullDescription: LocalizedText(
                en: "the deadline has passed and the indicator's value, aggregated up to the deadline, does not satisfy the rule's target",
                vi: "đã quá hạn mà giá trị của chỉ tiêu, tính đến ngày hạn, không đạt mức yêu cầu của quy tắc")),
        FindingCodeInfo(
            code: TargetRule.milestoneMissed,
            shortDescription: LocalizedText(en: "milestone missed", vi: "không đạt mốc"),
            fullDescription: LocalizedText(
                en: "a milestone's date has passed and the value up to that date does not satisfy the milestone's target",
                vi: "đã qua ngày của mốc mà giá trị tính đến ngày đó không đạt yêu cầu của mốc")),
        FindingCodeInfo(
            code: .noData,
            shortDescription: LocalizedText(en: "no data", vi: "thiếu số liệu"),
            fullDescription: LocalizedText(
                en: "no value is known for a target, milestone, change or baseline that is judged now; before its date, a warning that reports are due but the indicator has no value this year",
                vi: "không có số liệu cho chỉ tiêu, mốc, mức thay đổi hoặc năm gốc cần đánh giá; trước hạn là cảnh báo khi đã đến kỳ báo cáo mà chỉ tiêu chưa có số liệu trong năm")),
        FindingCodeInfo(
            code: .behindPace,
            shortDescription: LocalizedText(en: "behind pace", vi: "chậm tiến độ"),
            fullDescription: LocalizedText(
                en: "before the deadline, the latest value trails the straight path from the start to the target by more than 10% of the distance",
                vi: "trước hạn, giá trị mới nhất chậm hơn lộ trình tuyến tính từ điểm xuất phát đến chỉ tiêu quá 10% quãng đường"),
            fixedSeverity: .warning),
        FindingCodeInfo(
            code: .forecastMiss,
            shortDescription: LocalizedText(en: "forecast to miss", vi: "dự báo không đạt"),
            fullDescription: LocalizedText(
                en: "the least-squares trend of this year's values misses the target at the deadline",
                vi: "đường xu hướng (bình phương tối thiểu) của số liệu trong năm không đạt chỉ tiêu vào ngày hạn"),
            fixedSeverity: .warning),
        FindingCodeInfo(
            code: .dueSoon,
            shortDescription: LocalizedText(en: "target due soon", vi: "chỉ tiêu sắp đến hạn"),
            fullDescription: LocalizedText(
                en: "a deadline or milestone falls within the warning window and its target is not met yet",
                vi: "hạn hoặc mốc nằm trong số ngày cảnh báo mà chỉ tiêu chưa đạt"),
            fixedSeverity: .warning, isReminder: true),
        FindingCodeInfo(
            code: MaintainRule.broken,
            shortDescription: LocalizedText(en: "level not maintained", vi: "không duy trì được mức"),
            fullDescription: LocalizedText(
                en: "a value reported inside the rule's window fails the level it must maintain (one finding per period)",
                vi: "một giá trị báo cáo trong khoảng thời gian áp dụng không đạt mức phải duy trì (mỗi kỳ một phát hiện)")),
        FindingCodeInfo(
            code: ChangeRule.missed,
            shortDescription: LocalizedText(en: "change missed", vi: "không đạt mức thay đổi"),
            fullDescription: LocalizedText(
                en: "the deadline has passed and the change from the baseline does not satisfy the rule",
                vi: "đã quá hạn mà mức thay đổi so với năm gốc không đạt yêu cầu của quy tắc")),
        FindingCodeInfo(
            code: TaskRule.overdue,
            shortDescription: LocalizedText(en: "task overdue", vi: "nhiệm vụ quá hạn"),
            fullDescription: LocalizedText(
                en: "the task's deadline has passed and no completion is known",
                vi: "nhiệm vụ đã quá hạn mà chưa có thông tin hoàn thành")),
        FindingCodeInfo(
            code: TaskRule.late,
            shortDescription: LocalizedText(en: "task completed late", vi: "nhiệm vụ hoàn thành chậm"),
            fullDescription: LocalizedText(
                en: "the task was completed, but after its deadline",
                vi: "nhiệm vụ đã hoàn thành nhưng sau thời hạn")),
        FindingCodeInfo(
            code: TaskRule.dueSoon,
            shortDescription: LocalizedText(en: "task due soon", vi: "nhiệm vụ sắp đến hạn"),
            fullDescription: LocalizedText(
                en: "the task is not completed and its deadline falls within the warning window",
                vi: "nhiệm vụ chưa hoàn thành và hạn nằm trong số ngày cảnh báo"),
            fixedSeverity: .warning, isReminder: true),
        FindingCodeInfo(
            code: ReportCheck.missing,
            shortDescription: LocalizedText(en: "report missing", vi: "thiếu báo cáo"),
            fullDescription: LocalizedText(
                en: "the report for a period was not submitted by its due date",
                vi: "báo cáo của kỳ chưa được nộp khi đã quá hạn")),
        FindingCodeInfo(
            code: ReportCheck.late,
            shortDescription: LocalizedText(en: "report late", vi: "báo cáo nộp chậm"),
            fullDescription: LocalizedText(
                en: "the report for a period was submitted after its due date",
                vi: "báo cáo của kỳ được nộp sau hạn")),
        FindingCodeInfo(
            code: ReportCheck.dueSoon,
            shortDescription: LocalizedText(en: "report due soon", vi: "báo cáo sắp đến hạn"),
            fullDescription: LocalizedText(
                en: "the report is not submitted and its due date falls within the warning window",
                vi: "báo cáo chưa nộp và hạn nộp nằm trong số ngày cảnh báo"),
            fixedSeverity: .warning, isReminder: true),
        FindingCodeInfo(
            code: ReportCheck.incomplete,
            shortDescription: LocalizedText(en: "report incomplete", vi: "báo cáo thiếu chỉ tiêu"),
            fullDescription: LocalizedText(
                en: "a submitted report lacks indicators that its schedule says every report must contain",
                vi: "báo cáo đã nộp thiếu chỉ tiêu mà lịch báo cáo quy định phải có")),
        FindingCodeInfo(
            code: .dataInvalid,
            shortDescription: LocalizedText(en: "invalid data row", vi: "dòng số liệu không hợp lệ"),
            fullDescription: LocalizedText(
                en: "a data row cannot be read (its value, period or date), or two rows give different values for one unit, indicator and period",
                vi: "không đọc được một dòng số liệu (giá trị, kỳ hoặc ngày), hoặc hai dòng ghi giá trị khác nhau cho cùng đơn vị, chỉ tiêu và kỳ"),
            fixedSeverity: .violation),
        FindingCodeInfo(
            code: .unknownIndicator,
            shortDescription: LocalizedText(en: "unknown indicator", vi: "chỉ tiêu không xác định"),
            fullDescription: LocalizedText(
                en: "a row's indicator is used by no rule and declared by no plan of the unit, so its values are not checked",
                vi: "chỉ tiêu trong dòng số liệu không thuộc quy tắc nào và không được khai báo trong kế hoạch của đơn vị, nên không được kiểm tra"),
            fixedSeverity: .warning),
    ]

    private static let byCode: [FindingCode: FindingCodeInfo] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The description of `code`; a code not listed gets its own id as description.
    public static func info(_ code: FindingCode) -> FindingCodeInfo {
        byCode[code] ?? FindingCodeInfo(
            code: code, shortDescription: LocalizedText(verbatim: code.rawValue.replacingOccurrences(of: "-", with: " ")),
            fullDescription: LocalizedText(en: "a finding of the kind '\(code.rawValue)'", vi: "phát hiện loại '\(code.rawValue)'"))
    }
}
