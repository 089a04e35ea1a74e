import Foundation
import HoSoTestSupport
import Testing

/// Issue 18 items 14 and 15 in the real program: a note typed on two lines is stored with them, and the list
/// as shown (filtered by a search, sorted) is written to a CSV file in the home folder.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ListAndNoteEndToEndTests {
    static let today = "2026-11-23"

    func cell(_ names: [String]) throws -> String {
        let data = HosoRun.temporaryDataDirectory()
        try HosoRun.run(["init", "--data", data, "--name", "Chi bộ Khu phố 3", "--official", "8", "--committee", "9",
                         "--today", Self.today])
        for name in names {
            try HosoRun.run(["case", "add", "--data", data, "--today", Self.today, "--name", name, "--born", "1999-01-20",
                             "--sex", "nu", "--date", "2026-10-01"])
        }
        return data
    }

    @Test func aNoteTypedOnTwoLinesIsStoredWithThem() async throws {
        let data = try cell(["Đặng Thu Trang"])
        let session = try TmuxSession([try hosoExecutablePath(), "--data", data, "--today", Self.today], width: 80, height: 24)
        defer { session.stop() }
        try await session.openFirstFile(once: "HS-0001")
        try session.sendKeys("m")
        try await session.waitFor(text: "Nhận xét — HS-0001 Đặng Thu Trang")
        try session.sendLiteral("Tháng 11: tích cực.")
        try session.sendKeys("Enter")
        try session.sendLiteral("Cần đọc thêm Điều lệ.")
        // The footer is drawn after the field: waited for together, it must say what Enter does here.
        try await session.waitUntil("the typed note and the footer saying what Enter does") {
            $0.contains("Cần đọc thêm Điều lệ.") && $0.contains("Enter Xuống dòng")
        }
        try session.sendKeys("C-s")
        try await session.waitFor(text: "✓ Đã lưu")
        let shown = try HosoRun.run(["case", "show", "HS-0001", "--data", data, "--today", Self.today])
        #expect(shown.contains("Tháng 11: tích cực.\n    Cần đọc thêm Điều lệ."), "the later line hangs under the note: \(shown)")
    }

    @Test func theListAsShownIsWrittenToACSVFile() async throws {
        let data = try cell(["Đặng Thu Trang", "Vũ Minh Anh", "Trần Thu Hà"])
        let home = NSTemporaryDirectory() + "hoso-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try TmuxSession([try hosoExecutablePath(), "--data", data, "--today", Self.today], width: 80, height: 24,
                                      environment: ["HOME": home])
        defer { session.stop() }
        try await session.waitFor(text: "Bảng tiến độ")
        try session.sendKeys("F2")
        try await session.waitFor(text: "Vũ Minh Anh")
        // Only the names with "thu", turned round (▼): Trang before Hà.
        try session.sendKeys("/")
        try session.sendLiteral("thu")
        try session.sendKeys("Enter", "S")
        try await session.waitFor(text: "sắp xếp: Họ và tên ▼")
        try session.sendKeys("x")
        try await session.waitFor(text: "Xuất danh sách đang xem (2 hồ sơ) ra tệp")
        try session.sendKeys("Enter")
        // The folder, asked as for a report: the home folder before any export.
        try await session.waitFor(text: "Xuất danh sách đang xem ra tệp CSV")
        try session.sendKeys("C-s")
        let path = home + "/danh-sach-ho-so-2026-11-23.csv"
        let screen = try await session.waitFor(text: "Đã ghi báo cáo vào")
        #expect(screen.contains(path), "\(screen)")
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        let trang = try #require(csv.range(of: "Đặng Thu Trang")), ha = try #require(csv.range(of: "Trần Thu Hà"))
        #expect(trang.lowerBound < ha.lowerBound, "in the order shown: \(csv)")
        #expect(!csv.contains("Vũ Minh Anh"), "only the rows shown")
    }
}
