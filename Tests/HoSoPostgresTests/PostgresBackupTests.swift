import Foundation
import HoSoDomain
import HoSoPostgres
import HoSoStorage
import HoSoTestSupport
import Testing

@Suite("Backups on the server hold every unit's files: the top units' clerk alone reads and restores them")
struct PostgresBackupTests {
    @Test("A clerk of a unit below reads no backup and cannot restore one; the ward's clerk backs up and restores")
    func backupsAreTheWholeDataClerks() throws {
        let ward = try DemoWardOnServer(cases: 20)
        let top = try ServerRepository.open(url: ward.url(as: ward.topClerk))
        let backup = try top.backup()
        #expect(try ward.psql(as: ward.topClerk, "SELECT count(*) FROM hoso.backups") == "1")
        #expect(try ward.psql(as: ward.clerk, "SELECT count(*) FROM hoso.backups") == "0",
                "a clerk of the organisation below does not read the ward's files through a backup")
        #expect(throws: (any Error).self, "nor writes one") {
            try ward.psql(as: ward.clerk, "INSERT INTO hoso.backups (name, seq, created_at, content) VALUES ('x', 1, 'x', '[]')")
        }
        let below = try ServerRepository.open(url: ward.url(as: ward.clerk))
        #expect(below.listBackups().isEmpty)
        #expect(throws: RepositoryError.self) { try below.restore(fromBackup: backup.name, actor: "Thư ký") }
        let file = try #require(top.cases.first)
        var changed = file
        changed.person.occupation = "Đổi sau khi sao lưu"
        try top.save(changed, expectedRevision: try #require(top.revision(of: file.id)), actor: "Thư ký Đảng ủy phường", summary: "Sửa")
        try top.restore(fromBackup: backup.name, actor: "Thư ký Đảng ủy phường")
        let again = try ServerRepository.open(url: ward.url(as: ward.topClerk))
        #expect(again.caseFile(file.id)?.person.occupation == file.person.occupation, "the restore brought the file back")
        #expect(again.cases.count == 20)
        #expect(try again.reportFacts() == again.cases.map(ReportFacts.init), "the restore wrote the facts too")
    }
}
