/// A cursor over one short phrase of the rules language: a threshold, a date, a period,
/// a deadline or a due rule.
///
/// It keeps the phrase as written (NFC, spaces collapsed) beside a lower-cased copy of the
/// same length, so that words match case-insensitively while units and messages keep the
/// author's spelling ("HTX"). Parenthesised notes ("từ 3,2% (370 người) trở lên") are
/// taken out before anything is read and kept in `notes`: in the plans they explain a
/// figure, they never change it.
struct PhraseScanner {
    /// The phrase exactly as the caller passed it: what messages quote.
    let written: String
    /// NFC, whitespace collapsed and trimmed, notes removed, case kept.
    let text: [Unicode.Scalar]
    /// `text` lower-cased scalar by scalar, so that positions in both agree.
    let lower: [Unicode.Scalar]
    /// The notes that were in parentheses, folded.
    let notes: [String]
    /// A `(` without its `)`, or a `)` without its `(`.
    let unbalanced: Bool
    var pos = 0

    init(_ written: String) {
        self.written = written
        var kept = String.UnicodeScalarView()
        var notes: [String] = []
        var note = String.UnicodeScalarView()
        var depth = 0
        var unbalanced = false
        for u in TextFold.normalize(written).unicodeScalars {
            if u == "(" {
                depth += 1
                if depth == 1 { note = String.UnicodeScalarView() } else { note.append(u) }
            } else if u == ")" {
                if depth == 0 { unbalanced = true; continue }
                depth -= 1
                if depth == 0 {
                    notes.append(TextFold.fold(String(note)))
                    kept.append(" ")
                } else {
                    note.append(u)
                }
            } else if depth > 0 {
                note.append(u)
            } else {
                kept.append(u)
            }
        }
        if depth > 0 { unbalanced = true }
        var scalars = Array(TextFold.collapse(String(kept)).unicodeScalars)
        // A phrase copied out of a sentence often keeps the sentence's full stop.
        while let last = scalars.last, last == "." || last == ";" || last == "," || last == " " {
            if last == ".", scalars.count >= 2, scalars[scalars.count - 2] == "." { break }
            scalars.removeLast()
        }
        self.text = scalars
        self.lower = scalars.map(PhraseScanner.lowercase)
        self.notes = notes
        self.unbalanced = unbalanced
    }

    static func lowercase(_ u: Unicode.Scalar) -> Unicode.Scalar {
        if u.properties.isLowercase || !u.properties.changesWhenLowercased { return u }
        let mapped = u.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped[mapped.startIndex] : u
    }

    static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 48 && u.value <= 57 }
    static func isLetter(_ u: Unicode.Scalar) -> Bool { u.properties.isAlphabetic }

    /// Two letters, or two digits: a word boundary cannot fall between them. A digit next
    /// to a letter is a boundary, so "40ha" reads as 40 and "ha", and "Q2" as "q" and 2.
    static func sameClass(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        (isLetter(a) && isLetter(b)) || (isDigit(a) && isDigit(b))
    }

    // MARK: - Looking

    var isAtEnd: Bool { pos >= text.count }
    var isEmpty: Bool { text.isEmpty }

    /// The lower-cased scalar `offset` places ahead, if any.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = pos + offset
        return i >= 0 && i < lower.count ? lower[i] : nil
    }

    func peekIsDigit(_ offset: Int = 0) -> Bool {
        peek(offset).map(PhraseScanner.isDigit) ?? false
    }

    mutating func skipSpaces() {
        while pos < text.count, text[pos] == " " { pos += 1 }
    }

    /// Whether `phrase` (lower-case NFC, single spaces) comes next as whole words.
    func looking(at phrase: String) -> Bool {
        var copy = self
        return copy.match(phrase)
    }

    /// Consumes `phrase` if it comes next (after any spaces) as whole words: "trên" does not
    /// match the start of "trênx", and a word never matches the middle of another.
    mutating func match(_ phrase: String) -> Bool {
        let saved = pos
        skipSpaces()
        var i = pos
        var first: Unicode.Scalar?
        var last: Unicode.Scalar?
        for u in phrase.unicodeScalars {
            guard i < lower.count, lower[i] == u else { pos = saved; return false }
            if first == nil { first = u }
            last = u
            i += 1
        }
        if let first, pos > 0, PhraseScanner.sameClass(first, lower[pos - 1]) {
            pos = saved
            return false
        }
        if let last, i < lower.count, PhraseScanner.sameClass(last, lower[i]) {
            pos = saved
            return false
        }
        guard last != nil else { pos = saved; return false }
        pos = i
        return true
    }

    /// The first of `phrases` that comes next; callers list longer phrases first.
    mutating func matchAny(_ phrases: [String]) -> String? {
        for p in phrases where match(p) { return p }
        return nil
    }

    // MARK: - Reading

    /// A run of ASCII digits.
    mutating func readDigits() -> Range<Int>? {
        skipSpaces()
        let start = pos
        while pos < text.count, PhraseScanner.isDigit(text[pos]) { pos += 1 }
        return pos > start ? start..<pos : nil
    }

    /// A number as plans write it: digits with `.` or `,` between them (`2.659.682`,
    /// `25,3`). A separator not followed by a digit ends the number, so `2..3` is two numbers.
    mutating func readNumber() -> Range<Int>? {
        skipSpaces()
        let start = pos
        while pos < text.count {
            let u = text[pos]
            if PhraseScanner.isDigit(u) {
                pos += 1
            } else if (u == "." || u == ","), pos > start, pos + 1 < text.count, PhraseScanner.isDigit(text[pos + 1]) {
                pos += 1
            } else {
                break
            }
        }
        return pos > start ? start..<pos : nil
    }

    /// A run of letters (a word), for messages and roman numerals.
    mutating func readWord() -> Range<Int>? {
        skipSpaces()
        let start = pos
        while pos < text.count, text[pos].properties.isAlphabetic { pos += 1 }
        return pos > start ? start..<pos : nil
    }

    func string(_ range: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: text[range])
        return String(v)
    }

    func lowerString(_ range: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: lower[range])
        return String(v)
    }

    /// The integer value of a run of digits; nil when too long to be a day, month or year.
    func int(_ range: Range<Int>) -> Int? {
        guard range.count <= 9 else { return nil }
        var v = 0
        for i in range { v = v * 10 + Int(text[i].value - 48) }
        return v
    }

    /// The next thing in the phrase for a "found …" message: a word, a number or one symbol.
    func nextToken() -> String? {
        var copy = self
        copy.skipSpaces()
        guard !copy.isAtEnd else { return nil }
        if let r = copy.readNumber() { return copy.string(r) }
        if let r = copy.readWord() {
            // Two words make a clearer quote than one ("trở nên", not "trở").
            var after = copy
            if let r2 = after.readWord() { return copy.string(r.lowerBound..<r2.upperBound) }
            return copy.string(r)
        }
        return copy.string(copy.pos..<copy.pos + 1)
    }

    /// The words from here up to the next digit or symbol, lower-cased, for "did you mean".
    func upcomingWords(max: Int = 3) -> [String] {
        var copy = self
        var words: [String] = []
        while words.count < max, let r = copy.readWord() { words.append(copy.lowerString(r)) }
        return words
    }
}
