import Foundation
import Rules

/// The `check` command line: parses arguments, reads files, calls the library, writes,
/// and returns the exit status. Only `main.swift` exits.
public enum CheckCLI {
    public static let version = "0.1.0"

    /// Subcommands, by the first argument.
    static let commands: [String: @Sendable (ArraySlice<String>, Console, Date) -> Int32] = [
        "lint": LintCommand.run,
        "explain": ExplainCommand.run,
        "calendar": CalendarCommand.run,
        "template": TemplateCommand.run,
    ]

    public static func run(_ arguments: [String], console: Console, now: Date) -> Int32 {
        if let first = arguments.first, let command = commands[first] {
            return command(arguments.dropFirst(), console, now)
        }
        return RunCommand.run(arguments[...], console: console, now: now)
    }

    /// Prints a usage error (exit 64).
    static func usage(_ error: UsageError, console: Console, language: Language) -> Int32 {
        console.err("check: \(error.message.text(language))\n")
        if let hint = error.hint { console.err("  \(language == .en ? "hint" : "gợi ý"): \(hint.text(language))\n") }
        return ExitStatus.usage.rawValue
    }

    /// The language to complain in before `--lang` has been read.
    static func earlyLanguage(_ arguments: ArraySlice<String>, console: Console) -> Language {
        if let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.endIndex, let l = Language(rawValue: arguments[i + 1]) {
            return l
        }
        if let a = arguments.first(where: { $0.hasPrefix("--lang=") }), let l = Language(rawValue: String(a.dropFirst(7))) {
            return l
        }
        return Language.fromEnvironment(console.environment)
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], console: Console, language: Language, color: Bool,
                                 quiet: Bool) {
        var cache: [String: [UInt8]?] = [:]
        let printer = DiagnosticPrinter(language: language, color: color) { file in
            if let cached = cache[file] { return cached }
            let bytes = FileManager.default.contents(atPath: file).map { [UInt8]($0) }
            cache[file] = bytes
            return bytes
        }
        for d in diagnostics where !(quiet && d.severity == .note) {
            console.err(printer.render(d))
        }
    }
}
