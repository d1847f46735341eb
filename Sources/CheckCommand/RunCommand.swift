import Foundation
import Rules
import Synchronization

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
        var timer = PhaseTimer(console: console)
        var prepared: PreparedCheck
        switch Pipeline.prepare(options, console: console, now: now, forReport: true) {
        case .success(let p): prepared = p
        case .failure(let code): return code.status
        }
        var previous: PreviousFindings? = nil
        if let path = options.onlyNew {
            switch Pipeline.readPrevious(path, options: options, console: console) {
            case .success(let p): previous = p
            case .failure(let code): return code.status
            }
        }
        if options.data.isEmpty && !options.quiet {
            console.err(options.language == .en
                        ? "check: note: no data files given; checking as if nothing had been reported\n"
                        : "check: ghi chú: không có tệp số liệu; kiểm tra như chưa có báo cáo nào\n")
        }
        // Units judged while reading (data in unit order) are judged in the "read" phase.
        timer.lap(prepared.data.streamed.map { "read and judge \($0.unitCount) units" } ?? "read")
        let judgement = Engine.judge(prepared.rules, data: prepared.data.data, dataFindings: prepared.data.findings,
                                     options: prepared.checkOptions, streamed: prepared.data.streamed)
        prepared.data.streamed = nil
        timer.lap("judge")
        // The data is no longer needed: let its memory go before the findings are sorted.
        prepared.data.data = ProgressData()
        prepared.data.findings = []
        timer.lap("free")
        let report = judgement.report()
        timer.lap("sort")
        Pipeline.printCalendarNotes(prepared.rules, options: options, console: console)
        let render = RenderOptions(language: options.language, color: options.color, strict: options.strict,
                                   baseDirectory: FileManager.default.currentDirectoryPath, sender: options.sender,
                                   threads: Pipeline.threads(console))
        // The exit status stays that of the whole run: old news is still a violation.
        let shown = previous?.newFindings(of: report) ?? report
        let reporter = options.format.init()
        let problems = reporter.diagnostics(shown, options: render)
        CheckCLI.printDiagnostics(problems, console: console, language: options.language, color: false, quiet: options.quiet)
        if problems.contains(where: { $0.severity == .error }) {
            console.err(options.language == .en ? "check: nothing was written\n" : "check: chưa ghi kết quả nào\n")
            return ExitStatus.cannotCheck.rawValue
        }
        let output = reporter.render(shown, options: render)
        if let failure = Pipeline.write(output, options: options, console: console) { return failure.status }
        timer.lap("write")
        timer.print(to: console)
        // The process is about to end: its exit gives the findings' memory back at once,
        // rather than a hundred thousand frees one by one (15 ms at national scale).
        UntilExit.keep(report)
        UntilExit.keep(shown)
        return report.exitStatus(strict: options.strict).rawValue
    }
}

/// Values left for the process's exit to free (`check` runs once and ends).
enum UntilExit {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) { values.withLock { $0.append(value) } }
}
