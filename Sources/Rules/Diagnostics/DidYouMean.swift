/// Suggests the closest known word for a mistyped one, by edit distance.
public enum DidYouMean {
    /// The candidate closest to `word` if it is close enough to be a plausible typo
    /// (distance at most a third of the word's length, and at least 1 allowed).
    public static func suggest(_ word: String, from candidates: some Sequence<String>) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(lower, candidate.lowercased())
            if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) { best = (candidate, d) }
        }
        guard let (candidate, d) = best else { return nil }
        let allowed = max(1, (word.count + 2) / 3)
        return d <= allowed ? candidate : nil
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swap of two neighbours costs 1.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev2 = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[y.count]
    }

    /// `did you mean 'target'?` in both languages, or nil when nothing is close.
    public static func hint(_ word: String, from candidates: some Sequence<String>) -> LocalizedText? {
        guard let s = suggest(word, from: candidates), s != word else { return nil }
        return LocalizedText(en: "did you mean '\(s)'?", vi: "có phải ý bạn là '\(s)'?")
    }
}
