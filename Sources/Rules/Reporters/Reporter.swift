/// How a report is to be rendered: everything that is not the report itself.
public struct RenderOptions: Sendable {
    public var language: Language
    /// ANSI colour (only on a terminal, never with NO_COLOR; the CLI decides).
    public var color: Bool
    /// `--strict`: warnings fail too (formats that record the exit status need it).
    public var strict: Bool
    /// The folder relative paths are relative to (the working directory): formats that
    /// link to files (SARIF, GitHub) show absolute paths under it as relative ones.
    public var baseDirectory: String?
    /// `--from`: the sender of formats that write mail.
    public var sender: String
    /// How many threads may render at once (the output is the same whatever the number).
    public var threads: Int

    public init(language: Language = .en, color: Bool = false, strict: Bool = false, baseDirectory: String? = nil,
                sender: String = RenderOptions.defaultSender, threads: Int = 1) {
        self.threads = threads
        self.language = language
        self.color = color
        self.strict = strict
        self.baseDirectory = baseDirectory
        self.sender = sender
    }

    /// The sender when `--from` is not given: a local address that `sendmail` accepts.
    public static let defaultSender = "chitieu@localhost"
}

/// What a reporter produces: one text for standard output or a file, or several files
/// (one email per owner) for a folder.
public enum RenderedOutput: Sendable {
    case text(String)
    case files([RenderedFile])
    /// Output too large to hold in memory at once (a national run's findings): written in
    /// chunks, as it is produced, to wherever it goes.
    case stream(StreamedOutput)
}

extension RenderedOutput {
    /// The output as one text (a stream is gathered); nil for folder formats.
    public var text: String? {
        switch self {
        case .text(let s): return s
        case .stream(let s): return String(decoding: s.bytes, as: UTF8.self)
        case .files: return nil
        }
    }
}

/// Output produced in chunks: `write` calls `emit` with each chunk in order.
public struct StreamedOutput: Sendable {
    public let write: @Sendable (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void

    public init(write: @escaping @Sendable (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void) {
        self.write = write
    }

    /// Builds the output in a buffer that is handed on whenever it grows past `chunk` bytes.
    public init(chunk: Int = 1 << 20, _ produce: @escaping @Sendable (_ out: inout ChunkedBytes) -> Void) {
        self.write = { emit in
            withoutActuallyEscaping(emit) { emit in
                var out = ChunkedBytes(chunk: chunk, emit: emit)
                produce(&out)
                out.flush()
            }
        }
    }

    /// The whole output in memory (tests, small reports).
    public var bytes: [UInt8] {
        var all: [UInt8] = []
        write { all.append(contentsOf: $0) }
        return all
    }
}

/// A byte buffer that passes its content on in chunks.
public struct ChunkedBytes: ~Copyable {
    public var buffer: ByteWriter
    let chunk: Int
    let emit: (UnsafeRawBufferPointer) -> Void

    init(chunk: Int, emit: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.chunk = chunk
        self.emit = emit
        buffer = ByteWriter(capacity: chunk + 4096)
    }

    /// Hands the buffer on if it is full; call between items.
    public mutating func maybeFlush() {
        if buffer.count >= chunk { flush() }
    }

    public mutating func flush() {
        guard buffer.count > 0 else { return }
        buffer.withBytes { emit($0) }
        buffer.removeAll()
    }

    /// Passes on bytes rendered elsewhere (a thread's slice of findings) after what is
    /// buffered, without copying them into the buffer first.
    public mutating func pass(_ bytes: UnsafeRawBufferPointer) {
        flush()
        emit(bytes)
    }
}

public struct RenderedFile: Hashable, Sendable {
    /// A safe file name, no folders.
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// One output format (`--format`): a pure function from a report to text. A new format
/// is a new file and one entry in `Reporters.all`.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var id: String { get }
    static var summary: LocalizedText { get }
    /// Whether the format writes several files and so needs `--out FOLDER`.
    static var writesFolder: Bool { get }
    /// Whether the format lists every check, passing or not (JUnit's test cases), so that
    /// the CLI collects passing checks as `--all` does.
    static var listsEveryCheck: Bool { get }
    /// Whether the format draws progress and needs `Report.details` (the engine fills it only then).
    static var needsDetails: Bool { get }
    init()
    func render(_ report: Report, options: RenderOptions) -> RenderedOutput
    /// What rendering has to say besides the output (an owner without an address): printed
    /// on standard error; an error means the output must not be written.
    func diagnostics(_ report: Report, options: RenderOptions) -> [Diagnostic]
}

extension Reporter {
    public static var writesFolder: Bool { false }
    public static var listsEveryCheck: Bool { false }
    public static var needsDetails: Bool { false }
    public func diagnostics(_ report: Report, options: RenderOptions) -> [Diagnostic] { [] }
}

/// The registry of output formats.
public enum Reporters {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, JSONLinesReporter.self,
        GitHubReporter.self, JUnitReporter.self, SARIFReporter.self,
        CSVReporter.self, MarkdownReporter.self, EmailReporter.self, HTMLReporter.self,
    ]

    public static var ids: [String] { all.map { $0.id } }

    public static func named(_ id: String) -> (any Reporter.Type)? { all.first { $0.id == id } }
}
