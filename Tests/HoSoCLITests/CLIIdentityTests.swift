import Foundation
import HoSoTestSupport
import Testing

@Suite("Correcting a candidate's identity at the CLI")
struct CLIIdentityTests {
    @Test("Only the fields named change; each is printed and kept in the history with its old value")
    func namedFieldsOnly() throws {
        let cli = try CLIWorkspace()
        try cli.setUpCell(born: "2007-04-12")
        let output = try cli.ok("case", "identity", "HS-0001", "--born", "1997-04-12", "--youth-union", "--occupation", "Kỹ sư",
                                "--date", "2024-02-01")
        #expect(output.contains("Đã lưu: Sửa thông tin cá nhân — hồ sơ HS-0001."))
        #expect(output.contains("Ngày sinh: 12/04/2007 → 12/04/1997"))
        #expect(output.contains("Đoàn viên: Không → Có"))
        let json = try cli.ok("case", "show", "HS-0001", "--json")
        let file = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let person = try #require(file["person"] as? [String: Any])
        #expect(person["birthDate"] as? String == "1997-04-12")
        #expect(person["fullName"] as? String == "Nguyễn Thị Ánh", "a field not named keeps its value")
        #expect(person["education"] as? String == "university")
        #expect(person["youthUnionMember"] as? Bool == true)
        let history = try cli.ok("case", "history", "HS-0001")
        #expect(history.contains("Sửa thông tin cá nhân"))

        let undone = try cli.ok("case", "identity", "HS-0001", "--no-youth-union", "--date", "2024-02-02")
        #expect(undone.contains("Đoàn viên: Có → Không"))
    }
}
