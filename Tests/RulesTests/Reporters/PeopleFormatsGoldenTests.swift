import Foundation
import Testing
@testable import Rules

/// Golden files of the formats for people, rendered from the shared sample reports in both
/// languages; re-recorded only on purpose with RECORD_SNAPSHOTS=1. The `.ci/checks` script
/// `40-people-formats` reads the same files with independent consumers (Python's `email`
/// and `csv`, an XML parser, headless Chromium), using the `*.intent.json` and
/// `findings.*.json` files written here as what was meant.
@Suite struct PeopleFormatsGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func golden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); run with RECORD_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == String(decoding: data, as: UTF8.self), "differs from golden \(name)", sourceLocation: sourceLocation)
    }

    static let cases: [(String, Language)] = [("awkward", .en), ("awkward", .vi), ("empty", .en), ("empty", .vi)]

    static func text(_ output: RenderedOutput) -> String {
        switch output {
        case .text, .stream: return output.text ?? ""
        case .files(let files): return files.map { "=== \($0.name) ===\n\($0.contents)" }.joined(separator: "\n")
        }
    }

    @Test(arguments: cases) func csv(sample: String, language: Language) throws {
        let report = PeopleSamples.sample(sample)
        try Self.golden(Self.text(CSVReporter().render(report, options: RenderOptions(language: language))),
                        "csv.\(sample).\(language).csv")
        // What the CSV consumer compares the cells with.
        try Self.golden(Self.text(JSONReporter().render(report, options: RenderOptions(language: language))),
                        "findings.\(sample).\(language).json")
    }

    @Test(arguments: cases) func markdown(sample: String, language: Language) throws {
        try Self.golden(Self.text(MarkdownReporter().render(PeopleSamples.sample(sample), options: RenderOptions(language: language))),
                        "markdown.\(sample).\(language).md")
    }

    @Test(arguments: cases) func html(sample: String, language: Language) throws {
        try Self.golden(Self.text(HTMLReporter().render(PeopleSamples.sample(sample), options: RenderOptions(language: language))),
                        "html.\(sample).\(language).html")
    }

    @Test(arguments: cases) func email(sample: String, language: Language) throws {
        let report = PeopleSamples.sample(sample)
        let options = RenderOptions(language: language, sender: "ubnd-xa@xamau.example.vn")
        let reporter = EmailReporter()
        guard case .files(let files) = reporter.render(report, options: options) else {
            Issue.record("email must render files")
            return
        }
        for f in files { try Self.golden(f.contents, "email.\(sample).\(language)/\(f.name)") }
        let notes = reporter.diagnostics(report, options: options)
            .map { "\($0.severity.rawValue) \($0.code): \($0.message.text(language))" + ($0.hint.map { "\n  hint: \($0.text(language))" } ?? "") }
        try Self.golden(notes.joined(separator: "\n") + "\n", "email.\(sample).\(language).diagnostics.txt")
        // What each message is meant to say, for the consumer that decodes the files.
        let letters = EmailReporter.compose(report, options: options).letters
        let intent = JSONValue.array(letters.map { letter in
            .object([("file", .string(letter.fileName)), ("toName", letter.toName.map(JSONValue.string) ?? .null),
                     ("toAddress", .string(letter.toAddress)), ("from", .string(options.sender)),
                     ("subject", .string(letter.subject)), ("body", .string(letter.body))])
        })
        try Self.golden(JSONWriter(style: .pretty).string(intent) + "\n", "email.\(sample).\(language).intent.json")
        #expect(Set(files.map(\.name)).count == files.count)
    }
}
