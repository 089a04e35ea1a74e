@testable import HoSoCLI
@testable import HoSoJournal
@testable import HoSoStorage
import Testing

@Suite struct CompactionWarningTests {
    @Test("A compaction that failed after a save is told to the clerk: nothing lost, what to do")
    func warningSaysNothingIsLostAndWhatToDo() {
        let error = RepositoryError(StoreError.diskFull(path: "/du-lieu/snapshot.json.tmp", step: .write, rolledBack: true))
        let warning = OpenedStores.compactionWarning(error)
        #expect(warning.hasPrefix("Đã lưu, nhưng chưa gộp được nhật ký"))
        #expect(warning.contains(error.message))
        #expect(warning.contains("Không mất dữ liệu nào"))
        #expect(warning.contains("giải phóng chỗ trống") && warning.contains("hoso check"))
    }
}
