/// A command-line option: its names, whether it takes a value, and whether it may repeat.
struct OptionSpec: Sendable {
    var long: String
    var short: Character?
    var valueName: String?
    var repeatable = false
    var help: LocalizedText

    var takesValue: Bool { valueName != nil }
}

/// A mistake on the command line (exit 64): what was wrong, and the remedy apart.
public struct UsageError: Error, Equatable, Sendable {
    public var message: LocalizedText
    public var hint: LocalizedText?

    init(_ message: LocalizedText, hint: LocalizedText? = nil) {
        self.message = message
        self.hint = hint
    }
}

/// The options and positional arguments of one command line, after parsing.
struct ParsedArguments {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func has(_ long: String) -> Bool { flags.contains(long) }
    func last(_ long: String) -> String? { values[long]?.last }
    func all(_ long: String) -> [String] { values[long] ?? [] }
}

/// POSIX/GNU-style parsing: `--name value`, `--name=value`, `-n value`, `-nvalue`, `--` ends
/// options, and `-` alone is a positional (standard input). Unknown options are errors with
/// a "did you mean".
enum ArgumentParser {
    static func parse(_ arguments: [String], specs: [OptionSpec]) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var i = 0
        var optionsEnded = false
        func spec(long: String) -> OptionSpec? { specs.first { $0.long == long } }
        func spec(short: Character) -> OptionSpec? { specs.first { $0.short == short } }
        func store(_ s: OptionSpec, _ value: String?) throws(UsageError) {
            if let value {
                if value.isEmpty { throw emptyValue(s) }
                if !s.repeatable, result.values[s.long] != nil {
                    throw UsageError(LocalizedText(en: "--\(s.long) is given more than once", vi: "--\(s.long) được chỉ định nhiều lần"))
                }
                result.values[s.long, default: []].append(value)
            } else {
                result.flags.insert(s.long)
            }
        }
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if optionsEnded || arg == "-" || !arg.hasPrefix("-") {
                result.positionals.append(arg)
                continue
            }
            if arg == "--" {
                optionsEnded = true
                continue
            }
            if arg.hasPrefix("--") {
                let body = arg.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline: String? = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                guard let s = spec(long: name) else {
                    throw UsageError(
                        LocalizedText(en: "unknown option \(Wording.quoted("--" + name))", vi: "không có tùy chọn \(Wording.quoted("--" + name))"),
                        hint: DidYouMeanOption.hint("--" + name, specs: specs))
                }
                if s.takesValue {
                    if let inline {
                        try store(s, inline)
                    } else if i < arguments.count {
                        try store(s, arguments[i])
                        i += 1
                    } else {
                        throw missingValue(s)
                    }
                } else {
                    if inline != nil {
                        throw UsageError(LocalizedText(en: "--\(s.long) takes no value", vi: "--\(s.long) không nhận giá trị"))
                    }
                    try store(s, nil)
                }
                continue
            }
            // Short options: -f json, -fjson, -q.
            let letters = Array(arg.dropFirst())
            var j = 0
            while j < letters.count {
                guard let s = spec(short: letters[j]) else {
                    throw UsageError(
                        LocalizedText(en: "unknown option \(Wording.quoted("-" + String(letters[j])))", vi: "không có tùy chọn \(Wording.quoted("-" + String(letters[j])))"),
                        hint: DidYouMeanOption.hint(arg, specs: specs))
                }
                if s.takesValue {
                    let rest = String(letters[(j + 1)...])
                    if !rest.isEmpty {
                        try store(s, rest)
                    } else if i < arguments.count {
                        try store(s, arguments[i])
                        i += 1
                    } else {
                        throw missingValue(s)
                    }
                    break
                }
                try store(s, nil)
                j += 1
            }
        }
        return result
    }

    /// `-o ""`, `--out=`: a shell variable that was not set, most likely; no option takes an empty value.
    static func emptyValue(_ s: OptionSpec) -> UsageError {
        UsageError(LocalizedText(en: "--\(s.long) needs a value (\(s.valueName ?? "VALUE")), found an empty one",
                                 vi: "--\(s.long) cần một giá trị (\(s.valueName ?? "GIÁ_TRỊ")), nhưng gặp giá trị rỗng"))
    }

    static func missingValue(_ s: OptionSpec) -> UsageError {
        UsageError(LocalizedText(en: "--\(s.long) needs a value (\(s.valueName ?? "VALUE"))",
                                 vi: "--\(s.long) cần một giá trị (\(s.valueName ?? "GIÁ_TRỊ"))"))
    }
}

enum DidYouMeanOption {
    static func hint(_ written: String, specs: [OptionSpec]) -> LocalizedText? {
        let names = specs.map { "--" + $0.long }
        if let h = DidYouMean.hint(written, from: names) { return h }
        return LocalizedText(en: "see 'check --help'", vi: "xem 'check --help'")
    }
}

import Rules
