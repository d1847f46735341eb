/// The syntax of a threshold (spec §3.1): lead words, a verb, a change or level word, one
/// comparison phrase, trailing words. It reads numbers and recognises units; what a unit
/// means against the indicator is decided by `ThresholdParser`.
struct ThresholdReader {
    enum Direction: Hashable { case increase, decrease }

    struct Quantity {
        /// Signed as written.
        var value: Double
        /// Written with an explicit `+` or `-`.
        var signed: Bool
        var unit: UnitName?
        /// The 19 of `11/19`.
        var denominator: Double?
    }

    enum Form {
        /// `bare`: no comparison word at all ("52%", "Phấn đấu 60%").
        case compare(Comparison, Quantity, bare: Bool)
        /// `between X and Y`, `X..Y`.
        case strict(Quantity, Quantity)
        /// `X-Y`, `X–Y`, `từ X đến Y`.
        case plan(Quantity, Quantity)
        /// `khoảng X`, `xấp xỉ X`, `≈ X`, `X ± d`: near X, within `tolerance` when one is written.
        case about(Quantity, tolerance: Quantity?)
        /// A direction word and nothing after it ("giảm"): any change that way.
        case anyAmount

        var quantities: [Quantity] {
            switch self {
            case .compare(_, let q, _): return [q]
            case .strict(let a, let b), .plan(let a, let b): return [a, b]
            case .about(let q, let t): return [q] + (t.map { [$0] } ?? [])
            case .anyAmount: return []
            }
        }
    }

    struct Result {
        var form: Form
        /// `tăng` / `giảm`: the phrase states a change.
        var direction: Direction?
        /// `tăng lên` / `giảm xuống (dưới)` / `giảm còn`: a level reached by changing.
        var level: Direction?
        /// `relative` / `tương đối`, also in parentheses.
        var relative: Bool
    }

    var s: PhraseScanner
    let numbers: NumberStyle
    let what: LocalizedText
    let examples: LocalizedText
    /// The last word read before the comparison, for "expected a number after 'tăng'".
    var lastWord: String?
    /// The direction word read, if any: after it, nothing at all is a complete phrase.
    var directionWord: String?

    init(_ text: String, numbers: NumberStyle, change: Bool) {
        self.s = PhraseScanner(text)
        self.numbers = numbers
        self.what = change ? LanguageError.changeWhat : LanguageError.thresholdWhat
        self.examples = change ? ThresholdReader.changeExamples : ThresholdReader.levelExamples
    }

    // MARK: - Word tables (lower-case NFC; longer phrases first where one starts another)

    static let leadWords = ["phấn đấu", "hoàn thành", "duy trì"]
    /// Verbs the plans put between a lead word and the number ("Phấn đấu tổ chức 01 cuộc",
    /// "phấn đấu trồng mới thêm 15 ha", "mở rộng thêm 18ha"): they name the work, the number
    /// after them is the threshold. The seeds' verbs, plus a few of the same kind.
    static let verbs = [
        "thành lập mới", "thành lập", "xây dựng thêm", "xây dựng mới", "xây dựng", "trồng mới thêm", "trồng mới",
        "mở rộng thêm", "mở rộng", "mở mới", "tổ chức", "thi công", "giải quyết", "đào tạo", "tuyển mới", "tuyển",
        "kết nạp", "cấp mới", "cấp", "bảo đảm", "đảm bảo",
    ]
    static let levelWords: [(String, Direction)] = [
        ("giảm xuống còn", .decrease), ("giảm xuống", .decrease), ("giảm còn", .decrease),
        ("hạ xuống", .decrease), ("xuống còn", .decrease), ("xuống", .decrease), ("tăng lên", .increase), ("lên", .increase),
    ]
    static let directionWords: [(String, Direction)] = [("tăng thêm", .increase), ("tăng", .increase), ("giảm", .decrease)]
    static let symbols: [(String, Comparison)] = [
        (">=", .atLeast), ("<=", .atMost), ("==", .equal), ("≥", .atLeast), ("≤", .atMost),
        ("⩾", .atLeast), ("⩽", .atMost), (">", .greaterThan), ("<", .lessThan), ("=", .equal),
    ]
    static let comparisonWords: [(String, Comparison)] = [
        ("không thấp hơn", .atLeast), ("không ít hơn", .atLeast), ("không nhỏ hơn", .atLeast),
        ("không vượt quá", .atMost), ("không cao hơn", .atMost), ("không lớn hơn", .atMost), ("không nhiều hơn", .atMost),
        ("không dưới", .atLeast), ("không quá", .atMost), ("không vượt", .atMost),
        ("ít nhất", .atLeast), ("tối thiểu", .atLeast), ("tối đa", .atMost), ("nhiều nhất", .atMost),
        ("cao hơn", .greaterThan), ("lớn hơn", .greaterThan), ("nhiều hơn", .greaterThan),
        ("thấp hơn", .lessThan), ("nhỏ hơn", .lessThan), ("ít hơn", .lessThan),
        ("vượt quá", .greaterThan), ("vượt", .greaterThan), ("trên", .greaterThan), ("hơn", .greaterThan),
        ("dưới", .lessThan), ("bằng", .equal), ("đúng", .equal),
        ("at least", .atLeast), ("at most", .atMost), ("more than", .greaterThan), ("less than", .lessThan),
        ("exactly", .equal),
    ]
    static let trailingWords: [(String, Comparison)] = [("trở lên", .atLeast), ("trở xuống", .atMost)]
    static let aboutWords = ["xấp xỉ", "khoảng", "≈", "about", "approximately"]
    static let toleranceSigns = ["±", "+/-", "+-"]
    static let relativeWords = ["relative", "tương đối"]
    static let planConnectors = ["-", "–", "—", "đến", "tới"]
    static let strictConnector = ".."

    /// Every phrase the reader knows, for "did you mean".
    static var vocabulary: [String] {
        leadWords + verbs + ["đạt", "từ", "between", "and"] + levelWords.map(\.0) + directionWords.map(\.0)
            + comparisonWords.map(\.0) + trailingWords.map(\.0) + relativeWords + aboutWords
    }

    static let changeExamples = LocalizedText(
        en: "a change such as '≥ +10%', 'tăng 10%', 'giảm 5%', 'giảm 0,3-0,5%', '≤ -5% relative' or '≥ +120 triệu đồng'",
        vi: "một mức thay đổi như '≥ +10%', 'tăng 10%', 'giảm 5%', 'giảm 0,3-0,5%', 'giảm 5% tương đối' hoặc '≥ +120 triệu đồng'")
    static let levelExamples = LocalizedText(
        en: "a comparison such as '≥ 6 km', 'từ 90% trở lên', 'trên 98%', 'dưới 15%', 'tối đa 5', '2-3 HTX' or '11/19 tiêu chí'",
        vi: "một phép so sánh như '≥ 6 km', 'từ 90% trở lên', 'trên 98%', 'dưới 15%', 'tối đa 5', '2-3 HTX' hoặc '11/19 tiêu chí'")

    // MARK: - Reading

    mutating func read() throws(LanguageError) -> Result {
        if s.unbalanced {
            throw .phrase(code: "rules.bad-threshold", what: what, written: s.written,
                          expected: LocalizedText(en: "a ')' for every '('", vi: "mỗi '(' có một ')'"),
                          found: s.written.unicodeScalars.contains("(") ? "(" : ")")
        }
        guard !s.isEmpty else {
            throw .phrase(code: "rules.bad-threshold", what: what, written: s.written, expected: examples, found: nil)
        }
        while let w = s.matchAny(ThresholdReader.leadWords) { lastWord = w }
        if let w = s.matchAny(ThresholdReader.verbs) { lastWord = w }
        if s.match("đạt") { lastWord = "đạt" }
        var level: Direction?
        var direction: Direction?
        if let (w, d) = ThresholdReader.levelWords.first(where: { s.match($0.0) }) {
            level = d
            lastWord = w
        } else if let (w, d) = ThresholdReader.directionWords.first(where: { s.match($0.0) }) {
            direction = d
            lastWord = w
            directionWord = w
            // "Giảm tỷ lệ hộ nghèo đa chiều đạt từ 2% trở lên": the amount may repeat "đạt".
            if s.match("đạt") { lastWord = "đạt" }
        }
        var end = s
        end.skipSpaces()
        // A direction word alone is a change of any size that way: 001's "giảm số người nghiện
        // ma túy" is the rule "giảm" on the indicator that counts drug users.
        let form = direction != nil && end.isAtEnd && lastWord == directionWord ? .anyAmount : try comparison()
        var relative = s.matchAny(ThresholdReader.relativeWords) != nil
        if s.notes.contains(where: { ThresholdReader.relativeWords.contains($0) }) { relative = true }
        s.skipSpaces()
        guard s.isAtEnd else { throw unexpected() }
        return Result(form: form, direction: direction, level: level, relative: relative)
    }

    /// One phrase of the table in §3.1.
    mutating func comparison() throws(LanguageError) -> Form {
        if let word = ThresholdReader.aboutWords.first(where: { s.match($0) }) {
            let q = try quantity(after: word)
            try noRange(after: word)
            let tolerance = try self.tolerance()
            try trailing(.equal, after: word)
            return .about(q, tolerance: tolerance)
        }
        if let (word, c) = ThresholdReader.symbols.first(where: { s.match($0.0) }) {
            let q = try quantity(after: word)
            try noRange(after: word)
            try trailing(c, after: word)
            return .compare(c, q, bare: false)
        }
        if s.match("between") {
            let a = try quantity(after: "between")
            guard s.match("and") || s.match("và") else {
                throw .phrase(code: "rules.bad-threshold", what: what, written: s.written,
                              expected: LocalizedText(en: "'and' in 'between X and Y'", vi: "'and' trong 'between X and Y'"),
                              found: s.nextToken())
            }
            let b = try quantity(after: "and")
            return .strict(a, b)
        }
        if s.match("từ") {
            let a = try quantity(after: "từ")
            if let range = try rangeEnd(after: a) { return range }
            // "từ X" alone still means "from X up".
            try trailing(.atLeast, after: "từ")
            return .compare(.atLeast, a, bare: false)
        }
        if let (word, c) = ThresholdReader.comparisonWords.first(where: { s.match($0.0) }) {
            let q = try quantity(after: word)
            try noRange(after: word)
            try trailing(c, after: word)
            return .compare(c, q, bare: false)
        }
        guard let q = try optionalQuantity() else { throw unknownStart() }
        if let range = try rangeEnd(after: q) { return range }
        if let tolerance = try tolerance() {
            try trailing(.equal, after: "±")
            return .about(q, tolerance: tolerance)
        }
        if let (_, c) = ThresholdReader.trailingWords.first(where: { s.match($0.0) }) {
            return .compare(c, q, bare: false)
        }
        return .compare(.atLeast, q, bare: true)
    }

    /// `- Y`, `đến Y`, `.. Y` after the first number of a range.
    mutating func rangeEnd(after first: Quantity) throws(LanguageError) -> Form? {
        if s.match(ThresholdReader.strictConnector) {
            return .strict(first, try quantity(after: ThresholdReader.strictConnector))
        }
        if let c = ThresholdReader.planConnectors.first(where: { s.match($0) }) {
            return .plan(first, try quantity(after: c))
        }
        return nil
    }

    /// `± d` after the number of an "about" phrase, or nil. The tolerance has no sign of its own.
    mutating func tolerance() throws(LanguageError) -> Quantity? {
        guard let sign = ThresholdReader.toleranceSigns.first(where: { s.match($0) }) else { return nil }
        let start = s.pos
        let t = try quantity(after: sign)
        if t.signed || t.denominator != nil {
            throw .phrase(code: "rules.bad-threshold", what: what, written: s.written,
                          expected: LocalizedText(en: "a plain number after \(LanguageError.q(sign)), such as '≈ 87% ± 2%'",
                                                  vi: "một số không dấu sau \(LanguageError.q(sign)), ví dụ '≈ 87% ± 2%'"),
                          found: s.string(start..<s.pos).trimmingSpaces)
        }
        return t
    }

    /// After `trên X`, a second number makes no sense: "trên 2-3" is an error, not a range.
    mutating func noRange(after word: String) throws(LanguageError) {
        var copy = s
        if copy.match(ThresholdReader.strictConnector) || ThresholdReader.planConnectors.contains(where: { copy.match($0) }) {
            throw .phrase(code: "rules.bad-threshold", what: what, written: s.written,
                          expected: LocalizedText(en: "one number after \(LanguageError.q(word)) (a range is written 'X-Y' or 'từ X đến Y')",
                                                  vi: "một số sau \(LanguageError.q(word)) (khoảng giá trị viết 'X-Y' hoặc 'từ X đến Y')"),
                          found: copy.nextToken())
        }
    }

    /// `trở lên` / `trở xuống` after a phrase that already said which way: allowed when it
    /// agrees ("ít nhất 10% trở lên"), an error when it contradicts ("trên 10% trở xuống").
    mutating func trailing(_ c: Comparison, after word: String) throws(LanguageError) {
        let start = s.pos
        guard let (trail, tc) = ThresholdReader.trailingWords.first(where: { s.match($0.0) }) else { return }
        if tc != c {
            s.pos = start
            throw .phrase(code: "rules.bad-threshold", what: what, written: s.written,
                          expected: LocalizedText(en: "nothing after the number, since \(LanguageError.q(word)) already gives the comparison",
                                                  vi: "không có gì sau số, vì \(LanguageError.q(word)) đã cho phép so sánh"),
                          found: trail)
        }
    }

    // MARK: - Quantities

    mutating func quantity(after word: String) throws(LanguageError) -> Quantity {
        guard let q = try optionalQuantity() else {
            throw .phrase(code: "rules.missing-number", what: what, written: s.written,
                          expected: LocalizedText(en: "a number after \(LanguageError.q(word))", vi: "một số sau \(LanguageError.q(word))"),
                          found: s.nextToken())
        }
        return q
    }

    /// `[+|-]number[/number] [unit]`, or nil when no number comes next.
    mutating func optionalQuantity() throws(LanguageError) -> Quantity? {
        s.skipSpaces()
        var negative = false
        var signed = false
        if let u = s.peek(), u == "+" || u == "-" || u == "\u{2212}", s.peekIsDigit(1) {
            negative = u != "+"
            signed = true
            s.pos += 1
        }
        guard s.peekIsDigit(), let r = s.readNumber() else { return nil }
        let magnitude = try VietNumber.parse(s.string(r), style: numbers)
        var denominator: Double?
        if s.peek() == "/", s.peekIsDigit(1) {
            s.pos += 1
            if let d = s.readNumber() { denominator = try VietNumber.parse(s.string(d), style: numbers) }
        }
        let unit = try readUnit()
        return Quantity(value: negative ? -magnitude : magnitude, signed: signed, unit: unit, denominator: denominator)
    }

    /// The words after a number up to the next keyword, range connector or the end:
    /// "km", "%", "triệu đồng/người/năm", "tiêu chí".
    mutating func readUnit() throws(LanguageError) -> UnitName? {
        let start = s.pos
        var i = start
        scan: while i < s.text.count {
            var probe = s
            probe.pos = i
            let atWordStart = i == start || s.text[i - 1] == " " || PhraseScanner.isDigit(s.text[i - 1])
            if atWordStart {
                // Another number is never part of a unit; the caller says what it expected there.
                if PhraseScanner.isDigit(s.text[i]) { break scan }
                if ThresholdReader.trailingWords.contains(where: { probe.looking(at: $0.0) })
                    || ThresholdReader.relativeWords.contains(where: { probe.looking(at: $0) })
                    || probe.looking(at: "so với") {
                    break scan
                }
                for word in ["đến", "tới", "and", "và"] where probe.looking(at: word) {
                    var after = probe
                    _ = after.match(word)
                    if after.numberFollows { break scan }
                }
            }
            for c in ["-", "–", "—", ".."] where probe.looking(at: c) {
                var after = probe
                _ = after.match(c)
                if after.numberFollows { break scan }
            }
            if ThresholdReader.toleranceSigns.contains(where: { probe.looking(at: $0) }) { break scan }
            i += 1
        }
        var unitRange = start..<i
        while unitRange.lowerBound < unitRange.upperBound, s.text[unitRange.lowerBound] == " " { unitRange = unitRange.dropFirst() }
        while unitRange.lowerBound < unitRange.upperBound, s.text[unitRange.upperBound - 1] == " " { unitRange = unitRange.dropLast() }
        guard !unitRange.isEmpty else { return nil }
        let written = s.string(unitRange)
        try checkUnit(unitRange, written)
        s.pos = i
        return UnitName(written)
    }

    /// A unit is words: no stray numbers (except in `m2`), no comparison signs, nothing
    /// after `%`, and no near-miss of a keyword ("HTX trở nên" is a typo, not a unit).
    func checkUnit(_ range: Range<Int>, _ written: String) throws(LanguageError) {
        let t = s.text
        for i in range {
            let u = t[i]
            let strayDigit = PhraseScanner.isDigit(u) && (i == range.lowerBound || !(PhraseScanner.isLetter(t[i - 1]) || PhraseScanner.isDigit(t[i - 1])))
            let symbol = "<>=≥≤⩾⩽+".unicodeScalars.contains(u)
            if strayDigit || symbol {
                var copy = s
                copy.pos = i
                throw unexpected(at: copy)
            }
        }
        if t[range.lowerBound] == "%", range.count > 1 {
            var copy = s
            copy.pos = range.lowerBound + 1
            throw unexpected(at: copy)
        }
        let words = TextFold.fold(written).split(separator: " ").map(String.init)
        if words.count >= 2 {
            for k in 0..<(words.count - 1) {
                let pair = words[k] + " " + words[k + 1]
                let keywords = ThresholdReader.trailingWords.map(\.0) + ["tương đối"]
                if let best = keywords.min(by: { DidYouMean.distance(pair, $0) < DidYouMean.distance(pair, $1) }) {
                    let d = DidYouMean.distance(pair, best)
                    if d > 0 && d <= 2 {
                        throw LanguageError.phrase(
                            code: "rules.bad-threshold", what: what, written: s.written,
                            expected: LocalizedText(en: "a unit or a keyword after the number", vi: "một đơn vị hoặc từ khóa sau số"),
                            found: pair, hint: DidYouMean.hint(pair, from: [best]))
                    }
                }
            }
        }
    }

    // MARK: - Errors

    /// Words where the comparison should be: unknown, maybe a typo of one we know.
    func unknownStart() -> LanguageError {
        if let lastWord, s.isAtEnd {
            return .phrase(code: "rules.missing-number", what: what, written: s.written,
                           expected: LocalizedText(en: "a number after \(LanguageError.q(lastWord))", vi: "một số sau \(LanguageError.q(lastWord))"),
                           found: nil)
        }
        let words = s.upcomingWords()
        var hint: LocalizedText?
        for n in stride(from: min(3, words.count), through: 1, by: -1) {
            let phrase = words[0..<n].joined(separator: " ")
            let candidates = ThresholdReader.vocabulary.filter { $0.split(separator: " ").count == n }
            if let h = DidYouMean.hint(phrase, from: candidates) { hint = h; break }
        }
        if let directionWord, lastWord == directionWord {
            // "giảm số người nghiện ma túy": the document's sentence, not a threshold.
            let w = LanguageError.q(directionWord)
            return .phrase(code: "rules.bad-threshold", what: what, written: s.written,
                           expected: LocalizedText(
                               en: "a number or a comparison after \(w), or nothing (\(w) alone is a change of any size that way)",
                               vi: "một số hoặc phép so sánh sau \(w), hoặc không gì cả (chỉ \(w) là thay đổi theo chiều đó, bao nhiêu cũng được)"),
                           found: s.nextToken(),
                           hint: hint ?? LocalizedText(
                               en: "the indicator says what changes: write '\(directionWord)' alone, or an amount such as '\(directionWord) 5%'",
                               vi: "chỉ tiêu đã nói cái gì thay đổi: chỉ ghi '\(directionWord)', hoặc ghi mức như '\(directionWord) 5%'"))
        }
        return .phrase(code: "rules.bad-threshold", what: what, written: s.written,
                       expected: examples, found: s.nextToken(), hint: hint)
    }

    /// Something left over after a complete phrase.
    func unexpected(at scanner: PhraseScanner? = nil) -> LanguageError {
        let at = scanner ?? s
        let words = at.upcomingWords(max: 2)
        var hint: LocalizedText?
        if at.looking(at: "so với") || at.looking(at: "compared with") || at.looking(at: "compared to") {
            // "tăng 10% so với chỉ tiêu tỉnh giao": what the change is measured against is the rule's baseline.
            return .phrase(code: "rules.bad-threshold", what: what, written: s.written,
                           expected: LocalizedText(en: "the end of the threshold", vi: "hết ngưỡng"), found: at.nextToken(),
                           hint: LocalizedText(en: "what it is compared with goes in the rule's \"baseline\"; drop 'so với …' from the threshold",
                                               vi: "mốc so sánh ghi ở \"baseline\" của quy tắc; bỏ 'so với …' khỏi ngưỡng"))
        }
        let trailing = ThresholdReader.trailingWords.map(\.0) + ThresholdReader.relativeWords
        if !words.isEmpty {
            hint = DidYouMean.hint(words.joined(separator: " "), from: trailing) ?? DidYouMean.hint(words[0], from: trailing)
        }
        return .phrase(code: "rules.bad-threshold", what: what, written: s.written,
                       expected: LocalizedText(en: "the end of the threshold, or 'trở lên', 'trở xuống', 'relative'",
                                               vi: "hết ngưỡng, hoặc 'trở lên', 'trở xuống', 'tương đối'"),
                       found: at.nextToken(), hint: hint)
    }
}

extension PhraseScanner {
    /// A number, possibly signed, comes next (after spaces).
    var numberFollows: Bool {
        var copy = self
        copy.skipSpaces()
        if let u = copy.peek(), u == "+" || u == "-" || u == "\u{2212}" { return copy.peekIsDigit(1) }
        return copy.peekIsDigit()
    }
}
