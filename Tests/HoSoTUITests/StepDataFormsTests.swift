import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// Issue 16, item 8 at the terminal: the step forms ask what the CLI's options record (the certificate's
/// date, the biography's date and version), and the file's screen shows the official date of item 3.
@Suite struct StepDataFormsTests {
    @Test func theCertifyFormAsksTheCertificateDateTheStepsDateWhenLeftEmpty() throws {
        let file = try AppFixtures.file("HS-0004", "Phạm Thu Hà", in: .inClass)
        let form = StepForms.form(for: .certify, file: file, data: AppFixtures.cellData([file]))
        #expect(form.fields.map(\.id) == ["date", "number", "issuer", "certDate"])
        #expect(form.fields[3].label == "Ngày cấp (trống: ngày của bước)")
        var values = ["date": "15/04/2024", "number": "CN-1", "issuer": "Trung tâm Chính trị", "certDate": "10/04/2024"]
        #expect(try StepForms.event(for: .certify, values: values).get().0
                    == .certify(number: "CN-1", issuer: "Trung tâm Chính trị", issued: Fixtures.date("2024-04-10")))
        values["certDate"] = ""
        #expect(try StepForms.event(for: .certify, values: values).get().0
                    == .certify(number: "CN-1", issuer: "Trung tâm Chính trị", issued: nil))
    }

    @Test func theDossierFormAsksTheBiographysDateAndNamesItsVersion() throws {
        var file = try AppFixtures.file("HS-0004", "Phạm Thu Hà", in: .certified)
        let data = AppFixtures.cellData([file])
        #expect(StepForms.form(for: .fileDossier, file: file, data: data).fields.map(\.label)
                    == ["Ngày", "Ngày làm đơn", "Ngày lý lịch bản 1 (trống: ngày của bước)"])
        file.biographyVersions = [BiographyVersion(version: 1, date: Fixtures.date("2024-05-02"))]
        #expect(StepForms.form(for: .fileDossier, file: file, data: data).fields.last?.label
                    == "Ngày lý lịch bản 2 (trống: ngày của bước)")
        let values = ["date": "20/05/2024", "application": "18/05/2024", "biography": "15/05/2024"]
        #expect(try StepForms.event(for: .fileDossier, values: values).get().0
                    == .fileDossier(applicationDate: Fixtures.date("2024-05-18"), biographyDate: Fixtures.date("2024-05-15")))
    }

    /// Issue 18 item 14: the dossier (biography) step starts from the papers the clerk has recorded as received.
    @Test func theDossierFormIsPrefilledFromThePapersReceived() throws {
        var file = try AppFixtures.file("HS-0004", "Phạm Thu Hà", in: .certified)
        func values(_ file: CaseFile) -> [String?] {
            let form = StepForms.form(for: .fileDossier, file: file, data: AppFixtures.cellData([file]))
            return ["application", "biography"].map { form.field($0)?.value }
        }
        #expect(values(file) == ["", ""], "nothing received: nothing guessed")
        file.documents = [DocumentRecord(kind: .application, date: Fixtures.date("2024-05-10")),
                          DocumentRecord(kind: .biography, date: Fixtures.date("2024-05-12")),
                          DocumentRecord(kind: .application, date: Fixtures.date("2024-05-18")),
                          DocumentRecord(kind: .healthCertificate, date: Fixtures.date("2024-05-19"))]
        #expect(values(file) == ["18/05/2024", "12/05/2024"], "the latest of each kind")
        // A biography received before the last version recorded is that version's, not a new one's.
        file.biographyVersions = [BiographyVersion(version: 1, date: Fixtures.date("2024-05-15"))]
        #expect(values(file) == ["18/05/2024", ""])
        // The application the file records wins over a paper received.
        file.application = Fixtures.date("2024-05-16")
        #expect(values(file)[0] == "16/05/2024")
        // The form starts clean: Esc leaves without "Bỏ thay đổi?".
        #expect(!StepForms.form(for: .fileDossier, file: file, data: AppFixtures.cellData([file])).isDirty)
    }

    @Test("The probation tab shows the official date beside a later recognition decision, not when they are the same day",
          arguments: [("2025-10-25", true), ("2025-09-30", false)])
    func officialSinceBesideALateDecision(decided: String, shown: Bool) throws {
        var file = try AppFixtures.file("HS-0005", "Đỗ Quang Vinh", in: .official)
        file.officialSince = Fixtures.date("2025-09-30")
        file.recognitionDecision = Decision(number: "301-QĐ/ĐU", date: Fixtures.date(decided), body: "Ban Thường vụ Đảng ủy")
        var state = AppState(data: AppFixtures.cellData([file]))
        AppFixtures.press([.resize(width: 80, height: 24), .char("l"), .enter, .char("6")], into: &state)
        let text = AppView.render(state, width: 80, height: 24).text
        #expect(text.contains("Quyết định công nhận  Số 301-QĐ/ĐU, Ban Thường vụ Đảng ủy, ngày \(Fixtures.date(decided).vietnamese)"), "\(text)")
        #expect(text.contains("Chính thức từ ngày    30/09/2025 (hết dự bị; quyết định ra sau ngày này)") == shown, "\(text)")
        #expect(text.contains("Trạng thái: Đảng viên chính thức (từ 30/09/2025)"), "the header too: \(text)")
    }
}
