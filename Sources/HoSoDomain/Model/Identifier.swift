/// A typed identifier, so a member's id can never be passed where a case's id is expected.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum CaseTag: Sendable {}
public enum MemberTag: Sendable {}
public enum UnitTag: Sendable {}
public enum ClassTag: Sendable {}

public typealias CaseID = Identifier<CaseTag>
public typealias MemberID = Identifier<MemberTag>
public typealias UnitID = Identifier<UnitTag>
public typealias ClassID = Identifier<ClassTag>
