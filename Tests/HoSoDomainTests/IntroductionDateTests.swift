import HoSoDomain
import HoSoTestSupport
import Testing

/// Issue 16, items 1 and 2: the introduction rules judged at the dates the Charter names.
@Suite("Introductions at the right dates")
struct IntroductionDateTests {
    /// A Youth Union member born 1995-02-10 (31 on 2026-02-10), introduced on 2026-01-15 by the Youth
    /// Union's resolution and one member: what the youth route allows while of youth age.
    private func introducedYouth() throws -> CaseFile {
        let journey = Fixtures.journey()
        let person = Fixtures.person(born: "1995-02-10", youthUnion: true)
        let start = Fixtures.newCase(person: person, nominated: "2025-03-03")
        var (file, _) = try journey.advance(start, to: .verified, from: start.nominationDate)
        let collection = Fixtures.date("2026-01-15")
        let context = journey.context(on: collection)
        file = try Workflow.edit(
            .addIntroducer(Introducer(memberID: "M001", knownSince: Fixtures.date("2020-01-01"), letterDate: collection)),
            of: file, context: context)
        file = try Workflow.edit(.setUnionResolution(UnionResolution(body: .youthUnion, date: collection)), of: file, context: context)
        for source in Opinion.Source.allCases {
            file = try Workflow.edit(.addOpinion(Opinion(source: source, date: collection)), of: file, context: context)
        }
        return try Workflow.apply(.collectIntroductions, to: file, context: context)
    }

    private func vote(_ file: CaseFile, on day: String) -> Result<CaseFile, WorkflowError> {
        let journey = Fixtures.journey()
        return Result { () throws(WorkflowError) -> CaseFile in
            try Workflow.apply(.cellVote(votesFor: 7, votesAgainst: 0, exemptAbsent: 0), to: file, context: journey.context(on: Fixtures.date(day)))
        }
    }

    private func unmet(_ result: Result<CaseFile, WorkflowError>) -> [Requirement] {
        guard case .failure(.refused(_, _, let unmet)) = result else { return [] }
        return unmet
    }

    @Test("Youth route: one introducer passes at 30 years 11 months on the day before the 31st birthday")
    func youthRouteDayBefore() throws {
        let file = try introducedYouth()
        #expect(file.state == .introduced)
        #expect(try vote(file, on: "2026-02-09").get().state == .cellApproved)
    }

    @Test("Youth route: the vote on the 31st birthday and after needs two introducers", arguments: ["2026-02-10", "2026-02-11", "2026-02-15"])
    func youthRouteAtAndAfter(day: String) throws {
        let file = try introducedYouth()
        let refused = unmet(vote(file, on: day))
        #expect(refused.map(\.code) == ["introduction.countAtVote"])
        let sentence = try #require(refused.first?.sentence)
        #expect(sentence.contains("Có 1 người giới thiệu; cần 2 (giới thiệu bởi đảng viên chính thức)"), "\(sentence)")
        #expect(sentence.contains("quá tuổi thanh niên (30 tuổi)"), "\(sentence)")
        #expect(sentence.contains("hoso case introducer HS-0001"), "\(sentence)")
    }

    @Test("Youth route: a second introducer added before the vote lets the 31-year-old through")
    func youthRouteSecondIntroducer() throws {
        var file = try introducedYouth()
        let context = Fixtures.journey().context(on: Fixtures.date("2026-02-12"))
        file = try Workflow.edit(
            .addIntroducer(Introducer(memberID: "M002", knownSince: Fixtures.date("2020-01-01"), letterDate: context.date)),
            of: file, context: context)
        #expect(try vote(file, on: "2026-02-15").get().state == .cellApproved)
    }

    @Test("Youth route at the vote shows in the blockers before the vote")
    func youthRouteBlockers() throws {
        let file = try introducedYouth()
        let context = Fixtures.journey().context(on: Fixtures.date("2026-02-10"))
        #expect(Workflow.blockers(to: .cellApproved, of: file, context: context).map(\.code) == ["introduction.countAtVote", "vote.cell"])
    }

    @Test("Past youth age at the vote, a trade-union member needs the trade union's resolution instead")
    func youthRouteBecomesTradeUnion() throws {
        var file = try introducedYouth()
        file.person.tradeUnionMember = true
        var unit = Fixtures.cell()
        unit.hasTradeUnion = true
        let context = Fixtures.journey(unit: unit).context(on: Fixtures.date("2026-02-10"))
        let blockers = Workflow.blockers(to: .cellApproved, of: file, context: context).filter { !$0.suppliedByStep }
        #expect(blockers.map(\.code) == ["introduction.unionAtVote"])
        #expect(
            blockers.first?.detail
                == "Nghị quyết Đoàn Thanh niên (4-KNĐ) ngày 15/01/2026, nhưng cần nghị quyết giới thiệu của Công đoàn (4A-KNĐ)")
    }

    @Test("A Youth Union membership corrected away after the collection: the vote needs two introducers")
    func unionTakenAway() throws {
        var file = try introducedYouth()
        file.person.youthUnionMember = false
        let context = Fixtures.journey().context(on: Fixtures.date("2026-02-01"))
        #expect(Workflow.blockers(to: .cellApproved, of: file, context: context).filter { !$0.suppliedByStep }.map(\.code) == ["introduction.countAtVote"])
    }

    @Test("A candidate of no union is not asked again at the vote: two members either way")
    func noUnionNoRecheck() throws {
        let (file, date) = try Fixtures.file(in: .introduced)
        let codes = Workflow.requirements(for: .cellApproved, of: file, context: Fixtures.journey().context(on: date)).map(\.code)
        #expect(!codes.contains("introduction.countAtVote") && !codes.contains("introduction.unionAtVote"))
    }

    // MARK: Item 2

    /// A two-member file verified in 2024, with M001 known for years and M002 known since `knownSince`,
    /// whose letter is dated `letter`; the introductions are collected much later, on 2026-02-15.
    private func collect(knownSince: String, letter: String) throws -> [Requirement] {
        var (file, _) = try Fixtures.file(in: .verified)
        let journey = Fixtures.journey()
        let letterDate = Fixtures.date(letter)
        file = try Workflow.edit(
            .addIntroducer(Introducer(memberID: "M001", knownSince: Fixtures.date("2015-01-01"), letterDate: letterDate)),
            of: file, context: journey.context(on: letterDate))
        file = try Workflow.edit(
            .addIntroducer(Introducer(memberID: "M002", knownSince: Fixtures.date(knownSince), letterDate: letterDate)),
            of: file, context: journey.context(on: letterDate))
        for source in Opinion.Source.allCases {
            file = try Workflow.edit(.addOpinion(Opinion(source: source, date: letterDate)), of: file, context: journey.context(on: letterDate))
        }
        do {
            _ = try Workflow.apply(.collectIntroductions, to: file, context: journey.context(on: Fixtures.date("2026-02-15")))
            return []
        } catch .refused(_, _, let unmet) {
            return unmet
        }
    }

    @Test("The 12 months are counted to the letter's date, not to the collection")
    func knownMonthsToLetter() throws {
        let refused = try collect(knownSince: "2025-02-15", letter: "2025-06-10")
        #expect(refused.map(\.code) == ["introduction.knownMonths"])
        #expect(
            refused.first?.detail
                == "Lê Thị Mai cùng công tác với người vào Đảng từ ngày 15/02/2025, được 3 tháng tính đến ngày giấy giới thiệu (10/06/2025); cần ít nhất 12 tháng")
    }

    @Test("Known since 2024-06-10: a letter of 2025-06-09 is refused, of 2025-06-10 or 2025-06-11 accepted")
    func knownMonthsBoundary() throws {
        #expect(try collect(knownSince: "2024-06-10", letter: "2025-06-09").map(\.code) == ["introduction.knownMonths"])
        #expect(try collect(knownSince: "2024-06-10", letter: "2025-06-10").isEmpty)
        #expect(try collect(knownSince: "2024-06-10", letter: "2025-06-11").isEmpty)
        #expect(try collect(knownSince: "2024-06-11", letter: "2025-06-10").map(\.code) == ["introduction.knownMonths"])
    }
}
