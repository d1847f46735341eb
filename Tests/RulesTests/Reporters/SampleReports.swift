@testable import Rules

/// The shared inputs of every reporter's golden tests: one report full of awkward content
/// (Vietnamese, `<&>"'`, `%`, line breaks, control characters, formula-like cells, owners
/// with and without an address) and one with no findings at all. Every format renders both.
enum SampleReports {
    static let asOf = CivilDate(year: 2026, month: 7, day: 1)!

    static let owners: [String: Owner] = [
        "kinh-te": Owner(id: "kinh-te", name: "Phòng Kinh tế <KT> & \"Hạ tầng\"", email: "kinhte@xamau.example.vn"),
        "ubnd": Owner(id: "ubnd", name: "UBND xã Mẫu", email: "ubnd@xamau.example.vn"),
        "van-hoa": Owner(id: "van-hoa", name: "Phòng Văn hóa - Xã hội", email: nil),
        "=cmd|' /C calc'!A0": Owner(id: "=cmd|' /C calc'!A0", name: "=HYPERLINK(\"http://x\")", email: "x@evil.example"),
    ]

    static func date(_ m: Int, _ d: Int) -> CivilDate { CivilDate(year: 2026, month: m, day: d)! }

    static let awkward = Report(
        asOf: asOf, plans: 2, units: 2, checks: 14,
        findings: [
            Finding(severity: .violation, code: .init("milestone-missed"), plan: "xa-mau-2026", rule: "lane-roads",
                    title: "BTXM đường ngõ xóm 6 km <ngõ> & \"xóm\"", unit: "xa-mau", indicator: "lane_road_km",
                    period: "2026-Q2", due: date(6, 30), expected: "≥ 3 km", actual: .number(2.4), owner: "kinh-te",
                    message: LocalizedText(en: "milestone 2026-06-30: 2.4 km by the deadline 2026-06-30, required ≥ 3 km",
                                           vi: "mốc 30/06/2026: đạt 2,4 km đến hạn 30/06/2026, yêu cầu ≥ 3 km"),
                    location: SourceLocation(file: "data/2026 Q2.csv", line: 17), ruleLocation: SourceLocation(file: "rules/xa-mau.json", line: 22, column: 5)),
            Finding(severity: .violation, code: .init("report-missing"), plan: "xa-mau-2026", rule: "monthly",
                    title: "Báo cáo tháng", unit: "xa-mau", period: "2026-05", due: date(5, 25), expected: "≤ 2026-05-25",
                    owner: "kinh-te",
                    message: LocalizedText(en: "'Báo cáo tháng' for 2026-05 not submitted; the deadline was 2026-05-25",
                                           vi: "thiếu báo cáo: 'Báo cáo tháng' kỳ tháng 05/2026 chưa nộp, hạn chót 25/05/2026"),
                    ruleLocation: SourceLocation(file: "rules/xa-mau.json", line: 40, column: 5)),
            Finding(severity: .violation, code: .init("report-late"), plan: "xa-mau-2026", rule: "monthly",
                    title: "Báo cáo tháng", unit: "xa-mau", period: "2026-01", due: date(1, 26), expected: "≤ 2026-01-26",
                    actual: .date(date(1, 30)), owner: "kinh-te",
                    message: LocalizedText(en: "'Báo cáo tháng' for 2026-01 submitted 2026-01-30, 4 days after the deadline 2026-01-26",
                                           vi: "'Báo cáo tháng' kỳ tháng 01/2026 nộp chậm ngày 30/01/2026, chậm 4 ngày so với hạn chót 26/01/2026"),
                    location: SourceLocation(file: "data/2026 Q2.csv", line: 2)),
            Finding(severity: .violation, code: .init("maintain-broken"), plan: "xa-mau-2026", rule: "online-dossiers",
                    title: "Tỷ lệ TTHC trực tuyến\nđạt 100% (dòng 2)", unit: "xa-mau", indicator: "online_dossier_rate",
                    period: "2026-02", expected: "≥ 90%", actual: .number(88.2), owner: "ubnd",
                    message: LocalizedText(en: "2026-02: 88.2% breaks the required ≥ 90%",
                                           vi: "tháng 02/2026: 88,2%, không duy trì được mức ≥ 90%"),
                    location: SourceLocation(file: "data/2026 Q2.csv", line: 5)),
            Finding(severity: .violation, code: .dataInvalid, unit: "xa-mau", indicator: "new_jobs", period: "2026-04",
                    message: LocalizedText(en: "cannot read the value '=SUM(A1:A9)' of 'new_jobs' as a number",
                                           vi: "không đọc được giá trị '=SUM(A1:A9)' của 'new_jobs' thành số"),
                    location: SourceLocation(file: "data/2026 Q2.csv", line: 13, column: 24)),
            Finding(severity: .warning, code: .behindPace, plan: "xa-mau-2026", rule: "lane-roads",
                    title: "BTXM đường ngõ xóm 6 km <ngõ> & \"xóm\"", unit: "xa-mau", indicator: "lane_road_km",
                    period: "2026-Q2", due: date(9, 30), expected: "≥ 4.01 km by now", actual: .number(2.4), owner: "kinh-te",
                    message: LocalizedText(en: "behind pace: 2.4 km in 2026-Q2, the path expects 4.01 km",
                                           vi: "chậm tiến độ: quý II/2026 đạt 2,4 km, theo lộ trình cần 4,01 km"),
                    location: SourceLocation(file: "data/2026 Q2.csv", line: 17)),
            Finding(severity: .warning, code: .unknownIndicator, unit: "xa-mau", indicator: "pig_herds",
                    message: LocalizedText(en: "'pig_herds' is used by no rule; 100% sure? -1 +1 @home \u{0001}\u{001F}",
                                           vi: "chỉ tiêu 'pig_herds' không thuộc quy tắc nào; 100% chắc? -1 +1 @home \u{0001}\u{001F}"),
                    hint: LocalizedText(en: "did you mean 'pig_herd'?", vi: "có phải ý bạn là 'pig_herd'?"),
                    location: SourceLocation(file: "data/2026 Q2.csv", line: 20)),
            Finding(severity: .violation, code: .init("task-overdue"), plan: "dong-hy-2026", rule: "voter-list",
                    title: "=HYPERLINK(\"http://evil.example\",\"click\")", unit: "dong-hy", indicator: "voter-list",
                    due: date(2, 2), expected: "≤ 2026-02-02", owner: "=cmd|' /C calc'!A0",
                    message: LocalizedText(en: "'Niêm yết danh sách cử tri' is overdue: not completed by the deadline 2026-02-02\r\nBcc: victim@example.com",
                                           vi: "'Niêm yết danh sách cử tri' quá hạn: chưa hoàn thành, hạn chót 02/02/2026\r\nBcc: victim@example.com")),
            Finding(severity: .warning, code: .init("task-due-soon"), plan: "dong-hy-2026", rule: "tổ-bầu-cử",
                    title: "Thành lập Tổ bầu cử: 50% ::warning:: %0A", unit: "dong-hy", due: date(7, 3), expected: "≤ 2026-07-03",
                    owner: "van-hoa",
                    message: LocalizedText(en: "due 2026-07-03 (2 days left), 50%, not yet completed: ::error::x %25 %0D",
                                           vi: "sắp đến hạn 03/07/2026 (còn 2 ngày), 50%, chưa hoàn thành: ::error::x %25 %0D")),
        ],
        passed: [
            CheckResult(plan: "xa-mau-2026", rule: "pigs", title: "Tổng đàn lợn 5.320 con", unit: "xa-mau", indicator: "pig_herd",
                        period: "2026-Q2", due: date(12, 31), expected: "≥ 5320 con", actual: .number(5150), owner: "ubnd",
                        status: .pending),
            CheckResult(plan: "xa-mau-2026", rule: "monthly", title: "Báo cáo tháng", unit: "xa-mau", period: "2026-02",
                        due: date(2, 24), expected: "≤ 2026-02-24", actual: .date(date(2, 20)), owner: "kinh-te"),
        ],
        passedCount: 4, pendingCount: 1, owners: owners, keepsPassed: true)

    static let empty = Report(asOf: asOf, plans: 1, units: 1, checks: 3, findings: [], passedCount: 3,
                              owners: ["ubnd": Owner(id: "ubnd", name: "UBND xã Mẫu", email: "ubnd@xamau.example.vn")])
}
