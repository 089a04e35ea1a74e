import Foundation
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import HoSoTUI
import Testing

/// A file whose stored history cannot be read (a hand edit of the data file) shows that on its detail
/// screen instead of an empty history.
@Suite struct AppUnreadablePartTests {
    @Test func theDetailSaysThePartCannotBeReadAndWhatToDo() throws {
        let directory = NSTemporaryDirectory() + "hoso-tui-unreadable-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let demo = DemoOrganisation.generate(caseCount: 20, seed: 3, today: AppFixtures.today)
        let created = try Repository.create(at: directory, units: demo.units, members: demo.members, cases: demo.cases, actor: "Thư ký")
        let victim = try #require(created.cases.max { $0.history.count < $1.history.count })
        let path = directory + "/snapshot.json"
        var lines = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(#""id":"case/\#(victim.id.rawValue)""#) })
        let history = try #require(lines[index].range(of: #""history":[{"#))
        let date = try #require(lines[index].range(of: #""date":""#, range: history.upperBound..<lines[index].endIndex))
        lines[index].replaceSubrange(date, with: #""date":7,"x":""#)
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        // Past the records hash (recomputed, as someone who knows the format would): the part stays guarded.
        rehashSnapshotRecords(path)

        let repository = try Repository.open(at: directory)
        let file = try #require(repository.caseFile(victim.id))
        var state = AppState(data: AppFixtures.cellData([file], unit: try #require(demo.units.first { $0.id == file.unitID })))
        AppFixtures.press([.resize(width: 100, height: 30), .char("l"), .enter, .char("8")], into: &state)
        let screen = AppView.render(state, width: 100, height: 30).text
        #expect(screen.contains("không đọc được (lịch sử:"), "\(screen)")
        #expect(screen.contains("hoso check"), "\(screen)")
        #expect(!victim.history.isEmpty && file.history.isEmpty)
    }
}
