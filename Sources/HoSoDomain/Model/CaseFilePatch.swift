/// A member name in a patch's JSON.
public struct PatchKey: CodingKey, Sendable, Hashable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(_ name: String) { stringValue = name }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }

    static let set = PatchKey("set")
    static let clear = PatchKey("clear")
    static let append = PatchKey("append")
}

extension CaseFile {
    /// What one save changed in a file: the fields given a new value, the optional fields emptied, and the
    /// lists that only grew, by their new elements (a note, a history entry). The journal writes this
    /// rather than the whole file, so a save costs the same whether the file has ten history entries or a
    /// thousand. JSON: `{"set":{field: value…},"clear":[field…],"append":{field: [new elements…]}}`, with
    /// the field names of the stored file.
    public struct Patch: Codable, Sendable {
        var edits: [PatchEdit]

        init(edits: [PatchEdit]) { self.edits = edits }

        /// The names of the fields the save changed, in the file's order.
        public var changedFields: [String] { edits.map(\.key) }

        public init(from decoder: any Decoder) throws {
            try self.init(from: decoder.container(keyedBy: PatchKey.self))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: PatchKey.self)
            try encode(into: &container)
        }

        /// Reads the members `set`, `clear` and `append` of `container` (which may hold others: the store
        /// names the record's part the patch belongs to beside them).
        public init(from container: KeyedDecodingContainer<PatchKey>) throws {
            var edits: [PatchEdit] = []
            let parts = CaseFilePatchParts.byKey
            if container.contains(.set) {
                let set = try container.nestedContainer(keyedBy: PatchKey.self, forKey: .set)
                for key in set.allKeys {
                    guard let part = parts[key.stringValue] else { throw Self.unknownField(key, in: set) }
                    edits.append(try part.decodeSet(set))
                }
            }
            for name in try container.decodeIfPresent([String].self, forKey: .clear) ?? [] {
                guard let clear = parts[name]?.clear else { throw Self.unknownField(PatchKey(name), in: container) }
                edits.append(clear)
            }
            if container.contains(.append) {
                let append = try container.nestedContainer(keyedBy: PatchKey.self, forKey: .append)
                for key in append.allKeys {
                    guard let decode = parts[key.stringValue]?.decodeAppend else { throw Self.unknownField(key, in: append) }
                    edits.append(try decode(append))
                }
            }
            self.edits = edits.sorted { (CaseFilePatchParts.positions[$0.key] ?? 0) < (CaseFilePatchParts.positions[$1.key] ?? 0) }
        }

        /// Writes the members `set`, `clear` and `append` into `container`, each only when it has fields.
        public func encode(into container: inout KeyedEncodingContainer<PatchKey>) throws {
            // Each object as a value of its own rather than through a nested container: the journal's
            // canonical writer takes values, and leaves nested containers to Foundation's encoder, which
            // costs a save a fifth of its processor time.
            let sets = edits.filter { $0.kind == .set }
            if !sets.isEmpty { try container.encode(PatchMembers(edits: sets), forKey: .set) }
            let clears = edits.filter { $0.kind == .clear }.map(\.key)
            if !clears.isEmpty { try container.encode(clears, forKey: .clear) }
            let appends = edits.filter { $0.kind == .append }
            if !appends.isEmpty { try container.encode(PatchMembers(edits: appends), forKey: .append) }
        }

        private static func unknownField(_ key: PatchKey, in container: KeyedDecodingContainer<PatchKey>) -> DecodingError {
            .dataCorruptedError(forKey: key, in: container, debugDescription: "Trường không có trong hồ sơ: \(key.stringValue)")
        }
    }

    /// What turns `previous` into this file, or nil when there is nothing of it that can be read to
    /// compare (an unreadable history: the file is then written whole, which reports it).
    public func patch(from previous: CaseFile) -> Patch? {
        let old = previous.storedFields
        let new = storedFields
        var edits: [PatchEdit] = []
        for part in CaseFilePatchParts.all {
            switch part.diff(old, new) {
            case .unchanged: continue
            case .edit(let edit): edits.append(edit)
            case .unreadable: return nil
            }
        }
        return Patch(edits: edits)
    }

    /// This file with `patch` applied; nil when a list it extends is not readable.
    public func applying(_ patch: Patch) -> CaseFile? {
        var fields = storedFields
        for edit in patch.edits {
            guard edit.apply(&fields) else { return nil }
        }
        return CaseFile(storedFields: fields)
    }

    /// `patch` applied in place: the lists it extends grow where they are, without a copy when this file
    /// is the only holder of them (a journal's notes applied one after another to a file read once).
    /// False when a list it extends is not readable; the file may then be part-changed.
    public mutating func apply(_ patch: Patch) -> Bool {
        makeUnique()
        for edit in patch.edits {
            guard edit.apply(&storage.fields) else { return false }
        }
        return true
    }
}

/// The fields of one member of a patch (`set` or `append`), written as one JSON object.
private struct PatchMembers: Encodable {
    let edits: [PatchEdit]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PatchKey.self)
        for edit in edits { try edit.encode(&container) }
    }
}

/// One field's change inside a patch.
struct PatchEdit: @unchecked Sendable {
    // Unchecked: the closures capture only the decoded value (Sendable) and a key path into `Fields`.
    enum Kind { case set, clear, append }
    let kind: Kind
    let key: String
    let encode: (inout KeyedEncodingContainer<PatchKey>) throws -> Void
    let apply: (inout CaseFile.Fields) -> Bool
}

/// One field of a file, and how a patch compares, writes, reads and applies it.
struct PatchPart: @unchecked Sendable {
    enum Difference {
        case unchanged
        case edit(PatchEdit)
        /// A deferred part could not be read, so no patch can say how it changed.
        case unreadable
    }

    let key: String
    let diff: (CaseFile.Fields, CaseFile.Fields) -> Difference
    let decodeSet: (KeyedDecodingContainer<PatchKey>) throws -> PatchEdit
    var decodeAppend: ((KeyedDecodingContainer<PatchKey>) throws -> PatchEdit)?
    /// The edit emptying an optional field; nil for a field that always has a value.
    var clear: PatchEdit?
}

/// A list of a file that a patch may extend at its end (`Array`, or `AppendList` for the lists that grow
/// with every save).
protocol PatchableList: RandomAccessCollection, RangeReplaceableCollection, Codable, Equatable where Index == Int, Element: Codable & Equatable {
    /// Whether the list begins with `prefix`.
    func begins(with prefix: Self) -> Bool
}

extension Array: PatchableList where Element: Codable & Equatable {}
extension AppendList: PatchableList where Element: Codable & Equatable {}

/// An element of a deferred list a patch extends: how to tell that a list starts with another.
protocol ListElement: Codable, Sendable, Equatable {
    /// Whether `prefix` is the start of `list`.
    static func isPrefix<List: PatchableList>(_ prefix: List, of list: List) -> Bool where List.Element == Self
}

extension ListElement {
    static func isPrefix<List: PatchableList>(_ prefix: List, of list: List) -> Bool where List.Element == Self {
        list.begins(with: prefix)
    }
}

extension Array where Element: Equatable {
    /// Whether the array begins with `prefix`, compared in place. The generic `elementsEqual` copies every
    /// element out of both lists (a retain and a release per string of each note), which made a save of a
    /// file with a long list cost as much as the list.
    func begins(with prefix: [Element]) -> Bool {
        guard prefix.count <= count else { return false }
        return withUnsafeBufferPointer { whole in
            prefix.withUnsafeBufferPointer { start in
                for index in start.indices where whole[index] != start[index] { return false }
                return true
            }
        }
    }
}

extension VerificationItem: ListElement {}

extension HistoryEntry: ListElement {
    /// A history is a chain of seals: each entry's seal covers the one before it (HistorySeal), so when
    /// the last entry of `prefix` is the entry at that place in `list`, seal included, all before it are —
    /// one comparison instead of the whole history's. Entries not yet sealed are compared one by one.
    static func isPrefix<List: PatchableList>(_ prefix: List, of list: List) -> Bool where List.Element == HistoryEntry {
        guard prefix.count <= list.count else { return false }
        guard let last = prefix.last else { return true }
        guard last.seal != nil else { return list.begins(with: prefix) }
        return list[prefix.count - 1] == last
    }
}

enum CaseFilePatchParts {
    typealias Fields = CaseFile.Fields

    /// Every stored field, in the order of `Fields` (a test checks that none is missing).
    static let all: [PatchPart] = {
        [
            value("id", \.id), value("unitID", \.unitID), value("person", \.person), value("state", \.state),
            value("stateSince", \.stateSince), optional("sideState", \.sideState), optional("removalDates", \.removalDates),
            value("nominatedBy", \.nominatedBy), value("nominationDate", \.nominationDate),
            optional("sympathizerResolution", \.sympathizerResolution), list("mentors", \.mentors), list("notes", \.notes),
            list("tasks", \.tasks), optional("enrolment", \.enrolment), optional("certificate", \.certificate),
            optional("application", \.application), list("biographyVersions", \.biographyVersions),
            deferredList("verificationItems", \.verificationItems), optional("verificationConcluded", \.verificationConcluded),
            list("introducers", \.introducers), optional("unionResolution", \.unionResolution), list("opinions", \.opinions),
            optional("cellVote", \.cellVote), optional("committeeVote", \.committeeVote),
            value("decisionExtensionGranted", \.decisionExtensionGranted), optional("decision", \.decision),
            optional("ceremony", \.ceremony), optional("probationCompleted", \.probationCompleted),
            optional("newMemberCertificate", \.newMemberCertificate), optional("recognitionVote", \.recognitionVote),
            optional("recognitionDecision", \.recognitionDecision), optional("officialSince", \.officialSince),
            list("documents", \.documents), deferredList("history", \.history),
        ]
    }()

    static let byKey: [String: PatchPart] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
    static let positions: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.key, $0) })

    private static func setEdit<T: Codable>(_ key: String, _ value: T, _ path: WritableKeyPath<Fields, T>) -> PatchEdit {
        PatchEdit(
            kind: .set, key: key, encode: { try $0.encode(value, forKey: PatchKey(key)) },
            apply: { $0[keyPath: path] = value; return true })
    }

    static func value<T: Codable & Sendable & Equatable>(_ key: String, _ path: WritableKeyPath<Fields, T>) -> PatchPart {
        PatchPart(
            key: key,
            diff: { old, new in old[keyPath: path] == new[keyPath: path] ? .unchanged : .edit(setEdit(key, new[keyPath: path], path)) },
            decodeSet: { container in setEdit(key, try container.decode(T.self, forKey: PatchKey(key)), path) })
    }

    static func optional<T: Codable & Sendable & Equatable>(_ key: String, _ path: WritableKeyPath<Fields, T?>) -> PatchPart {
        let clear = PatchEdit(kind: .clear, key: key, encode: { _ in }, apply: { $0[keyPath: path] = nil; return true })
        return PatchPart(
            key: key,
            diff: { old, new in
                let before = old[keyPath: path]
                let after = new[keyPath: path]
                if before == after { return .unchanged }
                guard let after else { return .edit(clear) }
                return .edit(setEdit(key, Optional(after), path))
            },
            decodeSet: { container in setEdit(key, Optional(try container.decode(T.self, forKey: PatchKey(key))), path) },
            clear: clear)
    }

    static func list<List: PatchableList>(_ key: String, _ path: WritableKeyPath<Fields, List>) -> PatchPart {
        let extend: (inout Fields, [List.Element]) -> Bool = { fields, tail in
            fields[keyPath: path].append(contentsOf: tail)
            return true
        }
        return PatchPart(
            key: key,
            diff: { old, new in
                let before = old[keyPath: path]
                let after = new[keyPath: path]
                if before == after { return .unchanged }
                if after.count > before.count, after.begins(with: before) {
                    return .edit(appendEdit(key, Array(after[before.count...]), extend))
                }
                return .edit(setEdit(key, after, path))
            },
            decodeSet: { container in setEdit(key, try container.decode(List.self, forKey: PatchKey(key)), path) },
            decodeAppend: { container in appendEdit(key, try container.decode([List.Element].self, forKey: PatchKey(key)), extend) })
    }

    static func deferredList<List: PatchableList>(
        _ key: String, _ path: WritableKeyPath<Fields, DeferredField<List>>
    ) -> PatchPart where List.Element: ListElement {
        let extend: (inout Fields, [List.Element]) -> Bool = { fields, tail in
            fields[keyPath: path].append(tail)
            return true
        }
        return PatchPart(
            key: key,
            diff: { old, new in
                if old[keyPath: path].isSame(as: new[keyPath: path]) { return .unchanged }
                guard case .success(let before) = old[keyPath: path].result, case .success(let after) = new[keyPath: path].result else {
                    return .unreadable
                }
                if after.count > before.count, List.Element.isPrefix(before, of: after) {
                    return .edit(appendEdit(key, Array(after[before.count...]), extend))
                }
                if before == after { return .unchanged }
                return .edit(setEdit(key, DeferredField(after), path))
            },
            decodeSet: { container in setEdit(key, DeferredField(try container.decode(List.self, forKey: PatchKey(key))), path) },
            decodeAppend: { container in appendEdit(key, try container.decode([List.Element].self, forKey: PatchKey(key)), extend) })
    }

    private static func appendEdit<Element: Codable>(
        _ key: String, _ tail: [Element], _ extend: @escaping (inout Fields, [Element]) -> Bool
    ) -> PatchEdit {
        PatchEdit(kind: .append, key: key, encode: { try $0.encode(tail, forKey: PatchKey(key)) }, apply: { extend(&$0, tail) })
    }
}
