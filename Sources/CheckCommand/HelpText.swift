import Rules

/// `--help` texts, with examples a newcomer can paste.
enum HelpText {
    static func options(_ specs: [OptionSpec], _ l: Language) -> String {
        var s = ""
        for spec in specs {
            var names = spec.short.map { "-\($0), " } ?? "    "
            names += "--\(spec.long)"
            if let v = spec.valueName { names += " \(v)" }
            let pad = max(1, 26 - names.count)
            s += "  \(names)\(String(repeating: " ", count: pad))\(spec.help.text(l))\n"
        }
        return s
    }

    static func main(_ l: Language) -> String {
        let intro = l == .en ? """
        check: judge reported progress against a commune plan's targets, deadlines and reports

        usage:
          check [OPTIONS] [DATA ...]           check progress data against the rules
          check lint [RULES ...]               validate rules files (and calendars) without data
          check calendar [NAME] [YEAR]         show the days off of a year in a working-day calendar
          check explain RULE [OPTIONS] [DATA ...]
                                               show how one rule is judged for one unit
          check template --period PERIOD [--plan P] [--unit U]
                                               write the CSV a unit fills in for one report

        options:

        """ : """
        check: đánh giá số liệu tiến độ so với chỉ tiêu, thời hạn và chế độ báo cáo của kế hoạch

        cách dùng:
          check [TÙY_CHỌN] [SỐ_LIỆU ...]       kiểm tra số liệu theo quy tắc
          check lint [QUY_TẮC ...]             kiểm tra tệp quy tắc (và lịch) khi chưa có số liệu
          check calendar [TÊN] [NĂM]           xem các ngày nghỉ trong năm theo lịch làm việc
          check explain MÃ_QUY_TẮC [TÙY_CHỌN] [SỐ_LIỆU ...]
                                               giải thích cách đánh giá một quy tắc cho một đơn vị
          check template --period KỲ [--plan KH] [--unit ĐV]
                                               ghi tệp CSV mà đơn vị điền cho một báo cáo

        tùy chọn:

        """
        let examples = l == .en ? """

        examples:
          check -r rules/thuy-hung-2026.json examples/thuy-hung-2026/progress.csv --as-of 2026-09-30
          check -r rules/ data/*.csv --format json --out findings.json
          check -r rules/ data/2026-06.csv --unit cao-minh --owner phong-kinh-te --strict
          cat report.csv | check -r rules/ - --format jsonl
          check explain lane-roads -r rules/ data.csv --unit thuy-hung --as-of 2026-07-01

        exit status: 0 no violation, 1 violations (or warnings with --strict),
                     2 the check could not be made (rules or data unreadable), 64 bad usage
        """ : """

        ví dụ:
          check -r rules/thuy-hung-2026.json examples/thuy-hung-2026/progress.csv --as-of 2026-09-30
          check -r rules/ data/*.csv --format json --out findings.json
          check -r rules/ data/2026-06.csv --unit cao-minh --owner phong-kinh-te --strict
          cat report.csv | check -r rules/ - --format jsonl
          check explain lane-roads -r rules/ data.csv --unit thuy-hung --as-of 2026-07-01

        mã thoát: 0 không vi phạm, 1 có vi phạm (hoặc cảnh báo khi dùng --strict),
                  2 không kiểm tra được (lỗi quy tắc hoặc số liệu), 64 sai cú pháp lệnh
        """
        return intro + options(CommonOptions.specs, l) + examples + "\n"
    }
}
