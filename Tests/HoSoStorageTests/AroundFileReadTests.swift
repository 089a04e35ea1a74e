import Foundation
import HoSoApplication
import HoSoDomain
@testable import HoSoJournal
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// A command on one file reads the file, its unit and the units above it, the unit's members and those the
/// file names (`Repository.open(at:aroundCase:)`, issue 19: the same cost at 2,203 units as at 223). What it
/// decides must be what a whole read decides: the same refusals and permissions for every person and every
/// permission, the same names, the same requirements.
@Suite struct AroundFileReadTests {
    // top → district → ward P5 → cell KP3 (the file's, deep in the tree); the district's other ward P6 →
    // cell KP7, whose member M101 mentors the file; another top unit beside it all.
    static let top = Unit(id: "TU-TOP", name: "Thành ủy", kind: .committee)
    static let district = Unit(id: "QU-1", name: "Quận ủy 1", kind: .committee, parentID: "TU-TOP")
    static let ward = Unit(id: "DU-P5", name: "Đảng ủy Phường 5", kind: .grassroots, parentID: "QU-1")
    static let otherWard = Unit(id: "DU-P6", name: "Đảng ủy Phường 6", kind: .grassroots, parentID: "QU-1")
    static let otherCell = Unit(id: "CB-KP7", name: "Chi bộ Khu phố 7", kind: .cell, parentID: "DU-P6")
    static let otherTop = Unit(id: "TU-KHAC", name: "Đảng ủy Khối", kind: .committee)
    static let otherCellMembers = [
        Member(id: "M101", fullName: "Võ Minh Tâm", unitID: "CB-KP7", officialSince: Fixtures.date("2005-01-02")),
        Member(id: "M102", fullName: "Hồ Thị Lệ", unitID: "CB-KP7", officialSince: Fixtures.date("2006-01-02")),
        Member(id: "M103", fullName: "Mai Văn Sơn", unitID: "CB-KP7", officialSince: Fixtures.date("2007-01-02")),
    ]

    static let accounts = [
        Account(id: "clerk-top", fullName: "Thư ký Thành ủy", grants: [RoleGrant(.clerk, in: "TU-TOP")]),
        Account(id: "clerk-p6", fullName: "Thư ký Phường 6", grants: [RoleGrant(.clerk, in: "DU-P6")]),
        Account(id: "committee-p5", fullName: "Cấp ủy Phường 5", grants: [RoleGrant(.committee, in: "DU-P5")]),
        Account(id: "mentor-file", fullName: "Võ Minh Tâm", memberID: "M101", grants: [RoleGrant(.mentor, in: "DU-P5")]),
        Account(id: "mentor-other", fullName: "Lê Thị Mai", memberID: "M002", grants: [RoleGrant(.mentor, in: Fixtures.cellID)]),
        Account(id: "viewer-district", fullName: "Cấp trên Quận", grants: [RoleGrant(.viewer, in: "QU-1")]),
        Account(id: "clerk-other-top", fullName: "Thư ký Khối", grants: [RoleGrant(.clerk, in: "TU-KHAC")]),
        Account(id: "nobody", fullName: "Không vai trò"),
    ]

    static var permissions: [Permission] {
        [.readList, .readFile, .addCase, .manageMembers, .managePeople, .manageUnits, .readReports, .exportPersonalData, .maintainStore]
            + Event.Kind.allCases.map(Permission.step) + CaseEdit.Kind.allCases.map(Permission.edit)
    }

    /// The store, the file in the deep cell (its next step's requirement counts the cell's members) and
    /// the file beside it; after the snapshot, the journal moves a member in and one out and adds one.
    static func store(_ temporary: TemporaryDirectory, accounts: [Account] = accounts) throws -> CaseFile {
        var (file, _) = try Fixtures.file(in: .cellApproved, unit: Fixtures.cell())
        file.mentors.append(MentorAssignment(memberID: "M101", since: Fixtures.date("2024-03-01")))
        file.introducers.append(Introducer(memberID: "M103", knownSince: Fixtures.date("2020-01-01"), letterDate: Fixtures.date("2024-05-01")))
        var beside = Fixtures.newCase()
        beside.id = "HS-0002"
        beside.unitID = "CB-KP7"
        let cell = Fixtures.cell()
        let repository = try Repository.create(
            at: temporary.store, units: [top, district, ward, cell, otherWard, otherCell, otherTop],
            members: Fixtures.members + otherCellMembers, cases: [file, beside], accounts: accounts, actor: "Kiểm thử")
        var movedIn = otherCellMembers[1]
        movedIn.unitID = Fixtures.cellID
        var movedOut = Fixtures.members[2]
        movedOut.unitID = "CB-KP7"
        try repository.save(member: movedIn, expectedRevision: 1, actor: "Kiểm thử")
        try repository.save(member: movedOut, expectedRevision: 1, actor: "Kiểm thử")
        try repository.save(
            member: Member(id: "M200", fullName: "Đinh Công Mới", unitID: Fixtures.cellID, officialSince: Fixtures.date("2019-01-01")),
            expectedRevision: nil, actor: "Kiểm thử")
        return file
    }

    @Test func theFileIsReadWithItsUnitsAboveAndTheMembersItNeedsOnly() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let file = try Self.store(temporary)
        let full = try Repository.open(at: temporary.store)
        let around = try Repository.open(at: temporary.store, aroundCase: file.id)
        #expect(around.cases.map(\.id) == [file.id])
        #expect(around.caseFile(file.id) == full.caseFile(file.id))
        #expect(Set(around.organisation.units.keys) == [Fixtures.cellID, "DU-P5", "QU-1", "TU-TOP"])
        for (id, unit) in around.organisation.units { #expect(unit == full.organisation.units[id]) }
        // The cell's members as the journal left them (one moved in, one out, one new), the members the file
        // names from another cell, and those the journal changed since the snapshot (read with it); no other.
        #expect(around.organisation.members(of: Fixtures.cellID) == full.organisation.members(of: Fixtures.cellID))
        #expect(Set(around.organisation.members(of: Fixtures.cellID).map(\.id)) == ["M001", "M002", "M004", "M102", "M200"])
        #expect(Set(around.organisation.members.keys) == ["M001", "M002", "M004", "M102", "M200", "M101", "M103", "M003"])
        for (id, member) in around.organisation.members { #expect(member == full.organisation.members[id]) }
        #expect(around.accounts == full.accounts)
        #expect(around.isPartial)
    }

    /// The store of `store(_:accounts:)` read whole and around the file, and the file as read around it.
    struct Opened {
        let temporary = TemporaryDirectory()
        let file: CaseFile
        let full: Repository
        let around: Repository
        let stored: CaseFile

        init(accounts: [Account] = AroundFileReadTests.accounts) throws {
            file = try AroundFileReadTests.store(temporary, accounts: accounts)
            full = try Repository.open(at: temporary.store)
            around = try Repository.open(at: temporary.store, aroundCase: file.id)
            stored = try #require(around.caseFile(file.id))
        }
    }

    @Test func everyPersonIsRefusedAndPermittedExactlyAsByAWholeRead() throws {
        let opened = try Opened()
        defer { opened.temporary.remove() }
        let (file, full, around, stored) = (opened.file, opened.full, opened.around, opened.stored)
        for account in Self.accounts {
            let whole = Access(account: account, organisation: full.organisation)
            let narrowed = Access(account: account, organisation: around.organisation)
            #expect(narrowed.roles(in: file.unitID) == whole.roles(in: file.unitID), "\(account.id)")
            #expect(narrowed.listsFile(stored) == whole.listsFile(stored), "\(account.id)")
            for permission in Self.permissions {
                #expect(narrowed.refusal(permission, on: stored) == whole.refusal(permission, on: stored), "\(account.id) \(permission)")
                #expect(narrowed.refusal(permission, inUnit: file.unitID) == whole.refusal(permission, inUnit: file.unitID), "\(account.id) \(permission)")
            }
        }
        func access(_ id: AccountID) throws -> Access {
            Access(account: try #require(around.accounts[id]), organisation: around.organisation)
        }
        // Pinned, beside the comparison: who reads the file's contents, and how the others are refused.
        #expect(try access("clerk-top").canRead(stored))
        #expect(try access("committee-p5").canRead(stored))
        #expect(try access("mentor-file").canRead(stored))
        #expect(try access("mentor-other").refusal(.readFile, on: stored)?.concealsFile == true)
        #expect(try access("clerk-p6").refusal(.readFile, on: stored)?.concealsFile == true)
        #expect(try access("clerk-other-top").refusal(.readFile, on: stored)?.concealsFile == true)
        #expect(try access("nobody").refusal(.readFile, on: stored)?.concealsFile == true)
        let viewer = try #require(try access("viewer-district").refusal(.readFile, on: stored))
        #expect(!viewer.concealsFile)
        #expect(viewer.message.contains("Cấp trên (chỉ xem) ở Chi bộ Khu phố 3"))
        #expect(try access("mentor-file").refusal(.step(.committeeVote), on: stored) != nil)
    }

    @Test func theRequirementsAndNamesAreThoseOfAWholeRead() throws {
        let opened = try Opened()
        defer { opened.temporary.remove() }
        let (file, full, around, stored) = (opened.file, opened.full, opened.around, opened.stored)
        let day = Fixtures.date("2026-11-23")
        for state in [CaseState.committeeApproved, .decided] {
            let whole = try #require(full.organisation.context(for: file.unitID, on: day, actor: "t", rulebook: full.rulebook))
            let narrowed = try #require(around.organisation.context(for: file.unitID, on: day, actor: "t", rulebook: around.rulebook))
            #expect(Workflow.blockers(to: state, of: stored, context: narrowed) == Workflow.blockers(to: state, of: stored, context: whole))
        }
        #expect(around.organisation.members["M101"]?.fullName == "Võ Minh Tâm")
        #expect(around.organisation.members["M103"]?.fullName == "Mai Văn Sơn")
    }

    /// Data without people: its owner is the clerk of every top unit, as after a whole read.
    @Test func theOwnerOfDataWithoutPeopleHasTheSameRights() throws {
        let opened = try Opened(accounts: [])
        defer { opened.temporary.remove() }
        let (full, around, stored) = (opened.full, opened.around, opened.stored)
        let whole = Access(account: SignIn.owner(systemUser: "owner", organisation: full.organisation), organisation: full.organisation)
        let narrowed = Access(account: SignIn.owner(systemUser: "owner", organisation: around.organisation), organisation: around.organisation)
        for permission in Self.permissions {
            #expect(narrowed.refusal(permission, on: stored) == whole.refusal(permission, on: stored), "\(permission)")
        }
        #expect(narrowed.canRead(stored))
    }

    /// A missing number's answer depends on whether the person sees every file, which every unit tells; an
    /// index that does not keep the members' units cannot say which are the cell's, a damaged one is not
    /// used. All read the organisation whole.
    @Test func aMissingFileOrAnIndexWithoutMembersUnitsReadsTheWholeOrganisation() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let file = try Self.store(temporary)
        let full = try Repository.open(at: temporary.store)
        let missing = try Repository.open(at: temporary.store, aroundCase: "HS-9999")
        #expect(missing.caseFile("HS-9999") == nil)
        #expect(missing.organisation == full.organisation)
        let indexPath = temporary.store + "/snapshot.index"
        let index = try #require(SnapshotIndex.parse(readFile(indexPath)))
        let older = SnapshotIndex(
            snapshotSize: index.snapshotSize, seq: index.seq, lastHash: index.lastHash, recordsHash: index.recordsHash,
            paths: Array(index.paths.dropLast()), groupDigests: index.groupDigests,
            entries: index.entries.map { SnapshotIndex.Entry(id: $0.id, revision: $0.revision, range: $0.range, strings: Array($0.strings.dropLast())) },
            recordCount: index.recordCount)
        // Written by an earlier version, or cut short (the snapshot is then read whole): both as a whole read.
        for bytes in [older.encoded(), Array(older.encoded().dropLast(20))] {
            writeFile(indexPath, bytes)
            let around = try Repository.open(at: temporary.store, aroundCase: file.id)
            #expect(around.organisation == full.organisation)
            #expect(around.caseFile(file.id) == full.caseFile(file.id))
        }
    }
}
