import Foundation

/// A growable column of plain values in memory the tool manages itself: `realloc` grows it
/// in place where the allocator can (large blocks are remapped, not copied), so reading
/// millions of rows never holds two copies of a column, and evaluation threads read it
/// through a raw pointer, with no reference counting on a shared object per row.
final class ColumnBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = malloc(self.capacity * MemoryLayout<Element>.stride)!.assumingMemoryBound(to: Element.self)
    }

    deinit { free(base) }

    @inline(__always)
    func append(_ x: Element) {
        if count == capacity { grow() }
        base[count] = x
        count += 1
    }

    subscript(i: Int) -> Element {
        @inline(__always) get { base[i] }
        @inline(__always) set { base[i] = newValue }
    }

    /// Gives back the unused tail once reading is done.
    func shrinkToFit() {
        guard count < capacity, count > 0 else { return }
        if let p = realloc(base, count * MemoryLayout<Element>.stride) {
            base = p.assumingMemoryBound(to: Element.self)
            capacity = count
        }
    }

    private func grow() {
        let bigger = capacity * 2
        guard let p = realloc(base, bigger * MemoryLayout<Element>.stride) else { fatalError("out of memory reading data") }
        base = p.assumingMemoryBound(to: Element.self)
        capacity = bigger
    }
}
