public enum AccountTag: Sendable {}
/// A HoSo user's short login name ("lan", "hung.tv"), distinct from a party member's id.
public typealias AccountID = Identifier<AccountTag>

/// A person who uses HoSo: who they are at the terminal, what they may do, and how they prove it.
/// The history records `signature`, so every change names a person, not a machine account.
public struct Account: Codable, Sendable, Equatable, Identifiable {
    public var id: AccountID
    public var fullName: String
    /// The operating-system user that is this person without a passphrase (their own login).
    public var systemUser: String?
    /// The party member this person is: how a mentor's candidates are found.
    public var memberID: MemberID?
    public var grants: [RoleGrant]
    /// A salted slow hash; nil when the person has no passphrase (then only `systemUser` signs them in).
    public var passphrase: PassphraseHash?
    /// Wrong passphrases in a row; reset by a right one.
    public var failedAttempts: Int
    /// Sign-in refused until this instant (ISO-8601 UTC), after too many wrong passphrases.
    public var lockedUntil: String?

    public init(
        id: AccountID, fullName: String, systemUser: String? = nil, memberID: MemberID? = nil,
        grants: [RoleGrant] = [], passphrase: PassphraseHash? = nil
    ) {
        self.id = id
        self.fullName = fullName
        self.systemUser = systemUser
        self.memberID = memberID
        self.grants = grants
        self.passphrase = passphrase
        self.failedAttempts = 0
        self.lockedUntil = nil
    }

    /// How the person is named in histories, notes and verification items: "Nguyễn Thị Lan (lan)".
    public var signature: String { "\(fullName) (\(id))" }

    public var roles: Set<Role> { Set(grants.map(\.role)) }

    private enum CodingKeys: String, CodingKey {
        case id, fullName, systemUser, memberID, grants, passphrase, failedAttempts, lockedUntil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(AccountID.self, forKey: .id)
        fullName = try container.decode(String.self, forKey: .fullName)
        systemUser = try container.decodeIfPresent(String.self, forKey: .systemUser)
        memberID = try container.decodeIfPresent(MemberID.self, forKey: .memberID)
        grants = try container.decodeIfPresent([RoleGrant].self, forKey: .grants) ?? []
        passphrase = try container.decodeIfPresent(PassphraseHash.self, forKey: .passphrase)
        failedAttempts = try container.decodeIfPresent(Int.self, forKey: .failedAttempts) ?? 0
        lockedUntil = try container.decodeIfPresent(String.self, forKey: .lockedUntil)
    }
}

/// A passphrase as stored: the algorithm and its parameters, the salt and the derived key (base64).
/// The clear text is never kept; the hashing itself lives in the storage module (it needs a library).
public struct PassphraseHash: Codable, Sendable, Equatable {
    public var algorithm: String
    public var cost: Int
    public var blockSize: Int
    public var parallelism: Int
    public var salt: String
    public var key: String

    public init(algorithm: String, cost: Int, blockSize: Int, parallelism: Int, salt: String, key: String) {
        self.algorithm = algorithm
        self.cost = cost
        self.blockSize = blockSize
        self.parallelism = parallelism
        self.salt = salt
        self.key = key
    }
}
