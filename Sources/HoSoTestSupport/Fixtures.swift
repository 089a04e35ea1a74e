import HoSoDomain

/// A small, fixed organisation for tests: one cell of 8 official members under a ward committee.
public enum Fixtures {
    public static let cellID: UnitID = "CB-KP3"

    public static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(parsing: text) else { fatalError("bad fixture date \(text)") }
        return date
    }

    public static func cell(official: Int = 8, exempt: Int = 1, attachedElsewhere: Int = 0, committee: Int = 9) -> Unit {
        Unit(
            id: cellID, name: "Chi bộ Khu phố 3", kind: .cell, parentID: "DU-P5", decidesAdmissions: false,
            memberCounts: MemberCounts(
                official: official, probationary: 1, attachedElsewhere: attachedElsewhere, exempt: exempt),
            committeeMembers: committee)
    }

    public static let members: [Member] = [
        Member(id: "M001", fullName: "Trần Văn Hùng", unitID: cellID, officialSince: date("2001-05-19")),
        Member(id: "M002", fullName: "Lê Thị Mai", unitID: cellID, officialSince: date("2010-02-03")),
        Member(id: "M003", fullName: "Phạm Quốc Bảo", unitID: cellID, officialSince: date("2015-09-02")),
        Member(id: "M004", fullName: "Đỗ Thu Hà", unitID: cellID, status: .probationary),
    ]

    public static func person(
        born: String = "1998-04-12", education: EducationLevel = .university, youthUnion: Bool = false,
        tradeUnion: Bool = false
    ) -> Person {
        Person(
            fullName: "Nguyễn Thị Minh Khai", birthDate: date(born), sex: .female, citizenID: "079198001234",
            homeAddress: "12 Lý Chính Thắng, Phường Xuân Hòa, TP. Hồ Chí Minh", occupation: "Giáo viên",
            education: education, youthUnionMember: youthUnion, tradeUnionMember: tradeUnion)
    }

    public static func newCase(person: Person = person(), nominated: String = "2024-01-15") -> CaseFile {
        CaseFile(id: "HS-0001", unitID: cellID, person: person, nominatedBy: .youthUnion, nominationDate: date(nominated))
    }

    public static func journey(unit: Unit = cell(), rulebook: Rulebook = .standard) -> Journey {
        Journey(unit: unit, members: members, rulebook: rulebook)
    }

    public static func context(on day: String, unit: Unit = cell(), rulebook: Rulebook = .standard) -> WorkflowContext {
        WorkflowContext(date: date(day), actor: "Kiểm thử", rulebook: rulebook, unit: unit, members: members)
    }

    /// A file taken through the engine to `state` (main path), with the date of its last step.
    public static func file(
        in state: CaseState, person: Person = person(), unit: Unit = cell()
    ) throws -> (file: CaseFile, date: CivilDate) {
        let start = newCase(person: person)
        return try journey(unit: unit).advance(start, to: state, from: start.nominationDate)
    }
}

extension CaseFile {
    /// The file as the engine made it, before the store sealed its history: to compare what went in
    /// with what came back.
    public var withoutSeals: CaseFile {
        var copy = self
        for index in copy.history.indices { copy.history[index].seal = nil }
        return copy
    }
}
