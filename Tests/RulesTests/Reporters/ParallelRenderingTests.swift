import Testing
@testable import Rules

/// JSON Lines output is written in slices on several threads; the bytes must be exactly
/// those of one thread, whatever the number of threads and wherever the slices end.
@Suite struct ParallelRenderingTests {
    /// About 13,500 findings, so that several waves of slices are written.
    static let report: Report = {
        let json = Harness.plan(rules: #"{"id": "r", "indicator": "x", "target": "≥ 50"}"#)
            .replacingOccurrences(of: #""units": ["u"]"#, with: #""units": "*""#)
        var csv = "unit,period,indicator,value\n"
        for u in 0..<9_000 {
            csv += "xa-\(u),2026,x,\(u % 49)\n"
            if u % 2 == 0 { csv += "xa-\(u),2026,x,abc\n" }
        }
        return try! Harness.run(json, csv: csv, asOf: "2027-01-01").report
    }()

    @Test(arguments: [2, 3, 7])
    func slicesWrittenOnSeveralThreadsGiveOneThreadsBytes(threads: Int) throws {
        #expect(Self.report.findings.count > 3 * 4096)
        let reporter = JSONLinesReporter()
        guard case .stream(let one) = reporter.render(Self.report, options: RenderOptions(language: .vi, threads: 1)),
              case .stream(let many) = reporter.render(Self.report, options: RenderOptions(language: .vi, threads: threads))
        else { Issue.record("JSON Lines should stream"); return }
        let a = one.bytes, b = many.bytes
        #expect(a == b)
        #expect(a.filter { $0 == 0x0A }.count == Self.report.findings.count)
    }
}
