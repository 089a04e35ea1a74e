import HoSoDomain
import HoSoTestSupport
import Testing

@Suite("The papers of the steps, filled from the file")
struct StepDocumentTests {
    let organisation = Organisation(units: [Fixtures.cell()], members: Fixtures.members)

    @Test("The cell's resolution proposing admission (6-KNĐ) carries the file's data and the vote, in the frame")
    func cellResolution() throws {
        let (file, _) = try Fixtures.file(in: .cellApproved)
        let vote = try #require(file.cellVote)
        let paper = try StepDocument.cellResolution.draw(for: file, organisation: organisation, number: 7)
        #expect(paper.title == "Nghị quyết đề nghị kết nạp đảng viên")
        #expect(paper.confidential && paper.portrait)
        #expect(paper.date == vote.date, "dated the day of the vote unless told otherwise")
        #expect(paper.frame?.numberLine == "Số 7-NQ/CB")
        #expect(paper.body.first == "Ngày \(vote.date.vietnamese), Chi bộ Khu phố 3 họp xét đề nghị kết nạp quần chúng \(file.person.fullName) vào Đảng.")
        #expect(paper.body.contains("Kết quả biểu quyết: \(vote.votesFor)/\(vote.eligible) đảng viên chính thức tán thành (đạt \(Percent.text(Double(vote.votesFor) * 100 / Double(vote.eligible), decimals: 1))), \(vote.votesAgainst) không tán thành."))
        #expect(paper.body.last == "Chi bộ Khu phố 3 đề nghị cấp ủy cấp trên xem xét, kết nạp quần chúng \(file.person.fullName) vào Đảng Cộng sản Việt Nam.")
        let introducers = file.introducers.map { id in Fixtures.members.first { $0.id == id.memberID }?.fullName ?? "" }
        #expect(paper.body.contains("Đảng viên giới thiệu: " + introducers.joined(separator: ", ") + "."))
    }

    @Test("A paper whose step is not recorded yet is refused, naming the step to record")
    func refusedBeforeTheStep() throws {
        let (file, _) = try Fixtures.file(in: .introduced)
        #expect(throws: StepDocumentProblem(
            message: "Hồ sơ \(file.id) chưa có biểu quyết của chi bộ (bước cell-vote), nên chưa lập được nghị quyết chi bộ đề nghị kết nạp đảng viên (6-KNĐ). "
                + "Hãy ghi bước đó trước: hoso case do \(file.id) cell-vote …")) {
            try StepDocument.cellResolution.draw(for: file, organisation: organisation)
        }
        #expect(throws: StepDocumentProblem.self) { try StepDocument.recognitionResolution.draw(for: file, organisation: organisation) }
    }

    @Test("The recognition resolution proposes the day the 12 months of probation end, not the meeting's")
    func recognitionFromTheEndOfProbation() throws {
        let (file, _) = try Fixtures.file(in: .official)
        let ceremony = try #require(file.ceremony)
        let paper = try StepDocument.recognitionResolution.draw(for: file, organisation: organisation)
        #expect(paper.periodLabel == "Đảng viên dự bị \(file.person.fullName) — hồ sơ \(file.id)")
        #expect(paper.body.last?.hasSuffix("kể từ ngày \(ceremony.adding(months: 12).vietnamese) (ngày hết 12 tháng dự bị).") == true, "\(paper.body.last ?? "")")
    }

    @Test("The class list names everyone in the same class, in Vietnamese name order, and only them")
    func classList() throws {
        let (first, _) = try Fixtures.file(in: .inClass)
        var second = first
        second.id = "HS-0002"
        second.person.fullName = "An Văn Bình"
        var other = first
        other.id = "HS-0003"
        other.enrolment?.className = "Lớp khác"
        let paper = try StepDocument.classList.draw(for: first, organisation: organisation, classmates: [first, second, other])
        let table = try #require(paper.tables.first)
        #expect(table.rows.map { $0[1] } == ["An Văn Bình", first.person.fullName])
        #expect(table.rows.map { $0[0] } == ["1", "2"])
        #expect(paper.frame?.numberLine == "Số     -DS/CB")
    }

    @Test("Printed, a resolution is an A4 portrait page with its paragraphs; the text form keeps them too")
    func rendered() throws {
        let (file, _) = try Fixtures.file(in: .cellApproved)
        let paper = try StepDocument.cellResolution.draw(for: file, organisation: organisation)
        let html = ReportHTMLRenderer.render(paper)
        #expect(html.contains("@page { size: A4 portrait;"))
        #expect(html.contains("<p class=\"body\">Ngày \(try #require(file.cellVote).date.vietnamese), Chi bộ Khu phố 3 họp xét"))
        let text = ReportTextRenderer.render(paper)
        #expect(text.contains("\nNGHỊ QUYẾT ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN\n"))
        #expect(text.contains("\n" + (paper.body.last ?? "-") + "\n"))
    }
}
