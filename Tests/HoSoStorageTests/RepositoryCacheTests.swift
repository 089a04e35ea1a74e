import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

@Suite("The repository's lists follow every save")
struct RepositoryCacheTests {
    @Test("A saved file replaces its old value in place, a new one is inserted in id order, revisions follow")
    func listsFollowSaves() throws {
        let directory = NSTemporaryDirectory() + "hoso-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let demo = DemoOrganisation.generate(caseCount: 30, seed: 3, today: Fixtures.date("2026-11-23"))
        let repository = try Repository.create(at: directory, units: demo.units, members: demo.members, cases: demo.cases, actor: "kiểm thử")
        let service = CaseService(repository: repository)
        #expect(repository.cases.count == 30)
        let target = repository.cases[7]
        let before = try #require(repository.revision(of: target.id))
        let noted = try service.edit(.addNote(text: "Ghi nhận tháng 11"), on: target.id, date: Fixtures.date("2026-11-23"), actor: "kiểm thử")
        #expect(repository.cases[7].withoutSeals == noted.withoutSeals)
        #expect(repository.revision(of: target.id) == before + 1)

        var person = Fixtures.person()
        person.fullName = "Đoàn Thị Mới"
        let added = try service.addCase(person: person, unit: target.unitID, source: .youthUnion, date: Fixtures.date("2026-11-23"), actor: "kiểm thử")
        #expect(repository.cases.count == 31)
        #expect(repository.cases.map(\.id) == repository.cases.map(\.id).sorted())
        #expect(repository.cases.map(\.withoutSeals).contains(added.withoutSeals))

        // A fresh instance reading the disk sees exactly the same lists.
        let reopened = try Repository.open(at: directory)
        #expect(reopened.cases == repository.cases)
    }
}
