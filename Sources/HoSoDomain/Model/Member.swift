/// A party member known to the unit: a possible mentor, introducer or verifier.
public struct Member: Codable, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case official
        case probationary

        public var vietnamese: String {
            switch self {
            case .official: "Chính thức"
            case .probationary: "Dự bị"
            }
        }
    }

    public var id: MemberID
    public var fullName: String
    public var unitID: UnitID
    public var status: Status
    public var officialSince: CivilDate?
    public var attachedElsewhere: Bool
    public var exempt: Bool

    public init(
        id: MemberID, fullName: String, unitID: UnitID, status: Status = .official,
        officialSince: CivilDate? = nil, attachedElsewhere: Bool = false, exempt: Bool = false
    ) {
        self.id = id
        self.fullName = fullName
        self.unitID = unitID
        self.status = status
        self.officialSince = officialSince
        self.attachedElsewhere = attachedElsewhere
        self.exempt = exempt
    }

    /// Only official members may mentor or introduce (Charter art. 4).
    public func isOfficial(on date: CivilDate) -> Bool {
        guard status == .official else { return false }
        if let since = officialSince { return since <= date }
        return true
    }
}
