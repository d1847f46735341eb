import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file
/// in the same folder, which is then renamed over the target (rename is atomic within a
/// file system).
enum AtomicWriter {
    struct Failure: Error {
        var path: String
        var reason: String
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        try write(to: path) { emit in bytes.withUnsafeBytes { emit($0) } }
    }

    /// Streams into the temporary file, then renames it over `path`.
    static func write(to path: String, _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temp = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        var ok = true
        var written: Int64 = 0
        produce { buffer in
            var offset = 0
            while ok && offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { ok = false; return }
                offset += n
            }
            // Start writing this chunk to disk now, while the next one is produced, so that
            // the `fsync` below waits for the last chunks only.
            _ = startWriteback?(fd, written, Int64(offset), 2 /* SYNC_FILE_RANGE_WRITE */)
            written += Int64(offset)
        }
        let reason = ok ? nil : String(cString: strerror(errno))
        if ok { _ = fsync(fd) }
        close(fd)
        guard ok else {
            unlink(temp)
            throw Failure(path: path, reason: reason ?? "write failed")
        }
        if rename(temp, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw Failure(path: path, reason: reason)
        }
    }

    /// Linux's `sync_file_range` (not in the C headers Swift imports without `_GNU_SOURCE`);
    /// nil elsewhere, where `fsync` alone does the work.
    private static let startWriteback: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// Creates `path` as a folder if it does not exist.
    static func ensureFolder(_ path: String) throws(Failure) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw Failure(path: path, reason: "exists and is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: "\(error.localizedDescription)")
        }
    }
}
