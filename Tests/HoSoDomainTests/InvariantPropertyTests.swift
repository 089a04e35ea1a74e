import HoSoDomain
import HoSoTestSupport
import Testing

/// Whatever the engine accepts, `hoso check`'s invariants accept: random sequences of steps and edits,
/// on random days (before and after the last entry, at and beyond the recordable range), from every
/// state of the main path.
@Suite("Invariants hold after any sequence of accepted commands")
struct InvariantPropertyTests {
    static let samples: [Event] = [
        .admitToSourceList(mentors: ["M001"]), .enrollInClass(className: "Lớp khóa 3/2024"),
        .certify(number: "CN-1", issuer: "Trung tâm Chính trị"), .fileDossier(applicationDate: Fixtures.date("2024-01-01")),
        .startVerification, .concludeVerification, .collectIntroductions,
        .cellVote(votesFor: 7, votesAgainst: 0, exemptAbsent: 0), .committeeVote(votesFor: 9, votesAgainst: 0),
        .issueDecision(number: "1-QĐ/ĐU", body: "Đảng ủy phường", received: nil), .holdCeremony, .completeProbation,
        .remove(reason: "Vi phạm"), .reenter, .pause(reason: "Tạm dừng"), .resume, .expire(reason: "Hết hạn"),
        .renew(certificate: nil), .transfer(destination: "Nơi cư trú"), .refuse(reason: "Không đạt"),
        .revokeDecision(reason: "Sai", kind: .procedure), .redoProcedure, .withdraw(reason: "Xin rút"),
    ]
    static let edits: [CaseEdit] = [
        .addNote(text: "Tích cực."), .addTask(text: "Đọc Điều lệ", due: nil), .completeTask(index: 0),
        .assignMentor("M002"), .releaseMentor("M001"), .grantDecisionExtension,
        .addDocument(DocumentRecord(kind: .other, date: Fixtures.date("2024-02-01"))),
    ]
    static let farDays = ["1899-12-31", "2101-01-01", "9999-12-15"].map(Fixtures.date)

    @Test("Random commands never leave a file that breaks an invariant", arguments: [CaseState.nominated, .sympathizer, .verifying, .cellApproved, .probation])
    func randomCommands(from state: CaseState) throws {
        var random = HoSoDomain.SplitMix64(seed: state.rawValue.utf8.reduce(2026) { $0 &* 31 &+ UInt64($1) })
        let journey = Fixtures.journey()
        var accepted = 0
        for _ in 0..<40 {
            var (file, _) = try Fixtures.file(in: state)
            for _ in 0..<25 {
                let last = file.history.last?.date ?? file.nominationDate
                let roll = random.next() % 100
                let day = roll < 4 ? Self.farDays[Int(roll % 3)] : last.adding(days: Int(random.next() % 240) - 60)
                let change: CaseCommand.Change = random.next() % 3 == 0
                    ? .edit(Self.edits[Int(random.next() % UInt64(Self.edits.count))])
                    : .step(Self.samples[Int(random.next() % UInt64(Self.samples.count))])
                let command = CaseCommand(caseID: file.id, change: change, date: day)
                guard let next = try? Workflow.run(command, on: file, context: journey.context(on: day)) else { continue }
                #expect(CaseInvariants.problems(in: next) == [], "after \(change) on \(day)")
                #expect(next.history.count == file.history.count + 1)
                file = next
                accepted += 1
            }
        }
        #expect(accepted > 100, "the sequences must take steps, not only be refused (\(accepted))")
    }
}
