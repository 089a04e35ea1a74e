/// Who the candidate is: the identity part of the file.
public struct Person: Codable, Sendable, Equatable {
    public enum Sex: String, Codable, Sendable, CaseIterable {
        case male, female

        public var vietnamese: String { self == .male ? "Nam" : "Nữ" }
    }

    public var fullName: String
    public var birthDate: CivilDate
    public var sex: Sex
    public var ethnicity: String
    public var religion: String
    public var citizenID: String
    public var homeAddress: String
    public var occupation: String
    public var education: EducationLevel
    public var youthUnionMember: Bool
    public var tradeUnionMember: Bool

    public init(
        fullName: String, birthDate: CivilDate, sex: Sex, ethnicity: String = "Kinh", religion: String = "Không",
        citizenID: String = "", homeAddress: String = "", occupation: String = "",
        education: EducationLevel = .upperSecondary, youthUnionMember: Bool = false, tradeUnionMember: Bool = false
    ) {
        self.fullName = fullName
        self.birthDate = birthDate
        self.sex = sex
        self.ethnicity = ethnicity
        self.religion = religion
        self.citizenID = citizenID
        self.homeAddress = homeAddress
        self.occupation = occupation
        self.education = education
        self.youthUnionMember = youthUnionMember
        self.tradeUnionMember = tradeUnionMember
    }
}

/// General education completed; the admission guard needs at least lower secondary (QĐ 294-QĐ/TW).
public enum EducationLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case none, primary, lowerSecondary, upperSecondary, vocational, college, university, postgraduate

    public var vietnamese: String {
        switch self {
        case .none: "Chưa qua đào tạo"
        case .primary: "Tiểu học"
        case .lowerSecondary: "Trung học cơ sở"
        case .upperSecondary: "Trung học phổ thông"
        case .vocational: "Trung cấp"
        case .college: "Cao đẳng"
        case .university: "Đại học"
        case .postgraduate: "Sau đại học"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Who introduced the person to the source list.
public enum NominationSource: String, Codable, Sendable, CaseIterable {
    case youthUnion, tradeUnion, womenUnion, farmersUnion, veteransUnion, fatherlandFront, school, militia, member,
        other

    public var vietnamese: String {
        switch self {
        case .youthUnion: "Đoàn Thanh niên"
        case .tradeUnion: "Công đoàn"
        case .womenUnion: "Hội Liên hiệp Phụ nữ"
        case .farmersUnion: "Hội Nông dân"
        case .veteransUnion: "Hội Cựu chiến binh"
        case .fatherlandFront: "Mặt trận Tổ quốc"
        case .school: "Nhà trường"
        case .militia: "Dân quân tự vệ"
        case .member: "Đảng viên giới thiệu"
        case .other: "Khác"
        }
    }
}
