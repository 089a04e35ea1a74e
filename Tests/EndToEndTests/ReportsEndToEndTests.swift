import Foundation
import HoSoTestSupport
import Testing

/// The reports screen in the real application: the quota report, exported to the home folder.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ReportsEndToEndTests {
    static let today = "2026-11-23"

    @Test func theQuotaReportIsExportedToTheHomeFolderAndTheStatusLineSaysWhere() async throws {
        let data = HosoRun.temporaryDataDirectory()
        try HosoRun.run(["init", "--data", data, "--name", "Chi bộ Khu phố 3", "--official", "8", "--committee", "9",
                         "--today", Self.today])
        // A short name, so that the whole path fits the status line at 80 columns.
        let home = NSTemporaryDirectory() + "hoso-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try TmuxSession([try hosoExecutablePath(), "--data", data, "--today", Self.today], width: 80, height: 24,
                                      environment: ["HOME": home])
        defer { session.stop() }
        try await session.waitFor(text: "Bảng tiến độ")
        try session.sendKeys("r")
        try await session.waitFor(text: "TÌNH HÌNH HỒ SƠ HIỆN NAY")
        try session.sendKeys("1")
        try await session.waitFor(text: "BẢNG CHỈ TIÊU KẾT NẠP ĐẢNG VIÊN CỦA CÁC ĐƠN VỊ")
        try session.sendKeys("x")
        // The whole form, its footer drawn last, not its title alone.
        let dialog = try await session.waitUntil("the export form and its footer") {
            $0.contains("Xuất báo cáo ra tệp") && $0.contains("Ô trước · Ctrl-S Lưu")
        }
        #expect(dialog.contains(home), "the dialog shows the folder, the home folder by default: \(dialog)")
        try session.sendKeys("Right", "C-s")
        let path = home + "/bao-cao-quota-2026.xlsx"
        let screen = try await session.waitFor(text: "Đã ghi báo cáo vào")
        #expect(screen.contains("Đã ghi báo cáo vào \(path)"), "\(screen)")
        #expect(FileManager.default.fileExists(atPath: path))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(2)) == [0x50, 0x4B], "a zip archive (XLSX)")
    }
}
