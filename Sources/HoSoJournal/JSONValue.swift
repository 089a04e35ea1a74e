/// Any JSON value, for migrations that must read data written for an older record type.
public enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Encodes the value as it is.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

/// The journal's patch of a record read untyped (a migration reads older records this way): the wire format
/// every typed patch writes, applied member by member.
public struct JSONValuePatch: Codable, Sendable, Equatable {
    /// The member of the record's object holding the patched members; nil: the object itself.
    public var at: String?
    /// Members given a new value.
    public var set: [String: JSONValue]?
    /// Members removed.
    public var clear: [String]?
    /// Array members extended with these elements at their end.
    public var append: [String: [JSONValue]]?
}

extension JSONValue: JournalValue {
    public func patch(from previous: JSONValue) -> JSONValuePatch? { nil }

    public func applying(_ patch: JSONValuePatch) -> JSONValue? {
        guard case .object(var record) = self else { return nil }
        var target: [String: JSONValue]
        if let at = patch.at {
            guard case .object(let inner)? = record[at] else { return nil }
            target = inner
        } else {
            target = record
        }
        for (key, value) in patch.set ?? [:] { target[key] = value }
        for key in patch.clear ?? [] { target[key] = nil }
        for (key, elements) in patch.append ?? [:] {
            guard case .array(let existing)? = target[key] else { return nil }
            target[key] = .array(existing + elements)
        }
        if let at = patch.at {
            record[at] = .object(target)
            return .object(record)
        }
        return .object(target)
    }
}
