import HoSoDomain
import HoSoTestSupport
import Testing

/// Issue 16, item 3: official from the day the 12 months of probation end (QĐ 29-QĐ/TW, mục 4).
@Suite("Official from the end of probation")
struct OfficialDateTests {
    /// A file whose ceremony was held on `ceremony`, with the probation completed on `completed`.
    private func inReview(ceremony: String, completed: String) throws -> CaseFile {
        let journey = Fixtures.journey()
        var (file, _) = try Fixtures.file(in: .decided)
        file = try Workflow.apply(.holdCeremony, to: file, context: journey.context(on: Fixtures.date(ceremony)))
        return try Workflow.apply(.completeProbation, to: file, context: journey.context(on: Fixtures.date(completed)))
    }

    private func recognize(_ file: CaseFile, on day: String) throws -> CaseFile {
        try Workflow.apply(
            .recognize(
                votesFor: 7, votesAgainst: 0, exemptAbsent: 0,
                certificate: Certificate(number: "ĐVM-1", issuer: "Trung tâm Chính trị", issued: Fixtures.date("2025-06-20")),
                decisionNumber: "301-QĐ/ĐU", decisionBody: "Ban Thường vụ Đảng ủy phường"),
            to: file, context: Fixtures.journey().context(on: Fixtures.date(day)))
    }

    @Test("Recognised on the day the 12 months end, the day after, or six weeks late: official from the end of probation",
          arguments: ["2025-10-01", "2025-10-02", "2025-11-14"])
    func officialSince(recognised: String) throws {
        let file = try recognize(try inReview(ceremony: "2024-10-01", completed: "2025-10-01"), on: recognised)
        #expect(file.state == .official)
        #expect(file.officialSince == Fixtures.date("2025-10-01"))
        #expect(file.recognitionDecision?.date == Fixtures.date(recognised))
        #expect(file.history.last?.changes.contains(FieldChange(field: "Đảng viên chính thức từ ngày", before: "", after: "01/10/2025")) == true)
    }

    @Test("The day before the 12 months end, the probation cannot be completed, so nobody is official early")
    func dayBefore() throws {
        #expect {
            try inReview(ceremony: "2024-10-01", completed: "2025-09-30")
        } throws: { error in
            guard case .refused(_, _, let unmet) = error as? WorkflowError else { return false }
            return unmet.map(\.code) == ["probation.complete"]
        }
    }

    @Test("A refused recognition records no official date")
    func refusedLeavesNothing() throws {
        let review = try inReview(ceremony: "2024-10-01", completed: "2025-10-01")
        #expect(throws: WorkflowError.self) {
            try Workflow.apply(
                .recognize(votesFor: 1, votesAgainst: 0, exemptAbsent: 0, certificate: nil, decisionNumber: "", decisionBody: ""),
                to: review, context: Fixtures.journey().context(on: Fixtures.date("2025-10-10")))
        }
        #expect(review.officialSince == nil)
    }
}
