import HoSoDomain
import HoSoTestSupport
import Testing

/// Issue 16, item 5: dates that cannot be: after today, a fact after the entry recording it, and the
/// pairs of `DateOrder.rules`; the engine refuses them, `hoso check` reports them.
@Suite("Dates that cannot be")
struct DateOrderTests {
    static let today = Fixtures.date("2026-12-06")

    func context(on day: CivilDate) -> WorkflowContext {
        var context = Fixtures.journey().context(on: day)
        context.today = Self.today
        return context
    }

    @Test("A step dated after today is refused: the day before and today are accepted", arguments: [-1, 0, 1])
    func stepAfterToday(offset: Int) throws {
        let file = Fixtures.newCase(nominated: "2026-11-01")
        let day = Self.today.adding(days: offset)
        let problems = invalidInput { () throws(WorkflowError) in
            try Workflow.apply(.admitToSourceList(mentors: ["M001"]), to: file, context: context(on: day))
        }
        #expect(
            problems == (offset > 0
                ? ["Ngày 07/12/2026 sau ngày hôm nay (06/12/2026): không ghi trước việc chưa xảy ra. "
                    + "Hãy nhập ngày việc đã diễn ra (từ 06/12/2026 trở về trước)."]
                : []))
    }

    @Test("An edit or a new file dated after today is refused", arguments: [-1, 0, 1])
    func editAndNewFileAfterToday(offset: Int) throws {
        let day = Self.today.adding(days: offset)
        let file = Fixtures.newCase(nominated: "2026-11-01")
        let note = invalidInput { () throws(WorkflowError) in
            try Workflow.edit(.addNote(text: "Tích cực."), of: file, context: context(on: day))
        }
        let new = invalidInput { () throws(WorkflowError) in
            try Workflow.newCase(id: "HS-0002", person: Fixtures.person(), source: .youthUnion, context: context(on: day))
        }
        #expect(note.count == (offset > 0 ? 1 : 0))
        #expect(new.count == (offset > 0 ? 1 : 0))
        #expect(note.allSatisfy { $0.hasPrefix("Ngày 07/12/2026 sau ngày hôm nay (06/12/2026)") })
    }

    @Test("A decision received after today is refused", arguments: [-1, 0, 1])
    func decisionReceivedAfterToday(offset: Int) throws {
        let (file, voted) = try Fixtures.file(in: .committeeApproved)
        let received = Self.today.adding(days: offset)
        let problems = invalidInput { () throws(WorkflowError) in
            try Workflow.apply(
                .issueDecision(number: "12-QĐ/ĐU", body: "Đảng ủy phường", received: received), to: file,
                context: context(on: voted.adding(days: 1)))
        }
        #expect(problems == (offset > 0 ? ["Ngày nhận quyết định: Ngày 07/12/2026 sau ngày hôm nay (06/12/2026): không ghi trước việc chưa xảy ra. Hãy nhập ngày việc đã diễn ra (từ 06/12/2026 trở về trước)."] : []))
    }

    @Test("An introducer's letter dated after the edit that records it is refused", arguments: [-1, 0, 1])
    func letterAfterTheEdit(offset: Int) throws {
        let (file, last) = try Fixtures.file(in: .verified)
        let day = last.adding(days: 5)
        let letter = day.adding(days: offset)
        let problems = invalidInput { () throws(WorkflowError) in
            try Workflow.edit(
                .addIntroducer(Introducer(memberID: "M002", knownSince: Fixtures.date("2020-01-01"), letterDate: letter)),
                of: file, context: context(on: day))
        }
        #expect(
            problems == (offset > 0
                ? ["Hồ sơ HS-0001: Ngày thư giới thiệu \(letter) sau ngày ghi vào hồ sơ \(day) (\"Thêm người giới thiệu\"): "
                    + "không ghi trước việc chưa xảy ra; hãy kiểm tra lại ngày, hoặc ghi vào ngày \(letter) trở về sau."]
                : []))
    }

    @Test("An edit dated before the file's nomination is refused", arguments: [-1, 0, 1])
    func editBeforeNomination(offset: Int) throws {
        var file = Fixtures.newCase(nominated: "2026-11-01")
        file = try Workflow.edit(.addNote(text: "Tiếp nhận."), of: file, context: context(on: file.nominationDate))
        file.history.removeAll()  // as a file written before the history began
        let day = file.nominationDate.adding(days: offset)
        let problems = invalidInput { () throws(WorkflowError) in
            try Workflow.edit(.addTask(text: "Đọc Điều lệ", due: nil), of: file, context: context(on: day))
        }
        // The nomination, the file's state since then and the note written that day are all later.
        #expect(problems.count == (offset < 0 ? 3 : 0), "\(problems)")
        #expect(problems.first?.contains("Ngày giới thiệu 01/11/2026 sau ngày ghi vào hồ sơ 31/10/2026") ?? (offset >= 0))
    }

    @Test("A mentor's note dated before the mentor's assignment is refused", arguments: [-1, 0, 1])
    func noteBeforeTheMentor(offset: Int) throws {
        let (file, admitted) = try Fixtures.file(in: .sympathizer)
        let assigned = admitted.adding(days: 3)
        let withMentor = try Workflow.edit(.assignMentor("M002"), of: file, context: context(on: assigned))
        let problems = invalidInput { () throws(WorkflowError) in
            try Workflow.edit(.addNote(text: "Tích cực."), of: withMentor, context: context(on: assigned.adding(days: offset)))
        }
        #expect(problems.count == (offset < 0 ? 1 : 0))
        #expect(problems.allSatisfy { $0.contains("trước ngày của mục cuối trong lịch sử hồ sơ") && $0.contains("\(assigned)") })
    }

    @Test("check reports a result returned before it was sent, naming both dates", arguments: [-1, 0, 1])
    func returnedBeforeSent(offset: Int) throws {
        var (file, _) = try Fixtures.file(in: .verifying)
        let sent = Fixtures.date("2024-05-10")
        file.verificationItems = [
            VerificationItem(
                relation: .father, fullName: "Nguyễn Văn Ba", birthYear: 1965, place: "Huế", sent: sent,
                returned: sent.adding(days: offset), result: .clear)
        ]
        let problems = CaseInvariants.problems(in: file).filter { $0.contains("thẩm tra") }
        #expect(
            problems == (offset < 0
                ? ["Hồ sơ HS-0001: Ngày nhận kết quả thẩm tra (Nguyễn Văn Ba) 09/05/2024 trước ngày gửi thẩm tra 10/05/2024: "
                    + "ngày nhận kết quả thẩm tra không được trước ngày gửi thẩm tra; hãy kiểm tra lại hai ngày này."]
                : []))
    }

    /// A breach the file already had (written by an older version, or by hand) is `hoso check`'s to
    /// report: it does not block a later change that keeps it, but a change bringing a new one is refused
    /// for the new one alone.
    @Test("A breach the file already had does not block a change; a new one is refused on its own")
    func aBreachAlreadyThereIsNotTheChangesFault() throws {
        var (file, day) = try Fixtures.file(in: .verifying)
        let sent = Fixtures.date("2024-05-10")
        file.verificationItems = [
            VerificationItem(
                relation: .father, fullName: "Nguyễn Văn Ba", birthYear: 1965, place: "Huế", sent: sent,
                returned: sent.adding(days: -1), result: .clear)
        ]
        let already = CaseInvariants.problems(in: file)
        #expect(already.count == 1 && already[0].contains("trước ngày gửi thẩm tra"), "\(already)")

        let withMentor = try Workflow.edit(.assignMentor("M002"), of: file, context: context(on: day))
        #expect(withMentor.activeMentors.map(\.memberID).contains("M002"))
        #expect(CaseInvariants.problems(in: withMentor) == already, "kept, for hoso check to report")

        let problems = invalidInput { () throws(WorkflowError) in
            try Workflow.edit(.addNote(text: "Tích cực."), of: withMentor, context: context(on: day.adding(days: -1)))
        }
        #expect(problems.count == 1)
        #expect(problems.allSatisfy { $0.contains("trước ngày của mục cuối trong lịch sử hồ sơ") }, "\(problems)")
    }

    @Test("The table states each rule once, every pair named in words")
    func theTable() {
        #expect(DateOrder.rules.map { "\($0.later) ≥ \($0.earlier)" } == [
            "ngày nhận kết quả thẩm tra ≥ ngày gửi thẩm tra", "ngày nhận quyết định ≥ ngày quyết định",
            "ngày cấp giấy chứng nhận bồi dưỡng ≥ ngày vào lớp", "ngày thư giới thiệu ≥ ngày bắt đầu cùng công tác",
            "ngày thôi giúp đỡ ≥ ngày phân công người giúp đỡ", "hạn nhiệm vụ ≥ ngày giao nhiệm vụ",
            "ngày hoàn thành nhiệm vụ ≥ ngày giao nhiệm vụ", "ngày lễ kết nạp ≥ ngày quyết định kết nạp",
        ])
    }
}
