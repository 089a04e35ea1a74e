import HoSoDomain
import HoSoTestSupport
import Testing

@Suite("From nomination to official member")
struct JourneyTests {
    @Test("A file goes the whole main path with realistic dates, each step recorded in its history")
    func wholeJourney() throws {
        let (file, date) = try Fixtures.file(in: .official)
        #expect(file.state == .official)
        #expect(file.history.map(\.action).filter { Event.Kind(rawValue: $0) != nil }.count == 13)
        let ceremony = try #require(file.ceremony)
        #expect(date >= ceremony.adding(months: 12))
        #expect(file.recognitionDecision != nil)
        #expect(file.history.allSatisfy { $0.actor == "Thư ký chi bộ" })
    }

    @Test("Pause and resume return to the state left")
    func pauseResume() throws {
        let (file, date) = try Fixtures.file(in: .verifying)
        let context = Fixtures.journey().context(on: date.adding(days: 1))
        let paused = try Workflow.apply(.pause(reason: "Vấn đề lịch sử chính trị cần làm rõ"), to: file, context: context)
        #expect(paused.state == .paused)
        #expect(paused.sideState?.resumeState == .verifying)
        #expect(paused.sideState?.reason == "Vấn đề lịch sử chính trị cần làm rõ")
        let resumed = try Workflow.apply(.resume, to: paused, context: context)
        #expect(resumed.state == .verifying)
        #expect(resumed.sideState == nil)
    }

    @Test("A removed person re-enters at nomination")
    func removeAndReenter() throws {
        let (file, date) = try Fixtures.file(in: .sympathizer)
        let removed = try Workflow.apply(
            .remove(reason: "Chuyển công tác"), to: file, context: Fixtures.journey().context(on: date.adding(days: 5)))
        #expect(removed.state == .removed)
        let back = try Workflow.apply(.reenter, to: removed, context: Fixtures.journey().context(on: date.adding(days: 400)))
        #expect(back.state == .nominated)
        #expect(back.mentors == file.mentors, "the history of the file is kept")
    }

    @Test("A side state needs a reason")
    func sideStateNeedsReason() throws {
        let (file, date) = try Fixtures.file(in: .sympathizer)
        #expect(throws: WorkflowError.self) {
            try Workflow.apply(.remove(reason: ""), to: file, context: Fixtures.journey().context(on: date))
        }
    }

    @Test("A decision revoked for the procedure is redone; for the standards it cannot be")
    func revocation() throws {
        let (file, date) = try Fixtures.file(in: .decided)
        let context = Fixtures.journey().context(on: date.adding(days: 3))
        let procedure = try Workflow.apply(.revokeDecision(reason: "Sai thẩm quyền", kind: .procedure), to: file, context: context)
        let redone = try Workflow.apply(.redoProcedure, to: procedure, context: context)
        #expect(redone.state == .verified)
        #expect(redone.cellVote == nil && redone.decision == nil)

        let standards = try Workflow.apply(.revokeDecision(reason: "Khai man lý lịch", kind: .standards), to: file, context: context)
        #expect {
            try Workflow.apply(.redoProcedure, to: standards, context: context)
        } throws: { error in
            guard case .refused(_, _, let unmet) = error as? WorkflowError else { return false }
            return unmet.map(\.code) == ["revocation.procedure"]
        }
    }

    @Test("Probation is never extended: before 12 months the review cannot start")
    func probationTwelveMonths() throws {
        let (file, _) = try Fixtures.file(in: .probation)
        let ceremony = try #require(file.ceremony)
        let journey = Fixtures.journey()
        #expect(throws: WorkflowError.self) {
            try Workflow.apply(.completeProbation, to: file, context: journey.context(on: ceremony.adding(months: 12).adding(days: -1)))
        }
        let done = try Workflow.apply(.completeProbation, to: file, context: journey.context(on: ceremony.adding(months: 12)))
        #expect(done.state == .probationReview)
    }

    @Test("Steps must follow in time: a date before the previous step is refused")
    func datesInOrder() throws {
        let (file, date) = try Fixtures.file(in: .sympathizer)
        #expect {
            try Workflow.apply(.enrollInClass(className: "Lớp A"), to: file, context: Fixtures.journey().context(on: date.adding(days: -1)))
        } throws: { error in
            guard case .invalidInput(let problems) = error as? WorkflowError else { return false }
            return problems.contains { $0.contains("trước ngày của bước trước") }
        }
    }
}
