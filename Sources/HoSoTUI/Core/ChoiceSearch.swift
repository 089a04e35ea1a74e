import HoSoDomain

/// Finding an option of a long choice (a cell among hundreds, a member among a thousand) by typing some
/// of its words: every word typed must occur in the option, without diacritics or case, as in the list's
/// search. The selection moves to the first option that matches, from the current one on; ←/→ then go
/// through the matching options only.
struct ChoiceSearch {
    let options: [String]
    private(set) var query: String

    init(options: [String], query: String) {
        self.options = options
        self.query = query
    }

    /// Whether the option at `index` matches what was typed (always, when nothing was).
    func matches(_ index: Int) -> Bool {
        let words = FoldedQuery(query)
        return words.isEmpty || SearchKey(options[index]).matches(words)
    }

    /// `character` added to the query: the first option from `index` on (wrapping) that matches, or
    /// `index` when none does (the field then says so).
    mutating func type(_ character: Character, from index: Int) -> Int {
        query.append(character)
        return first(from: index, by: 1, including: true) ?? index
    }

    /// The last character taken off the query, and the selection kept if it still matches.
    mutating func erase(from index: Int) -> Int {
        query.removeLast()
        return first(from: index, by: 1, including: true) ?? index
    }

    /// The next (`step` 1) or previous (-1) option, among those that match when something was typed.
    func step(from index: Int, by step: Int) -> Int {
        first(from: index, by: step, including: false) ?? index
    }

    private func first(from index: Int, by step: Int, including: Bool) -> Int? {
        let count = options.count
        let start = including ? 0 : 1
        for offset in start..<(count + start) {
            let candidate = ((index + step * offset) % count + count) % count
            if matches(candidate) { return candidate }
        }
        return nil
    }
}
