import Dispatch

/// Runs independent pieces of work on several threads and returns their results in order,
/// so that output is the same whatever the number of threads (only the wall time changes).
enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, on up to `threads` threads; results in index order.
    static func map<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1, threads > 1 else { return (0..<count).map(body) }
        let results = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, body(i)) }
        return results.values()
    }

    /// One result slot per piece of work; each slot is written by exactly one iteration,
    /// and read only after `concurrentPerform` has returned.
    private final class Slots<T>: @unchecked Sendable {
        // Raw memory rather than an array property: writes from several threads to
        // different slots must not go through a (dynamically exclusive) stored property.
        private let storage: UnsafeMutableBufferPointer<T?>
        init(_ count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }
        deinit {
            storage.deinitialize()
            storage.deallocate()
        }
        func set(_ i: Int, _ value: T) { storage[i] = value }
        func values() -> [T] { storage.map { $0! } }
    }
}
