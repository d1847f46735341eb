import Rules

/// Renders diagnostics for standard error, compiler style:
///
///     rules/plan.json:12:15: error: $.rules[3].target: expected a string, found the number 52 [rules.wrong-type]
///        12 |     "target": 52,
///           |               ^
///       hint: did you mean 'target'?
struct DiagnosticPrinter {
    var language: Language
    var color: Bool
    /// The text of a file, to quote the offending line; nil when it cannot be read.
    var source: (String) -> [UInt8]?

    func render(_ d: Diagnostic) -> String {
        let paint = PaintCLI(enabled: color)
        let label: String
        switch d.severity {
        case .error: label = paint.red(language == .en ? "error" : "lỗi")
        case .warning: label = paint.yellow(language == .en ? "warning" : "cảnh báo")
        case .note: label = paint.dim(language == .en ? "note" : "ghi chú")
        }
        var head = ""
        if let loc = d.location {
            head += loc.file
            if let line = loc.line { head += ":\(line)"; if let c = loc.column { head += ":\(c)" } }
            head += ": "
        }
        head += "\(label): "
        if let path = d.location?.path { head += "\(path): " }
        head += d.message.text(language) + " " + paint.dim("[\(d.code)]")
        var s = head + "\n"
        if let loc = d.location, let line = loc.line, let text = sourceLine(loc.file, line) {
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            s += "  \(number) | \(text)\n"
            if let column = loc.column, column >= 1 {
                let prefix = text.unicodeScalars.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                s += "  \(gutter) | \(prefix)\(paint.red("^"))\n"
            }
        }
        if let hint = d.hint {
            s += "  " + paint.dim(language == .en ? "hint: " : "gợi ý: ") + hint.text(language) + "\n"
        }
        return s
    }

    func sourceLine(_ file: String, _ line: Int) -> String? {
        guard let bytes = source(file) else { return nil }
        var current = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if current == line { return trimmedLine(bytes[start..<i]) }
            current += 1
            start = i + 1
        }
        return current == line && start < bytes.count ? trimmedLine(bytes[start...]) : nil
    }

    private func trimmedLine(_ slice: ArraySlice<UInt8>) -> String? {
        var s = slice
        if s.last == 0x0D { s = s.dropLast() }
        guard s.count <= 300 else { return nil }  // a minified file: the caret would not help
        return String(decoding: s, as: UTF8.self)
    }
}

/// ANSI styling for the CLI's own messages.
struct PaintCLI {
    let enabled: Bool
    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { wrap(s, "31") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func bold(_ s: String) -> String { wrap(s, "1") }
}
