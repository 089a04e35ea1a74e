import Foundation
import HoSoTestSupport
import Testing

@Suite("hoso case print: the papers of the steps")
struct CLICasePrintTests {
    @Test("A clerk prints the cell's resolution of a file the cell voted on; a step not taken yet is refused; a mentor may not print")
    func printsRefusesAndChecksTheRole() throws {
        let binary = try hosoExecutablePath()
        let data = HosoRun.temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: data) }
        try HosoRun.run(["demo", "--data", data, "--no-open", "--today", "2026-12-06"])
        let listed = try HosoRun.run(["case", "list", "--data", data, "--state", "cellApproved", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let id = try #require(rows.first?["id"] as? String)
        let name = try #require(rows.first?["name"] as? String)

        let text = try HosoRun.run(["case", "print", id, "--document", "cell-resolution", "--format", "text", "--number", "12", "--data", data])
        #expect(text.hasPrefix("MẬT\n"))
        #expect(text.contains("Số 12-NQ/CB"))
        #expect(text.contains("\nNGHỊ QUYẾT ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN\n"))
        #expect(text.contains("họp xét đề nghị kết nạp quần chúng \(name) vào Đảng."))
        #expect(text.contains("Kết quả biểu quyết: "))

        let early = try ChildProcess.run([binary, "case", "print", id, "--document", "recognition-resolution", "--data", data])
        #expect(early.status == 1)
        #expect(early.standardError.contains("chưa có biểu quyết công nhận của chi bộ (bước recognize)"), "\(early.standardError)")

        let output = NSTemporaryDirectory() + "nghi-quyet-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: output) }
        try HosoRun.run(["case", "print", id, "--document", "cell-resolution", "-o", output, "--data", data])
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("@page { size: A4 portrait;") && html.contains("<p class=\"body\">"))

        let csv = try ChildProcess.run([binary, "case", "print", id, "--document", "cell-resolution", "--format", "csv", "--data", data])
        #expect(csv.status == 1 && csv.standardError.contains("Giấy tờ in ra dạng text hoặc html."), "\(csv.standardError)")

        let mentor = try ChildProcess.run(
            [binary, "case", "print", id, "--document", "cell-resolution", "--data", data, "--as", "giupdo"],
            environment: ["HOSO_PASSPHRASE": "giupdo-2026"])
        #expect(mentor.status == 4, "\(mentor.standardError)")
        #expect(mentor.standardOutput.isEmpty)
    }
}
