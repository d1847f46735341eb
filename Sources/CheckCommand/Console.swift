import Foundation

/// Where the command writes, and what it knows about its surroundings. The real one
/// writes to the process's streams; tests capture.
public final class Console {
    public private(set) var standardOutput: [UInt8] = []
    public private(set) var standardError: [UInt8] = []
    let capture: Bool
    /// Whether standard output is a terminal (colour is only used there).
    public let outputIsTerminal: Bool
    public let environment: [String: String]
    let standardInput: () -> [UInt8]?

    public init(capture: Bool, outputIsTerminal: Bool, environment: [String: String],
                standardInput: @escaping () -> [UInt8]?) {
        self.capture = capture
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
        self.standardInput = standardInput
    }

    /// The process's own streams.
    public static func process() -> Console {
        Console(capture: false, outputIsTerminal: isatty(STDOUT_FILENO) == 1,
                environment: ProcessInfo.processInfo.environment,
                standardInput: { try? FileHandle.standardInput.readToEnd().map { [UInt8]($0) } ?? [] })
    }

    public func out(_ s: String) { write(Array(s.utf8), error: false) }
    public func err(_ s: String) { write(Array(s.utf8), error: true) }

    func write(_ bytes: [UInt8], error: Bool) {
        if capture {
            if error { standardError += bytes } else { standardOutput += bytes }
            return
        }
        let fd = error ? STDERR_FILENO : STDOUT_FILENO
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    func readStandardInput() -> [UInt8]? { standardInput() }
}
