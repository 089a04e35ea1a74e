/// A realistic organisation to try HoSo on: a ward committee, several cells, members, and candidates
/// in every state, some overdue and some blocked. Deterministic: the same seed gives the same data.
///
/// Up to `wardCases` files it is one ward of eight cells. Larger, it grows as a district does: the ward
/// sits under a district committee beside other wards, each of `cellsPerWard` cells, so that a cell keeps
/// about `casesPerCell` files (a district's or a province's reports then run over hundreds of units).
public struct DemoOrganisation: Sendable {
    public var units: [Unit]
    public var members: [Member]
    public var cases: [CaseFile]

    public static let wardCases = 400
    public static let casesPerCell = 50
    public static let cellsPerWard = 10

    /// Generates `caseCount` files whose steps all happened on or before `today`.
    /// `progress` hears (files made, files wanted) as the files are made: 5,000 take seconds.
    public static func generate(
        caseCount: Int, seed: UInt64, today: CivilDate, progress: (Int, Int) -> Void = { _, _ in }
    ) -> DemoOrganisation {
        var random = SplitMix64(seed: seed)
        let ward = Unit(
            id: "DU-XH", name: "Đảng ủy phường Xuân Hòa", kind: .committee, decidesAdmissions: true,
            memberCounts: MemberCounts(official: 9), committeeMembers: 9, shortName: "ĐU XH")
        let grassroots = Unit(
            id: "DB-XH", name: "Đảng bộ cơ sở phường Xuân Hòa", kind: .grassroots, parentID: ward.id,
            sector: "Khối phường", memberCounts: MemberCounts(official: 11), committeeMembers: 11, shortName: "ĐB XH")
        // With the short names a clerk would give them: what the list shows of a cell at 80 columns.
        let cellNames = [
            ("Chi bộ Khu phố 1", "KP1"), ("Chi bộ Khu phố 2", "KP2"), ("Chi bộ Khu phố 3", "KP3"), ("Chi bộ Khu phố 4", "KP4"),
            ("Chi bộ Trường THCS Lê Lợi", "THCS LL"), ("Chi bộ Quân sự phường", "Quân sự"), ("Chi bộ Công an phường", "Công an"),
            ("Chi bộ Trạm Y tế", "Y tế"),
        ]
        var units = [ward, grassroots]
        var members: [Member] = []
        for (index, (name, shortName)) in cellNames.enumerated() {
            var cell = addCell(id: UnitID("CB-\(index + 1)"), name: name, under: grassroots, members: &members, random: &random)
            cell.shortName = shortName
            units.append(cell)
        }
        // One probationary member per organisation, to show that only official members may mentor.
        members.append(
            Member(
                id: memberID(members.count + 1), fullName: DemoNames.fullName(&random), unitID: units[2].id, status: .probationary))

        if caseCount > wardCases {
            growIntoDistrict(caseCount: caseCount, units: &units, members: &members, random: &random)
        }

        var cases: [CaseFile] = []
        cases.reserveCapacity(caseCount)
        let cells = units.filter { $0.kind == .cell }
        let officialsByCell = Dictionary(grouping: members.filter { $0.status == .official }, by: \.unitID)
        for number in 1...max(1, caseCount) {
            let cell = cells[Int(random.next() % UInt64(cells.count))]
            let cellMembers = officialsByCell[cell.id] ?? []
            let journey = Journey(unit: cell, members: cellMembers.isEmpty ? members : cellMembers, actor: "Thư ký chi bộ")
            let file = DemoCase.make(number: number, journey: journey, today: today, random: &random)
            cases.append(file)
            progress(number, caseCount)
        }
        return DemoOrganisation(units: units, members: members, cases: cases)
    }

    /// Puts the ward under a district committee and adds wards of `cellsPerWard` cells (with their
    /// members) until there is a cell for every `casesPerCell` files.
    static func growIntoDistrict(caseCount: Int, units: inout [Unit], members: inout [Member], random: inout SplitMix64) {
        let district = Unit(
            id: "QU-3", name: "Quận ủy Quận 3", kind: .committee, decidesAdmissions: true,
            memberCounts: MemberCounts(official: 45), committeeMembers: 45, shortName: "QU3")
        units[0].parentID = district.id
        units.insert(district, at: 0)
        let cellsWanted = caseCount / casesPerCell
        var cellCount = units.filter { $0.kind == .cell }.count
        var wardNumber = 1
        while cellCount < cellsWanted {
            wardNumber += 1
            let ward = Unit(
                id: UnitID("DB-P\(wardNumber)"), name: "Đảng bộ phường \(wardNumber)", kind: .grassroots, parentID: district.id,
                sector: "Khối phường", memberCounts: MemberCounts(official: 9 + Int(random.next() % 6)), committeeMembers: 9,
                shortName: "ĐB P\(wardNumber)")
            units.append(ward)
            for number in 1...min(cellsPerWard, cellsWanted - cellCount) {
                var cell = addCell(
                    id: UnitID("CB-P\(wardNumber)-\(number)"), name: "Chi bộ Khu phố \(number), phường \(wardNumber)", under: ward,
                    members: &members, random: &random)
                cell.shortName = "KP\(number) P\(wardNumber)"
                units.append(cell)
                cellCount += 1
            }
        }
    }

    /// A cell of `parent` with its head-count, and up to six of its official members (mentors to be).
    static func addCell(id: UnitID, name: String, under parent: Unit, members: inout [Member], random: inout SplitMix64) -> Unit {
        let official = 6 + Int(random.next() % 20)
        let cell = Unit(
            id: id, name: name, kind: .cell, parentID: parent.id, sector: "Khối phường",
            memberCounts: MemberCounts(
                official: official, probationary: Int(random.next() % 3), attachedElsewhere: Int(random.next() % 2),
                exempt: Int(random.next() % 3)),
            committeeMembers: parent.committeeMembers)
        for _ in 0..<min(official, 6) {
            let name = DemoNames.fullName(&random)
            let since = CivilDate(year: 1985 + Int(random.next() % 35), month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28))!
            members.append(Member(id: memberID(members.count + 1), fullName: name, unitID: cell.id, officialSince: since))
        }
        return cell
    }

    static func memberID(_ number: Int) -> MemberID { MemberID("M\(String(number).leftPadded(to: 3))") }
}

/// One demo file: a person, a target state, and the steps taken through the engine.
enum DemoCase {
    static func make(number: Int, journey: Journey, today: CivilDate, random: inout SplitMix64) -> CaseFile {
        // Every twentieth file is a young candidate, ready but under 18: the cell vote is blocked.
        let underage = number % 20 == 3
        let target = underage ? .introduced : pickTarget(&random)
        // Days the main path to the target usually takes, so the last step lands before today.
        let path = CaseState.mainPath.prefix { $0 != target }
        let span = path.reduce(0) { $0 + Journey.usualGap(after: $1) + 2 }
        let slack = Int(random.next() % 120)
        let nominated = today.adding(days: -(span + slack + 5))
        let age = 19 + Int(random.next() % 30)
        let sex: Person.Sex = random.next() % 2 == 0 ? .male : .female
        let person = Person(
            fullName: DemoNames.fullName(&random, sex: sex),
            birthDate: underage
                ? today.adding(months: -(17 * 12 + 1 + Int(random.next() % 10)))
                : CivilDate(year: nominated.year - age, month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28))!,
            sex: sex, ethnicity: random.next() % 10 == 0 ? "Hoa" : "Kinh",
            religion: random.next() % 8 == 0 ? "Phật giáo" : "Không",
            citizenID: "0791" + String(random.next() % 100_000_000).leftPadded(to: 8),
            homeAddress: "\(1 + random.next() % 300) \(DemoNames.street(&random)), phường Xuân Hòa, TP. Hồ Chí Minh",
            occupation: DemoNames.occupation(&random),
            education: [.upperSecondary, .university, .university, .college, .vocational, .postgraduate][Int(random.next() % 6)],
            youthUnionMember: age <= 30, tradeUnionMember: age > 30 && random.next() % 2 == 0)
        let sources: [NominationSource] = [.youthUnion, .tradeUnion, .womenUnion, .school, .militia, .veteransUnion, .member]
        var file = CaseFile(
            id: CaseID("HS-\(String(number).leftPadded(to: 4))"), unitID: journey.unit.id, person: person,
            nominatedBy: age <= 30 ? .youthUnion : sources[Int(random.next() % UInt64(sources.count))], nominationDate: nominated)
        file.history.append(
            HistoryEntry(date: nominated, actor: journey.actor, action: "add", summary: "Tiếp nhận quần chúng ưu tú được giới thiệu"))
        let mainTarget = target.isMainPath ? target : sideOrigin(of: target)
        var lastDate = nominated
        if let advanced = try? journey.advance(file, to: mainTarget, from: nominated) {
            file = advanced.file
            lastDate = advanced.date
        }
        if !target.isMainPath, let side = sideEvent(for: target) {
            let day = min(today, lastDate.adding(days: 10))
            if let moved = try? Workflow.apply(side, to: file, context: journey.context(on: day)) { file = moved }
        }
        // Most mentors reported this month; the others are the overdue reports a clerk chases.
        if file.state.stage != nil, random.next() % 5 != 0, let mentor = file.activeMentors.first {
            let noteDay = max(lastDate, today.adding(days: -Int(random.next() % 35)))
            let text = DemoNames.note(&random)
            var context = journey.context(on: noteDay)
            context.actor = journey.members.first { $0.id == mentor.memberID }?.fullName ?? journey.actor
            if var noted = try? Workflow.edit(.addNote(text: text), of: file, context: context) {
                // Written by the mentor, as if signed in: the note records its writer.
                noted.notes[noted.notes.count - 1].authorMember = mentor.memberID
                file = noted
            }
        }
        return file
    }

    static func pickTarget(_ random: inout SplitMix64) -> CaseState {
        let weighted: [(CaseState, UInt64)] = [
            (.nominated, 8), (.sympathizer, 18), (.inClass, 6), (.certified, 8), (.dossier, 6), (.verifying, 8),
            (.verified, 4), (.introduced, 4), (.cellApproved, 4), (.committeeApproved, 3), (.decided, 3),
            (.probation, 10), (.probationReview, 3), (.official, 6), (.removed, 3), (.paused, 2), (.expired, 1),
            (.transferred, 1), (.notAdmitted, 1), (.withdrawn, 1),
        ]
        let total = weighted.reduce(0) { $0 + $1.1 }
        var roll = random.next() % total
        for (state, weight) in weighted {
            if roll < weight { return state }
            roll -= weight
        }
        return .sympathizer
    }

    static func sideOrigin(of side: CaseState) -> CaseState {
        switch side {
        case .removed, .transferred: .sympathizer
        case .paused: .verifying
        case .expired: .certified
        case .notAdmitted: .introduced
        case .withdrawn: .dossier
        default: .sympathizer
        }
    }

    static func sideEvent(for side: CaseState) -> Event? {
        switch side {
        case .removed: .remove(reason: "Không còn đủ tiêu chuẩn, chi bộ nghị quyết đưa ra khỏi danh sách")
        case .transferred: .transfer(destination: "Chuyển sinh hoạt về nơi cư trú mới")
        case .paused: .pause(reason: "Lý lịch phải viết lại phần quá trình công tác")
        case .expired: .expire(reason: "Giấy chứng nhận bồi dưỡng quá 60 tháng")
        case .notAdmitted: .refuse(reason: "Chi bộ biểu quyết không đủ 2/3")
        case .withdrawn: .withdraw(reason: "Xin rút hồ sơ vì chuyển công tác")
        default: nil
        }
    }
}

/// A small deterministic generator (SplitMix64): the same seed gives the same organisation everywhere.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
