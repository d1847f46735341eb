import Foundation
import Rules

/// `check [OPTIONS] [DATA ...]`: judge the data against the rules and report.
enum RunCommand {
    static func run(_ arguments: ArraySlice<String>, console: Console, now: Date) -> Int32 {
        let early = CheckCLI.earlyLanguage(arguments, console: console)
        let parsed: ParsedArguments
        let options: CommonOptions
        do throws(UsageError) {
            parsed = try ArgumentParser.parse(Array(arguments), specs: CommonOptions.specs)
            if parsed.has("help") {
                console.out(HelpText.main(CheckCLI.earlyLanguage(arguments, console: console)))
                return 0
            }
            if parsed.has("version") {
                console.out("check \(CheckCLI.version)\n")
                return 0
            }
            options = try CommonOptions(parsed, console: console, positionalData: parsed.positionals)
        } catch {
            return CheckCLI.usage(error, console: console, language: early)
        }
        let prepared: PreparedCheck
        switch Pipeline.prepare(options, console: console, now: now) {
        case .success(let p): prepared = p
        case .failure(let code): return code.status
        }
        if options.data.isEmpty && !options.quiet {
            console.err(options.language == .en
                        ? "check: note: no data files given; checking as if nothing had been reported\n"
                        : "check: ghi chú: không có tệp số liệu; kiểm tra như chưa có báo cáo nào\n")
        }
        let report = Engine.run(prepared.rules, data: prepared.data.data, dataFindings: prepared.data.findings,
                                options: prepared.checkOptions)
        Pipeline.printCalendarNotes(prepared.rules, options: options, console: console)
        let render = RenderOptions(language: options.language, color: options.color, strict: options.strict,
                                   baseDirectory: FileManager.default.currentDirectoryPath)
        let output = options.format.init().render(report, options: render)
        if let failure = Pipeline.write(output, options: options, console: console) { return failure.status }
        return report.exitStatus(strict: options.strict).rawValue
    }
}
