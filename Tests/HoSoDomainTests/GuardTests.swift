import HoSoDomain
import HoSoTestSupport
import Testing

/// Runs the cell vote on `day` for a file that has everything else ready.
private func cellVote(
    person: Person = Fixtures.person(), unit: Unit = Fixtures.cell(), on day: String? = nil,
    votesFor: Int? = nil, against: Int = 0, exemptAbsent: Int = 0
) throws -> Result<CaseFile, WorkflowError> {
    let (file, date) = try Fixtures.file(in: .introduced, person: person, unit: unit)
    let voteDay = day.map(Fixtures.date) ?? date.adding(days: 10)
    let eligible = Workflow.cellEligible(unit.memberCounts, exemptAbsent: exemptAbsent)
    let journey = Fixtures.journey(unit: unit)
    return Result { () throws(WorkflowError) -> CaseFile in
        try Workflow.apply(
            .cellVote(votesFor: votesFor ?? eligible, votesAgainst: against, exemptAbsent: exemptAbsent), to: file,
            context: journey.context(on: voteDay))
    }
}

private func unmetCodes(_ result: Result<CaseFile, WorkflowError>) -> [String] {
    guard case .failure(.refused(_, _, let unmet)) = result else { return [] }
    return unmet.map(\.code)
}

@Suite("Guards at their boundaries")
struct GuardTests {
    @Test("Age is counted in months at the vote date: the day before the 18th birthday is refused")
    func minimumAge() throws {
        // Born 2006-09-20: the whole file is prepared while under 18, the vote is what counts.
        let young = Fixtures.person(born: "2006-09-20")
        let refused = try cellVote(person: young, on: "2024-09-19")
        #expect(unmetCodes(refused) == ["age.minimum"])
        guard case .failure(.refused(_, _, let unmet)) = refused else { Issue.record("not refused"); return }
        #expect(unmet[0].sentence == "17 năm 11 tháng tại ngày chi bộ xét (19/09/2024); cần đủ 18 tuổi (Quy định 294-QĐ/TW — tuổi đời tính theo tháng)")
        let accepted = try cellVote(person: young, on: "2024-09-20")
        #expect(try accepted.get().state == .cellApproved)
    }

    @Test("17 years 9 months is reported as such")
    func ageSentence() throws {
        let refused = try cellVote(person: Fixtures.person(born: "2006-12-20"), on: "2024-09-25")
        guard case .failure(.refused(_, _, let unmet)) = refused else { Issue.record("not refused"); return }
        #expect(unmet.first?.detail.hasPrefix("17 năm 9 tháng tại ngày chi bộ xét") == true)
    }

    @Test("Full 60 is accepted; 60 years and 1 month is refused")
    func maximumAge() throws {
        let older = Fixtures.person(born: "1964-09-10")
        #expect(unmetCodes(try cellVote(person: older, on: "2024-09-10")) == [])
        #expect(unmetCodes(try cellVote(person: older, on: "2024-10-10")) == ["age.maximum"])
    }

    @Test("The certificate is valid the day before 60 months and not the day after")
    func certificateValidity() throws {
        let (file, _) = try Fixtures.file(in: .introduced)
        let issued = try #require(file.certificate?.issued)
        let expiry = issued.adding(months: 60)
        let journey = Fixtures.journey()
        func vote(on day: CivilDate) -> [String] {
            do {
                _ = try Workflow.apply(.cellVote(votesFor: 7, votesAgainst: 0, exemptAbsent: 0), to: file, context: journey.context(on: day))
                return []
            } catch .refused(_, _, let unmet) {
                return unmet.map(\.code)
            } catch {
                return ["other: \(error)"]
            }
        }
        #expect(!vote(on: expiry.adding(days: -1)).contains("certificate.valid"))
        #expect(vote(on: expiry.adding(days: 1)).contains("certificate.valid"))
        #expect(vote(on: expiry).contains("certificate.valid"))
    }

    @Test("2/3 of the official members, computed from the real count",
          arguments: [(3, 2), (7, 5), (8, 6), (10, 7), (12, 8)])
    func twoThirds(members: Int, needed: Int) throws {
        let unit = Fixtures.cell(official: members, exempt: 0)
        #expect(Rulebook.standard.votesNeeded(of: members, numerator: .cellVoteNumerator, denominator: .cellVoteDenominator) == needed)
        #expect(unmetCodes(try cellVote(unit: unit, votesFor: needed, against: members - needed)) == [])
        #expect(unmetCodes(try cellVote(unit: unit, votesFor: needed - 1, against: members - needed + 1)) == ["vote.cell"])
    }

    @Test("Members attached elsewhere and exempt members who are absent are not in the base")
    func voteBase() throws {
        let unit = Fixtures.cell(official: 10, exempt: 2, attachedElsewhere: 1)
        // Base 10 − 1 − 2 = 7: 5 votes are enough.
        #expect(unmetCodes(try cellVote(unit: unit, votesFor: 5, against: 2, exemptAbsent: 2)) == [])
        // With the exempt members present the base is 9: 5 is not enough.
        #expect(unmetCodes(try cellVote(unit: unit, votesFor: 5, against: 2, exemptAbsent: 0)) == ["vote.cell"])
    }

    @Test("More votes than members, or negative votes, is bad input, not a refusal")
    func impossibleVotes() throws {
        let tooMany = try cellVote(votesFor: 8, against: 1)
        guard case .failure(.invalidInput(let problems)) = tooMany else { Issue.record("accepted \(tooMany)"); return }
        #expect(problems.contains { $0.contains("nhiều hơn số đảng viên được biểu quyết (8)") })
        guard case .failure(.invalidInput) = try cellVote(votesFor: -1) else { Issue.record("negative accepted"); return }
    }

    @Test("A cell with fewer than 3 official members cannot admit")
    func smallCell() throws {
        let unit = Fixtures.cell(official: 2, exempt: 0)
        #expect(unmetCodes(try cellVote(unit: unit, votesFor: 2)).contains("cell.minimumMembers"))
    }

    @Test("Education below lower secondary is refused unless the unit is exempt")
    func education() throws {
        let person = Fixtures.person(education: .primary)
        #expect(unmetCodes(try cellVote(person: person)) == ["education.minimum"])
        var exemptUnit = Fixtures.cell()
        exemptUnit.educationExempt = true
        #expect(unmetCodes(try cellVote(person: person, unit: exemptUnit)) == [])
    }

    @Test("Every unmet requirement is reported at once")
    func allBlockersAtOnce() throws {
        let unit = Fixtures.cell(official: 2, exempt: 0)
        let person = Fixtures.person(born: "2007-01-01", education: .primary)
        let codes = unmetCodes(try cellVote(person: person, unit: unit, on: "2024-10-01", votesFor: 1, against: 0))
        #expect(Set(codes) == ["age.minimum", "education.minimum", "cell.minimumMembers", "vote.cell"])
    }

    @Test("The youth route applies at exactly 30, two members from 31")
    func youthRoute() throws {
        let journey = Fixtures.journey()
        // Born 1994-05-10: 30 on 2024-05-10, 31 on 2025-05-10.
        let person = Fixtures.person(born: "1994-05-10", youthUnion: true)
        var (file, _) = try Fixtures.file(in: .verified, person: person)
        file.introducers = [Introducer(memberID: "M001", knownSince: Fixtures.date("2020-01-01"), letterDate: Fixtures.date("2024-05-01"))]
        file.opinions = Opinion.Source.allCases.map { Opinion(source: $0, date: Fixtures.date("2024-05-01")) }
        file.unionResolution = UnionResolution(body: .youthUnion, date: Fixtures.date("2024-05-02"))
        let atThirty = Workflow.blockers(to: .introduced, of: file, context: journey.context(on: Fixtures.date("2024-05-10")))
        #expect(atThirty.isEmpty, "\(atThirty.map(\.sentence))")
        let atThirtyOne = Workflow.blockers(to: .introduced, of: file, context: journey.context(on: Fixtures.date("2025-05-10")))
        #expect(atThirtyOne.map(\.code) == ["introduction.count"])
        #expect(atThirtyOne.first?.detail.contains("cần 2") == true)
    }

    @Test("An introducer must have known the candidate 12 months, unless a replacement")
    func introducerMonths() throws {
        var (file, _) = try Fixtures.file(in: .verified)
        let day = Fixtures.date("2025-06-15")
        file.opinions = Opinion.Source.allCases.map { Opinion(source: $0, date: day) }
        file.introducers = [
            Introducer(memberID: "M001", knownSince: Fixtures.date("2024-06-16"), letterDate: day),
            Introducer(memberID: "M002", knownSince: Fixtures.date("2024-06-15"), letterDate: day),
        ]
        let context = Fixtures.journey().context(on: day)
        let blockers = Workflow.blockers(to: .introduced, of: file, context: context)
        #expect(blockers.map(\.code) == ["introduction.knownMonths"])
        #expect(blockers.first?.detail.contains("11 tháng") == true)
        file.introducers[0].isReplacement = true
        #expect(Workflow.blockers(to: .introduced, of: file, context: context).isEmpty)
    }

    @Test("A probationary member cannot introduce or mentor")
    func probationaryMemberRefused() throws {
        let (file, date) = try Fixtures.file(in: .nominated)
        let context = Fixtures.journey().context(on: date.adding(days: 30))
        #expect {
            try Workflow.apply(.admitToSourceList(mentors: ["M004"]), to: file, context: context)
        } throws: { error in
            guard case .refused(_, _, let unmet) = error as? WorkflowError else { return false }
            return unmet.map(\.code) == ["sympathizer.mentorOfficial"]
        }
        #expect(throws: WorkflowError.self) {
            try Workflow.edit(.assignMentor("M999"), of: file, context: context)
        }
    }

    @Test("Verification: every item must come back, and a problem holds the file")
    func verification() throws {
        let (file, date) = try Fixtures.file(in: .verifying)
        let context = Fixtures.journey().context(on: date.adding(days: 20))
        let blockers = Workflow.blockers(to: .verified, of: file, context: context)
        #expect(blockers.map(\.code) == ["verification.allReturned"])
        let withProblem = try Workflow.edit(
            .recordVerificationResult(index: 1, result: .problem, returned: context.date), of: file, context: context)
        #expect(Workflow.blockers(to: .verified, of: withProblem, context: context).map(\.code).contains("verification.noProblem"))
    }

    @Test("The application must not be dated after the biography")
    func applicationBeforeBiography() throws {
        let (file, date) = try Fixtures.file(in: .inClass)
        let journey = Fixtures.journey()
        var certified = try journey.step(file, on: date.adding(days: 5))
        certified = try Workflow.apply(.fileDossier(applicationDate: date.adding(days: 6)), to: certified, context: journey.context(on: date.adding(days: 6)))
        certified.application = date.adding(days: 7)
        let blockers = Workflow.blockers(to: .verifying, of: certified, context: journey.context(on: date.adding(days: 8)))
        #expect(blockers.map(\.code).contains("dossier.order"))
    }

    @Test("Archive search is flagged for subjects born before the boundary year")
    func archiveSearch() {
        let old = VerificationItem(relation: .father, fullName: "Nguyễn Văn Tư", birthYear: 1958)
        let young = VerificationItem(relation: .father, fullName: "Nguyễn Văn Năm", birthYear: 1959)
        #expect(old.needsArchiveSearch(rulebook: .standard))
        #expect(!young.needsArchiveSearch(rulebook: .standard))
    }
}

@Suite("The rulebook")
struct RulebookTests {
    @Test("Overrides apply; unknown names and values out of range are all reported")
    func overrides() throws {
        let rules = try Rulebook.standard.overriding(["documentValidityMonths": 6])
        #expect(rules[.documentValidityMonths] == 6)
        #expect(rules[.certificateValidityMonths] == 60)
        #expect {
            try Rulebook.standard.overriding(["nonsense": 1, "probationMonths": -5])
        } throws: { error in
            (error as? RuleOverrideError)?.problems.count == 2
        }
        #expect(throws: RuleOverrideError.self) {
            try Rulebook.standard.overriding(["minimumAgeMonths": 800])
        }
    }

    @Test("Every parameter has a description and a source")
    func documented() {
        for key in RuleKey.allCases {
            #expect(!key.vietnamese.isEmpty && !key.source.isEmpty)
            #expect(key.allowedRange.contains(key.defaultValue), "\(key)")
        }
    }
}
