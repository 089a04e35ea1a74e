import HoSoDomain

/// What the store of a data directory holds: units, members, case files and the people who use HoSo,
/// each under its own id prefix ("unit/…", "member/…", "case/…", "account/…") so one journal orders
/// every change of the unit.
///
/// A unit (392 bytes) or an account held in place would make every item that large, and a store holds
/// its items by the hundred thousand, several times over while loading: boxed, an item is a word
/// (a case file keeps its own storage).
public enum StoredItem: Codable, Sendable, Equatable {
    indirect case unit(Unit)
    indirect case member(Member)
    case caseFile(CaseFile)
    indirect case account(Account)

    public var storageID: String {
        switch self {
        case .unit(let unit): Self.id(unit.id)
        case .member(let member): Self.id(member.id)
        case .caseFile(let file): Self.id(file.id)
        case .account(let account): Self.id(account.id)
        }
    }

    package static func id(_ unit: UnitID) -> String { "unit/" + unit.rawValue }
    package static func id(_ member: MemberID) -> String { "member/" + member.rawValue }
    package static func id(_ file: CaseID) -> String { "case/" + file.rawValue }
    package static func id(_ account: AccountID) -> String { "account/" + account.rawValue }

    /// A store id as a clerk knows it: without the "unit/", "member/" or "case/" prefix.
    static func displayID(_ storageID: String) -> String {
        for prefix in ["unit/", "member/", "case/", "account/"] where storageID.hasPrefix(prefix) {
            return String(storageID.dropFirst(prefix.count))
        }
        return storageID
    }

    private enum CodingKeys: String, CodingKey { case type, unit, member, `case`, account }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "unit": self = .unit(try container.decode(Unit.self, forKey: .unit))
        case "member": self = .member(try container.decode(Member.self, forKey: .member))
        case "case": self = .caseFile(try container.decode(CaseFile.self, forKey: .case))
        case "account": self = .account(try container.decode(Account.self, forKey: .account))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "Loại bản ghi không biết: \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .unit(let unit):
            try container.encode("unit", forKey: .type)
            try container.encode(unit, forKey: .unit)
        case .member(let member):
            try container.encode("member", forKey: .type)
            try container.encode(member, forKey: .member)
        case .caseFile(let file):
            try container.encode("case", forKey: .type)
            try container.encode(file, forKey: .case)
        case .account(let account):
            try container.encode("account", forKey: .type)
            try container.encode(account, forKey: .account)
        }
    }
}

/// What a journal line holds for a changed record: a file's changed fields (`CaseFile.Patch`), named as
/// the member `case` of the record; units, members and accounts are small and are written whole.
public enum StoredItemPatch: Codable, Sendable {
    case caseFile(CaseFile.Patch)

    private static let at = PatchKey("at")

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PatchKey.self)
        let part = try container.decode(String.self, forKey: Self.at)
        guard part == "case" else {
            throw DecodingError.dataCorruptedError(forKey: Self.at, in: container, debugDescription: "Không ghi thay đổi từng phần cho loại bản ghi: \(part)")
        }
        self = .caseFile(try CaseFile.Patch(from: container))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PatchKey.self)
        switch self {
        case .caseFile(let patch):
            try container.encode("case", forKey: Self.at)
            try patch.encode(into: &container)
        }
    }
}

extension StoredItem: JournalValue {
    /// Where a file's number, name and state are in its record (docs/storage-format.md): what a command
    /// over a few files judges a record by before reading it (`Repository.open(at:readingCasesWhere:)`).
    static let probedID = ["case", "id"]
    static let probedName = ["case", "person", "fullName"]
    static let probedState = ["case", "state"]
    static let probedBirthDate = ["case", "person", "birthDate"]

    /// The unit of a member (docs/storage-format.md): a command on one file reads the members of the
    /// file's unit, found by it in `snapshot.index`, and not the province's others.
    static let memberUnit = ["member", "unitID"]

    /// `snapshot.index` keeps them, so such a command reads neither the other files nor their lines; with
    /// the facts kept for the reports, `case list` prints its rows from them alone.
    public static var indexedPaths: [[String]] { [probedID, probedName, probedState, probedBirthDate, memberUnit] }

    public static func mayChangeIndexedStrings(_ patch: StoredItemPatch) -> Bool {
        guard case .caseFile(let filePatch) = patch else { return true }
        // The file's fields under which the indexed strings lie ("id", "person", "state").
        let fields = Set(indexedPaths.filter { $0.first == "case" }.compactMap { $0.dropFirst().first })
        return filePatch.changedFields.contains { fields.contains($0) }
    }

    public var indexedStrings: [String?] {
        switch self {
        case .caseFile(let file): [file.id.rawValue, file.person.fullName, file.state.rawValue, file.person.birthDate.iso, nil]
        case .member(let member): [nil, nil, nil, nil, member.unitID.rawValue]
        case .unit, .account: [nil, nil, nil, nil, nil]
        }
    }

    public func patch(from previous: StoredItem) -> StoredItemPatch? {
        guard case .caseFile(let file) = self, case .caseFile(let old) = previous, let patch = file.patch(from: old) else { return nil }
        return .caseFile(patch)
    }

    public mutating func apply(_ patch: StoredItemPatch) -> Bool {
        guard case .caseFile(let filePatch) = patch, case .caseFile = self else { return false }
        // Taken out of `self`, so that the file is held once and its lists grow in place.
        guard case .caseFile(var file) = consume self else { preconditionFailure("checked above") }
        let applied = file.apply(filePatch)
        self = .caseFile(file)
        return applied
    }

    public func applying(_ patch: StoredItemPatch) -> StoredItem? {
        guard case .caseFile(let file) = self, case .caseFile(let filePatch) = patch, let patched = file.applying(filePatch) else { return nil }
        return .caseFile(patched)
    }
}
