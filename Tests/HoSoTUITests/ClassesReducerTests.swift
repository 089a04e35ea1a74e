import HoSoDomain
import HoSoTestSupport
import Testing
@testable import HoSoTUI

/// The classes screen's own reducer, scoped like the units screen's: its state and the app in, what it asks
/// of the app out (the file, the certificates' form, a warning).
@Suite struct ClassesReducerTests {
    @Test func itTicksAndAsksForTheCertificatesOfThoseInClass() throws {
        let app = AppState(data: AppFixtures.cellData([try AppFixtures.file("HS-0004", "Phạm Thu Hà", in: .inClass),
                                                       try AppFixtures.file("HS-0006", "Ngô Văn Bình", in: .certified)]))
        let group = try #require(ClassesLogic.groups(app.index).first)
        let ids = group.rows.map { app.index.rows[$0].file.id }
        let inClass = group.rows.map { app.index.rows[$0].file }.filter { $0.state == .inClass }.map(\.id)
        try #require(!inClass.isEmpty)
        var classes = ClassesState()
        #expect(ClassesLogic.reduce(&classes, .open, app: app) == .push(.detail(DetailState(caseID: ids[0]))))
        #expect(ClassesLogic.reduce(&classes, .nextStep, app: app)
                    == .openForm(FormState(form: EditForms.form(for: .certifyClass(inClass), file: nil, data: app.data),
                                           purpose: .certifyClass(inClass), baseRevision: nil)))
        // A file ticked that is not in class leaves nobody to certify: a warning, no form.
        #expect(inClass == ["HS-0004"])
        let certified = try #require(ids.firstIndex(of: "HS-0006"))
        classes.candidate = certified
        #expect(ClassesLogic.reduce(&classes, .toggle, app: app) == nil)
        #expect(classes.ticked == ["HS-0006"])
        #expect(ClassesLogic.reduce(&classes, .nextStep, app: app)
                    == .warn(StatusMessage("Lớp không còn học viên nào chờ giấy chứng nhận.", kind: .warning)))
        // Another class (or the same, when there is one) starts with nothing ticked.
        #expect(ClassesLogic.reduce(&classes, .right, app: app) == nil)
        #expect(classes.ticked.isEmpty && classes.candidate == 0)
    }
}
