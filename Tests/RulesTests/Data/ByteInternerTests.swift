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

    /// Keys in a repeating order (indicators of one report, month after month) are found
    /// by the key that followed the last one; the ids are those a dictionary would give,
    /// when the order repeats, changes, or a predicted key is a near miss.
    @Test func keysInARepeatingOrderKeepTheirIds() {
        var interner = ByteInterner(capacity: 4)
        var reference: [String: Int32] = [:]
        let month = (1...30).map { "ind_\($0 < 10 ? "0" : "")\($0)" }
        var sequence = month + month + month.reversed() + month
        sequence += ["ind_01", "ind_010", "ind_0", "ind_02", "ind_01", "ind_02", "a much longer key than sixteen bytes", "ind_03",
                     "a much longer key than sixteen bytez", "ind_04", "ind_04"]
        for key in sequence {
            let (id, isNew) = Self.intern(&interner, key)
            if let known = reference[key] {
                #expect(id == known && !isNew, "\(key)")
            } else {
                #expect(isNew && id == Int32(reference.count), "\(key)")
                reference[key] = id
            }
        }
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

extension ByteInternerTests {
    /// A name table gives each name its place in the list, and nothing for any other text
    /// (a near miss, a longer key sharing sixteen bytes, the empty string).
    @Test func nameTablesNumberTheirNamesInOrder() {
        let names = ["ind_000", "ind_001", "ty_le_ho_ngheo", "a much longer key than sixteen bytes", "đàn bò"]
            + (0..<300).map { "ind_\($0 + 2)" }
        let table = NameTable(names)
        for (i, name) in names.enumerated() { #expect(table[name] == Int32(i), "\(name)") }
        for other in ["", "ind_00", "ind_0000", "ind_302", "a much longer key than sixteen bytez", "đàn bo", "IND_000"] {
            #expect(table[other] == nil, "\(other)")
        }
        #expect(NameTable([])["x"] == nil)
    }
}

extension ByteInternerTests {
    /// The collector's memory of the last cell: for every length it matches exactly the
    /// bytes it remembered, and a change of any one byte or of the length is a miss.
    @Test func aLastCellMatchesItsBytesOnly() {
        let text = Array("0123456789abcdefXYZ".utf8)
        for n in 0...17 {
            var cell = LastCell()
            text.withUnsafeBytes { cell.remember(UnsafeRawBufferPointer(rebasing: $0[0..<n]), Int32(n)) }
            let same = text.withUnsafeBytes { cell.match(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            #expect(same == (n <= 16 ? Int32(n) : nil), "length \(n)")
            for k in 0..<n {
                var changed = text
                changed[k] ^= 0x01
                let miss = changed.withUnsafeBytes { cell.match(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                #expect(miss == nil, "length \(n), byte \(k)")
            }
            for m in [n - 1, n + 1] where m >= 0 && m <= text.count {
                #expect(text.withUnsafeBytes { cell.match(UnsafeRawBufferPointer(rebasing: $0[0..<m])) } == nil)
            }
        }
    }
}
