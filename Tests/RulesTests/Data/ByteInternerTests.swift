import Testing
@testable import Rules

@Suite struct ByteInternerTests {
    static func intern(_ i: inout ByteInterner, _ s: String) -> (id: Int32, isNew: Bool) {
        var copy = s
        return copy.withUTF8 { i.intern(UnsafeRawBufferPointer($0)) }
    }

    @Test func everyKeyGetsOneIdWhateverItsLength() {
        var interner = ByteInterner(capacity: 2)
        let keys = ["", "a", "xa-00001", "ind_042", "2026-03", "exactly-16-bytes", "seventeen-bytes-x",
                    "a much longer key than sixteen bytes", "cao-minh", "cao-minh\u{0}", "đàn bò", "thụy-hùng"]
            + (0..<500).map { "unit-\($0)" }
        var ids: [String: Int32] = [:]
        for k in keys {
            let (id, isNew) = Self.intern(&interner, k)
            #expect(isNew)
            ids[k] = id
        }
        // Again, in another order: the same ids, nothing new; the text comes back.
        for k in keys.reversed() {
            let (id, isNew) = Self.intern(&interner, k)
            #expect(!isNew && id == ids[k])
            #expect(interner.string(id) == k)
        }
        #expect(interner.count == keys.count)
    }

    @Test func keysThatShareSixteenBytesDiffer() {
        var interner = ByteInterner()
        let a = Self.intern(&interner, "sixteen-bytes-ab-suffix-one").id
        let b = Self.intern(&interner, "sixteen-bytes-ab-suffix-two").id
        #expect(a != b)
        #expect(Self.intern(&interner, "sixteen-bytes-ab-suffix-one").id == a)
    }
}

extension ByteInternerTests {
    /// The word form of a key is its bytes, little-endian and zero padded, for every length.
    @Test func wordsHoldTheKeysBytes() {
        let text = Array("0123456789abcdefXYZ".utf8)
        for n in 0...text.count {
            let (a, b) = text.withUnsafeBytes { ByteInterner.words(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            var expected: (UInt64, UInt64) = (0, 0)
            for i in 0..<min(n, 16) {
                if i < 8 { expected.0 |= UInt64(text[i]) << UInt64(8 * i) } else { expected.1 |= UInt64(text[i]) << UInt64(8 * (i - 8)) }
            }
            #expect(a == expected.0 && b == expected.1, "length \(n)")
        }
    }
}
