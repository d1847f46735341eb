import Foundation

/// Where the bytes of a data file come from: the file itself, read a block at a time so
/// that memory does not grow with its size, or bytes already in memory (standard input,
/// tests). Reads at an offset (`pread`), so several threads can read one file at once.
final class ByteSource: @unchecked Sendable {
    private enum Storage {
        case file(Int32)
        case memory([UInt8])
    }

    private let storage: Storage
    let count: Int

    init(bytes: [UInt8]) {
        storage = .memory(bytes)
        count = bytes.count
    }

    /// Opens `path` for reading; nil when it cannot be opened (or is not a regular file).
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        storage = .file(fd)
        count = Int(info.st_size)
    }

    deinit {
        if case .file(let fd) = storage { close(fd) }
    }

    /// The first `n` bytes.
    func prefix(_ n: Int) -> [UInt8] {
        switch storage {
        case .memory(let bytes): return Array(bytes.prefix(n))
        case .file(let fd):
            var out = [UInt8](repeating: 0, count: n)
            let got = out.withUnsafeMutableBytes { Self.readFully(fd, into: $0, at: 0) }
            return Array(out.prefix(got))
        }
    }

    /// The bytes of `range` (small reads).
    func bytes(_ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        blocks(range, size: max(range.count, 1)) { out.append(contentsOf: $0) }
        return out
    }

    /// The offset of the first `byte` in `range`, read 64 KB at a time; nil when there is none.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var at = range.lowerBound
        while at < range.upperBound {
            let end = min(at + (1 << 16), range.upperBound)
            if let k = bytes(at..<end).firstIndex(of: byte) { return at + k }
            at = end
        }
        return nil
    }

    /// Calls `body` with consecutive blocks of `range`.
    func blocks(_ range: Range<Int>, size: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        switch storage {
        case .memory(let bytes):
            bytes.withUnsafeBytes { all in
                var at = range.lowerBound
                while at < range.upperBound {
                    let end = min(at + size, range.upperBound)
                    body(UnsafeRawBufferPointer(rebasing: all[at..<end]))
                    at = end
                }
            }
        case .file(let fd):
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
            defer { buffer.deallocate() }
            var at = range.lowerBound
            while at < range.upperBound {
                let want = min(size, range.upperBound - at)
                let got = Self.readFully(fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]), at: at)
                if got <= 0 { return }
                body(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
                at += got
            }
        }
    }

    /// Feeds `range` to a streaming parser: `body(chunk, isFinal)` returns how many bytes
    /// it consumed; the rest is carried into the next chunk. The buffer grows only when one
    /// record is longer than a block.
    func stream(_ range: Range<Int>, block: Int, _ body: (UnsafeRawBufferPointer, Bool) throws -> Int) throws {
        switch storage {
        case .memory(let bytes):
            try bytes.withUnsafeBytes { all in
                _ = try body(UnsafeRawBufferPointer(rebasing: all[range]), true)
            }
        case .file(let fd):
            var capacity = block
            var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
            defer { buffer.deallocate() }
            var filled = 0
            var at = range.lowerBound
            while true {
                let want = min(capacity - filled, range.upperBound - at)
                let got = want > 0 ? Self.readFully(fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<filled + want]), at: at) : 0
                at += max(got, 0)
                filled += max(got, 0)
                let isFinal = at >= range.upperBound || got <= 0 && want > 0
                let consumed = try body(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]), isFinal)
                if isFinal { return }
                if consumed > 0 {
                    // Keep the unfinished record at the front.
                    if consumed < filled {
                        memmove(buffer.baseAddress!, buffer.baseAddress! + consumed, filled - consumed)
                    }
                    filled -= consumed
                } else if filled == capacity {
                    let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 16)
                    bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
                    buffer.deallocate()
                    buffer = bigger
                    capacity *= 2
                }
            }
        }
    }

    private static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        return done
    }
}
