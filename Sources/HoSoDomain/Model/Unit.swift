/// A node of the organisation tree: the deciding committee, a grassroots organisation or a cell.
///
/// Which node decides admissions is data (`decidesAdmissions`), because QĐ 294-QĐ/TW moved that
/// power when the district level was abolished on 1 July 2025 and may move it again.
public struct Unit: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Đảng ủy phường/xã or another committee above the grassroots.
        case committee
        /// Tổ chức cơ sở đảng: đảng bộ cơ sở or chi bộ cơ sở.
        case grassroots
        /// Chi bộ trực thuộc.
        case cell

        public var vietnamese: String {
            switch self {
            case .committee: "Cấp ủy cấp trên"
            case .grassroots: "Tổ chức cơ sở đảng"
            case .cell: "Chi bộ"
            }
        }
    }

    public var id: UnitID
    public var name: String
    /// What a narrow column shows ("KP3"); nil: derived from the name (`Organisation.shortNames`).
    public var shortName: String?
    public var kind: Kind
    public var parentID: UnitID?
    /// Sector (khối) of a grassroots organisation, e.g. "Khối phường", as in the quota tables.
    public var sector: String?
    public var decidesAdmissions: Bool
    /// Hard-to-reach areas may admit people without lower-secondary education (QĐ 294-QĐ/TW).
    public var educationExempt: Bool
    public var hasYouthUnion: Bool
    public var hasTradeUnion: Bool
    public var memberCounts: MemberCounts
    /// Members of the committee that votes on admissions (đảng ủy cơ sở), for its 2/3 threshold.
    public var committeeMembers: Int
    /// The counts as they changed, dated (`hoso units set-counts`), oldest first; empty while they are those
    /// of `hoso init`. `memberCounts` and `committeeMembers` are the latest of them.
    public var countHistory: [DatedMemberCounts]
    /// Admission targets and reported figures; nil for a unit nobody set quotas for (and in data
    /// written before quotas existed).
    public var quota: UnitQuota?
    /// What the unit prints on the documents it issues; nil until set (`hoso units set-letterhead`).
    public var letterhead: Letterhead?

    public init(
        id: UnitID, name: String, kind: Kind, parentID: UnitID? = nil, sector: String? = nil,
        decidesAdmissions: Bool = false, educationExempt: Bool = false, hasYouthUnion: Bool = true,
        hasTradeUnion: Bool = true, memberCounts: MemberCounts = MemberCounts(), committeeMembers: Int = 0,
        quota: UnitQuota? = nil, countHistory: [DatedMemberCounts] = [], letterhead: Letterhead? = nil,
        shortName: String? = nil
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.parentID = parentID
        self.sector = sector
        self.decidesAdmissions = decidesAdmissions
        self.educationExempt = educationExempt
        self.hasYouthUnion = hasYouthUnion
        self.hasTradeUnion = hasTradeUnion
        self.memberCounts = memberCounts
        self.committeeMembers = committeeMembers
        self.quota = quota
        self.countHistory = countHistory
        self.letterhead = letterhead
    }
}

extension Unit {
    private enum CodingKeys: String, CodingKey {
        case id, name, kind, parentID, sector, decidesAdmissions, educationExempt, hasYouthUnion, hasTradeUnion,
            memberCounts, committeeMembers, quota, countHistory, letterhead, shortName
    }

    /// Tolerates data written before `quota`, `countHistory`, `letterhead` and `shortName` existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(UnitID.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name),
            kind: try container.decode(Kind.self, forKey: .kind),
            parentID: try container.decodeIfPresent(UnitID.self, forKey: .parentID),
            sector: try container.decodeIfPresent(String.self, forKey: .sector),
            decidesAdmissions: try container.decode(Bool.self, forKey: .decidesAdmissions),
            educationExempt: try container.decode(Bool.self, forKey: .educationExempt),
            hasYouthUnion: try container.decode(Bool.self, forKey: .hasYouthUnion),
            hasTradeUnion: try container.decode(Bool.self, forKey: .hasTradeUnion),
            memberCounts: try container.decode(MemberCounts.self, forKey: .memberCounts),
            committeeMembers: try container.decode(Int.self, forKey: .committeeMembers),
            quota: try container.decodeIfPresent(UnitQuota.self, forKey: .quota),
            countHistory: try container.decodeIfPresent([DatedMemberCounts].self, forKey: .countHistory) ?? [],
            letterhead: try container.decodeIfPresent(Letterhead.self, forKey: .letterhead),
            shortName: try container.decodeIfPresent(String.self, forKey: .shortName))
    }

    /// The counts valid on `date`: of the last change dated on or before it; those of `hoso init` before
    /// the first change.
    public func counts(on date: CivilDate) -> (members: MemberCounts, committee: Int) {
        guard let entry = countHistory.last(where: { ($0.since ?? date) <= date }) else {
            return (memberCounts, committeeMembers)
        }
        return (entry.counts, entry.committeeMembers)
    }

    /// The unit with its counts changed from `date` on (a change of the same day replaces it); the counts
    /// of `hoso init` are kept as the first entry, valid before any dated change.
    public func settingCounts(_ counts: MemberCounts, committee: Int, from date: CivilDate) -> Unit {
        var unit = self
        if unit.countHistory.isEmpty {
            unit.countHistory = [DatedMemberCounts(since: nil, counts: memberCounts, committeeMembers: committeeMembers)]
        }
        unit.countHistory.removeAll { $0.since == date }
        unit.countHistory.append(DatedMemberCounts(since: date, counts: counts, committeeMembers: committee))
        unit.countHistory.sort { ($0.since ?? .recordable.lowerBound) < ($1.since ?? .recordable.lowerBound) }
        if let latest = unit.countHistory.last {
            unit.memberCounts = latest.counts
            unit.committeeMembers = latest.committeeMembers
        }
        return unit
    }
}

/// The head-counts of a unit from a day on.
public struct DatedMemberCounts: Codable, Sendable, Equatable {
    /// The first day they hold; nil for those set by `hoso init`, valid before any dated change.
    public var since: CivilDate?
    public var counts: MemberCounts
    /// Members of the committee that votes on admissions.
    public var committeeMembers: Int

    public init(since: CivilDate?, counts: MemberCounts, committeeMembers: Int) {
        self.since = since
        self.counts = counts
        self.committeeMembers = committeeMembers
    }
}

/// The head-counts of a unit that the vote thresholds are computed from.
public struct MemberCounts: Codable, Sendable, Equatable {
    /// Official members (đảng viên chính thức).
    public var official: Int
    /// Probationary members (đảng viên dự bị): they attend but do not vote on admissions.
    public var probationary: Int
    /// Official members temporarily attached elsewhere (sinh hoạt tạm thời nơi khác): not counted.
    public var attachedElsewhere: Int
    /// Official members exempt from activities (miễn sinh hoạt): not counted when absent.
    public var exempt: Int

    public init(official: Int = 0, probationary: Int = 0, attachedElsewhere: Int = 0, exempt: Int = 0) {
        self.official = official
        self.probationary = probationary
        self.attachedElsewhere = attachedElsewhere
        self.exempt = exempt
    }

    /// Problems with the numbers themselves, in Vietnamese; empty when they make sense.
    public var problems: [String] {
        var result: [String] = []
        if official < 0 || probationary < 0 || attachedElsewhere < 0 || exempt < 0 {
            result.append("Số đảng viên không được âm.")
        }
        if attachedElsewhere + exempt > official {
            result.append(
                "Số đảng viên sinh hoạt tạm thời nơi khác (\(attachedElsewhere)) cộng miễn sinh hoạt (\(exempt)) "
                    + "vượt quá số đảng viên chính thức (\(official)).")
        }
        return result
    }
}
