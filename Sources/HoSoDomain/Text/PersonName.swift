/// A Vietnamese full name, "Family Middle… Given" (Nguyễn Thị Minh Khai), split into its parts.
public struct PersonName: Hashable, Sendable, CustomStringConvertible {
    /// The family name (họ), empty for a single-word name.
    public let family: String
    /// The middle names (tên đệm), possibly none.
    public let middle: [String]
    /// The given name (tên), by which people are addressed and sorted.
    public let given: String

    /// Splits `fullName` after normalising it to NFC and collapsing whitespace; a single word is a
    /// given name alone.
    public init(fullName: String) {
        let words = VietnameseText.normalized(fullName)
            .split(whereSeparator: { $0.isWhitespace })
            .map(String.init)
        switch words.count {
        case 0:
            (family, middle, given) = ("", [], "")
        case 1:
            (family, middle, given) = ("", [], words[0])
        default:
            (family, middle, given) = (words[0], Array(words[1..<(words.count - 1)]), words[words.count - 1])
        }
    }

    /// The words of the name in the order written.
    public var words: [String] {
        (family.isEmpty ? [] : [family]) + middle + (given.isEmpty ? [] : [given])
    }

    /// The name as written, with single spaces: "Nguyễn Thị Minh Khai".
    public var fullName: String { words.joined(separator: " ") }

    /// The middle names as one string: "Thị Minh".
    public var middleName: String { middle.joined(separator: " ") }

    /// The first letter of each word, uppercase and without tone but keeping đ, ă, ơ…:
    /// Nguyễn Ái Quốc → "NAQ", Đặng Thùy Trâm → "ĐTT".
    public var initials: String {
        words.compactMap(\.first)
            .map { VietnameseLetters.removingTones(String($0)).uppercased() }
            .joined()
    }

    /// The key that sorts this person among others (given name, family name, middle names).
    public var sortKey: VietnameseCollation.SortKey {
        VietnameseCollation.sortKey(forFullName: fullName)
    }

    /// Whether the query finds this person; build a `SearchKey` instead when searching many names.
    public func matches(_ query: String) -> Bool {
        VietnameseText.matches(fullName, query: query)
    }

    public var description: String { fullName }
}
