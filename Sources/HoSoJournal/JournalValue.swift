/// A record type the journal can store: a value that may describe a change as *what changed*, so that a
/// journal line holds the change rather than the whole record. A candidate's file gains a history entry at
/// every save; written whole, a file with a thousand entries would cost a thousand entries per save.
///
/// The patch of a record written to the journal has one wire format whatever the type (see `JSONValue`'s
/// patch and docs/storage-format.md): `{"at":K,"set":{…},"clear":[…],"append":{…}}` — members of the
/// record's object (or of its member `K`) set to a value, removed, or arrays extended at their end.
public protocol JournalValue: Codable, Sendable, Equatable {
    /// What a journal line holds for a change of an existing record of this type.
    associatedtype Patch: Codable & Sendable = WholeValuesOnly

    /// What turns `previous` into this value, or nil when the value is to be written whole.
    func patch(from previous: Self) -> Patch?

    /// This value with `patch` applied, or nil when the patch does not fit it (a corrupt journal).
    func applying(_ patch: Patch) -> Self?

    /// `patch` applied in place; false when it does not fit (the value may then be left part-changed: a
    /// corrupt journal, whose read fails). A value held once is extended where it is: a reader applying a
    /// journal's notes to one file one after another does not copy the file's lists at each (by default,
    /// `applying`).
    mutating func apply(_ patch: Patch) -> Bool

    /// Paths of keys inside a record's value whose strings `snapshot.index` keeps, so that a selection
    /// (`RecordProbe.string(at:)`) can judge a record without reading its line.
    static var indexedPaths: [[String]] { get }

    /// The strings of this value at `indexedPaths`, in their order (nil where it has none): what the
    /// line would give at those paths.
    var indexedStrings: [String?] { get }

    /// Whether `patch` may change the strings at `indexedPaths`: a read of a few records must then read a
    /// record it left unread to judge it again. False lets it leave the record unread.
    static func mayChangeIndexedStrings(_ patch: Patch) -> Bool
}

extension JournalValue {
    public mutating func apply(_ patch: Patch) -> Bool {
        guard let applied = applying(patch) else { return false }
        self = applied
        return true
    }

    public static var indexedPaths: [[String]] { [] }
    public var indexedStrings: [String?] { [] }
    public static func mayChangeIndexedStrings(_ patch: Patch) -> Bool { true }
}

/// The patch of a type whose changes are always written whole: there is none.
public enum WholeValuesOnly: Codable, Sendable {
    public init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Loại bản ghi này không ghi thay đổi từng phần"))
    }

    public func encode(to encoder: any Encoder) throws {}
}

extension JournalValue where Patch == WholeValuesOnly {
    public func patch(from previous: Self) -> WholeValuesOnly? { nil }
    public func applying(_ patch: WholeValuesOnly) -> Self? { nil }
}
