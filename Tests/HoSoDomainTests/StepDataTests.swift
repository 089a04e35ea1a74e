import HoSoDomain
import HoSoTestSupport
import Testing

/// The problems the engine refused `body` for; [] when it accepted, `other: …` for another refusal.
func invalidInput(_ body: () throws(WorkflowError) -> CaseFile) -> [String] {
    do {
        _ = try body()
        return []
    } catch .invalidInput(let problems) {
        return problems
    } catch {
        return ["other: \(error)"]
    }
}

/// Issue 16, item 8: every step records the data it is about, and says what is missing.
@Suite("Steps that record their own data")
struct StepDataTests {
    @Test("certify: the certificate's date is its own, at most the step's date; the step's date by default")
    func certificateDate() throws {
        let (file, enrolled) = try Fixtures.file(in: .inClass)
        let day = enrolled.adding(days: 10)
        let context = Fixtures.journey().context(on: day)
        func certify(issued: CivilDate?) throws(WorkflowError) -> CaseFile {
            try Workflow.apply(.certify(number: "CN-7", issuer: "Trung tâm Chính trị", issued: issued), to: file, context: context)
        }
        #expect(try certify(issued: day.adding(days: -1)).certificate?.issued == day.adding(days: -1))
        #expect(try certify(issued: day.adding(days: -1)).documents.last?.date == day.adding(days: -1))
        #expect(try certify(issued: day).certificate?.issued == day)
        #expect(try certify(issued: nil).certificate?.issued == day)
        #expect(
            invalidInput { () throws(WorkflowError) in try certify(issued: day.adding(days: 1)) }
                == ["Ngày cấp giấy chứng nhận (\(day.adding(days: 1))) sau ngày ghi nhận (\(day)); ngày cấp không được muộn hơn ngày của bước."])
    }

    @Test("certify: a certificate dated before the class is still refused by the guard")
    func certificateBeforeClass() throws {
        let (file, enrolled) = try Fixtures.file(in: .inClass)
        let context = Fixtures.journey().context(on: enrolled.adding(days: 10))
        #expect {
            try Workflow.apply(.certify(number: "CN-7", issuer: "TTCT", issued: enrolled.adding(days: -1)), to: file, context: context)
        } throws: { error in
            guard case .refused(_, _, let unmet) = error as? WorkflowError else { return false }
            return unmet.map(\.code) == ["certificate.afterClass"]
        }
        #expect(try Workflow.apply(.certify(number: "CN-7", issuer: "TTCT", issued: enrolled), to: file, context: context).state == .certified)
    }

    @Test("file-dossier: the biography's date is recorded, at most the step's date")
    func biographyDate() throws {
        let (file, certified) = try Fixtures.file(in: .certified)
        let day = certified.adding(days: 20)
        let context = Fixtures.journey().context(on: day)
        func fileDossier(biography: CivilDate?) throws(WorkflowError) -> CaseFile {
            try Workflow.apply(.fileDossier(applicationDate: day.adding(days: -5), biographyDate: biography), to: file, context: context)
        }
        #expect(try fileDossier(biography: day.adding(days: -1)).latestBiography == BiographyVersion(version: 1, date: day.adding(days: -1)))
        #expect(try fileDossier(biography: day).latestBiography?.date == day)
        #expect(try fileDossier(biography: nil).latestBiography?.date == day)
        #expect(
            invalidInput { () throws(WorkflowError) in try fileDossier(biography: day.adding(days: 1)) }
                == ["Ngày lý lịch (\(day.adding(days: 1))) sau ngày nhận hồ sơ (\(day))."])
    }

    @Test("A party-member relative's open item tells how to record the exemption")
    func exemptHint() throws {
        var (file, day) = try Fixtures.file(in: .dossier)
        let context = Fixtures.journey().context(on: day.adding(days: 3))
        file = try Workflow.edit(.addVerificationItem(VerificationItem(relation: .candidate, fullName: "Nguyễn Thị Minh Khai", birthYear: 1998, sent: context.date)), of: file, context: context)
        file = try Workflow.edit(.addVerificationItem(VerificationItem(relation: .father, fullName: "Nguyễn Văn Tư", birthYear: 1965, sent: context.date)), of: file, context: context)
        file = try Workflow.edit(.addVerificationItem(VerificationItem(relation: .mother, fullName: "Lê Thị Hoa", birthYear: 1968, isPartyMember: true)), of: file, context: context)
        file = try Workflow.apply(.startVerification, to: file, context: context)
        file = try Workflow.edit(.recordVerificationResult(index: 0, result: .clear, returned: context.date), of: file, context: context)
        let blockers = Workflow.blockers(to: .verified, of: file, context: context)
        #expect(
            blockers.map(\.detail)
                == ["Còn 2 phiếu chưa có kết quả: Cha đẻ Nguyễn Văn Tư, Mẹ đẻ Lê Thị Hoa (người thân là đảng viên: "
                    + "ghi kết quả miễn thẩm tra bằng hoso case verify result HS-0001 --item 3 --result exempt)"])
        file = try Workflow.edit(.recordVerificationResult(index: 2, result: .exempt, returned: nil), of: file, context: context)
        #expect(Workflow.blockers(to: .verified, of: file, context: context).map(\.detail) == ["Còn 1 phiếu chưa có kết quả: Cha đẻ Nguyễn Văn Tư"])
    }

    @Test("A missing decision or certificate is said once, not once per field")
    func blockersSaidOnce() throws {
        let (decided, day) = try Fixtures.file(in: .committeeApproved)
        let context = Fixtures.journey().context(on: day.adding(days: 5))
        #expect(Workflow.blockers(to: .decided, of: decided, context: context).map(\.sentence) == ["Chưa có quyết định"])
        let (inClass, enrolled) = try Fixtures.file(in: .inClass)
        #expect(
            Workflow.blockers(to: .certified, of: inClass, context: Fixtures.journey().context(on: enrolled)).map(\.sentence)
                == ["Chưa có giấy chứng nhận (Hướng dẫn 06-HD/TW)"])
    }

    @Test("A negative vote count is bad input that says it must be 0 or more; 0 is a count like any other")
    func negativeVotes() throws {
        let (file, day) = try Fixtures.file(in: .introduced)
        let context = Fixtures.journey().context(on: day.adding(days: 10))
        #expect(
            invalidInput { () throws(WorkflowError) in
                try Workflow.apply(.cellVote(votesFor: -1, votesAgainst: 0, exemptAbsent: 0), to: file, context: context)
            } == ["Số phiếu tán thành (-1) phải từ 0 trở lên."])
        #expect(
            invalidInput { () throws(WorkflowError) in
                try Workflow.apply(.cellVote(votesFor: 7, votesAgainst: -1, exemptAbsent: 0), to: file, context: context)
            } == ["Số phiếu không tán thành (-1) phải từ 0 trở lên."])
        #expect {
            try Workflow.apply(.cellVote(votesFor: 0, votesAgainst: 0, exemptAbsent: 0), to: file, context: context)
        } throws: { error in
            guard case .refused(_, _, let unmet) = error as? WorkflowError else { return false }
            return unmet.map(\.code) == ["vote.cell"]
        }
    }
}
