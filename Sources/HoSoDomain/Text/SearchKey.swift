/// A search query folded once per keystroke, ready to be tried against many `SearchKey`s.
public struct FoldedQuery: Hashable, Sendable {
    /// The folded words of the query, each as UTF-8 bytes.
    let tokens: [[UInt8]]

    /// Folds `query` and splits it into words.
    public init(_ query: String) {
        tokens = VietnameseText.folded(query)
            .split(separator: " ")
            .map { Array($0.utf8) }
    }

    /// Whether the query has no words and therefore matches everything.
    public var isEmpty: Bool { tokens.isEmpty }
}

/// The folded form of one text (a name, a unit), computed once when the record is loaded so that
/// searching 100,000 records per keystroke only compares bytes.
public struct SearchKey: Hashable, Sendable {
    /// The folded text as UTF-8 bytes.
    let foldedBytes: [UInt8]

    /// Folds `text` for searching.
    public init(_ text: String) {
        foldedBytes = VietnameseText.foldedUTF8(text)
    }

    /// The key of `parts` joined with spaces, without making the joined text: the same bytes as
    /// `SearchKey(parts.joined(separator: " "))`, since folding carries nothing across a space.
    public init(joining parts: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count })
        for part in parts { VietnameseText.appendFolded(part, to: &bytes) }
        foldedBytes = bytes
    }

    /// The folded text, for display in diagnostics and tests.
    public var folded: String { String(decoding: foldedBytes, as: UTF8.self) }

    /// Whether every word of `query` occurs somewhere in this text.
    public func matches(_ query: FoldedQuery) -> Bool {
        foldedBytes.withUnsafeBufferPointer { haystack in
            query.tokens.allSatisfy { token in
                token.withUnsafeBufferPointer { Self.contains(haystack, needle: $0) }
            }
        }
    }

    /// Substring search on bytes; UTF-8 never lets a whole character match in the middle of another,
    /// so a byte match is a character match. Texts are short, so the naive scan beats cleverer ones.
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let needleCount = needle.count
        guard needleCount > 0 else { return true }
        guard needleCount <= haystack.count else { return false }
        let first = needle[0]
        var start = 0
        let lastStart = haystack.count - needleCount
        while start <= lastStart {
            if haystack[start] == first {
                var offset = 1
                while offset < needleCount, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needleCount { return true }
            }
            start += 1
        }
        return false
    }
}
