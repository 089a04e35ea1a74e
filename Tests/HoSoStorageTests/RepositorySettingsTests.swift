import Foundation
import HoSoDomain
import HoSoStorage
import HoSoTestSupport
import Testing

@Suite("Bad settings files are named, not fatal, and nothing is written")
struct RepositorySettingsTests {
    /// Writes `contents` as `name` beside an existing store, opens it, and returns the refusal.
    private func refusal(writing contents: String, as name: String) throws -> RepositoryError? {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        _ = try workspace.create()
        writeFile(workspace.directory + "/" + name, Array(contents.utf8))
        let before = fileFingerprints(workspace.directory)
        var refusal: RepositoryError?
        do {
            _ = try Repository.open(at: workspace.directory)
            Issue.record("\(name) with \(contents) was accepted")
        } catch {
            refusal = error
        }
        #expect(fileFingerprints(workspace.directory) == before, "a refused open writes nothing")
        if let refusal {
            #expect(refusal.message.contains(workspace.directory + "/" + name), "the message names the file: \(refusal.message)")
        }
        return refusal
    }

    @Test("rules.json: a value of the wrong type")
    func rulesWrongType() throws {
        let message = try refusal(writing: #"{"documentValidityMonths": "12"}"#, as: "rules.json")?.message ?? ""
        #expect(message.contains("Tham số documentValidityMonths phải là số nguyên"), "\(message)")
        #expect(message.contains("chuỗi \"12\""))
    }

    @Test("rules.json: an unknown parameter")
    func rulesUnknownKey() throws {
        let message = try refusal(writing: #"{"documentValidityMonth": 12}"#, as: "rules.json")?.message ?? ""
        #expect(message.contains("Không có tham số tên \"documentValidityMonth\""), "\(message)")
    }

    @Test("rules.json: a value out of range")
    func rulesOutOfRange() throws {
        let message = try refusal(writing: #"{"probationMonths": 5000}"#, as: "rules.json")?.message ?? ""
        #expect(message.contains("probationMonths = 5000 nằm ngoài khoảng cho phép 0…3650"), "\(message)")
    }

    @Test("rules.json: not JSON at all")
    func rulesNotJSON() throws {
        let message = try refusal(writing: "documentValidityMonths = 12", as: "rules.json")?.message ?? ""
        #expect(message.contains("không phải một đối tượng JSON hợp lệ"), "\(message)")
    }

    @Test("holidays.json: a list of the wrong type")
    func holidaysWrongType() throws {
        let message = try refusal(writing: #"{"cancelledDaysOff": "2025-09-03"}"#, as: "holidays.json")?.message ?? ""
        #expect(message.contains("sai kiểu dữ liệu tại cancelledDaysOff"), "\(message)")
    }

    @Test("holidays.json: a date that does not exist")
    func holidaysImpossibleDate() throws {
        let message = try refusal(
            writing: #"{"extraDaysOff": [{"date": "2025-02-30", "reason": "Nghỉ bù"}]}"#, as: "holidays.json")?.message ?? ""
        #expect(message.contains("Ngày không hợp lệ: 2025-02-30"), "\(message)")
        #expect(message.contains("extraDaysOff"), "the place in the file: \(message)")
    }

    @Test("holidays.json: a day both added and cancelled")
    func holidaysAddedAndCancelled() throws {
        let contents = #"""
            {"extraDaysOff": [{"date": "2025-09-03", "reason": "Nghỉ Quốc khánh"}], "cancelledDaysOff": ["2025-09-03"]}
            """#
        let message = try refusal(writing: contents, as: "holidays.json")?.message ?? ""
        #expect(message.contains("vừa được thêm làm ngày nghỉ vừa được ghi là không nghỉ"), "\(message)")
    }

    @Test("Valid settings files are used")
    func validSettingsApply() throws {
        let workspace = RepositoryWorkspace()
        defer { workspace.remove() }
        _ = try workspace.create()
        writeFile(workspace.directory + "/rules.json", Array(#"{"documentValidityMonths": 6}"#.utf8))
        writeFile(
            workspace.directory + "/holidays.json",
            Array(#"{"extraDaysOff": [{"date": "2025-09-03", "reason": "Nghỉ thêm dịp Quốc khánh"}]}"#.utf8))
        let repository = try workspace.open()
        #expect(repository.rulebook[.documentValidityMonths] == 6)
        #expect(!repository.calendar.isWorkingDay(Fixtures.date("2025-09-03")))
        #expect(repository.check().isClean, "settings files at 0600 are not problems: \(repository.check())")
    }
}
