import Foundation
import Testing

/// Runs the built `check` binary the way a user or a CI job does, and captures what it
/// prints and how it exits.
struct Binary {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `check` executable beside the test bundle (SwiftPM builds it because the test
    /// target depends on it).
    static let url: URL = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(),
        ].compactMap { $0 }
        for folder in candidates {
            let url = folder.appendingPathComponent("check")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("check")
    }()

    /// The package's root folder, for fixtures and golden files.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ path: String) -> String {
        root.appendingPathComponent("Tests/CheckTests/Fixtures").appendingPathComponent(path).path
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C", "NO_COLOR": "1"]
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}

private final class Marker {}

/// Golden files: compared byte for byte; re-recorded only on purpose with RECORD_SNAPSHOTS=1.
enum Golden {
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(actual, at: "Tests/CheckTests/Golden/" + name, sourceLocation: sourceLocation)
    }

    /// A golden file anywhere in the package, by its path from the package root (the examples
    /// keep theirs beside their data).
    static func check(_ actual: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Binary.root.appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(path); run with RECORD_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual == expected, "differs from golden \(path)", sourceLocation: sourceLocation)
    }
}
