import HoSoDomain
import HoSoTUI

/// Application states for view and reducer tests, on fixed data and a fixed day.
public enum AppFixtures {
    /// The day every app test runs on.
    public static let today = Fixtures.date("2026-11-23")

    /// The demo organisation (8 cells) with `caseCount` files, every revision 1.
    public static func demoData(caseCount: Int = 40, seed: UInt64 = 7) -> AppData {
        let demo = DemoOrganisation.generate(caseCount: caseCount, seed: seed, today: today)
        return AppData(cases: demo.cases, revisions: Dictionary(uniqueKeysWithValues: demo.cases.map { ($0.id, 1) }),
                       organisation: Organisation(units: demo.units, members: demo.members), today: today,
                       actor: "Thư ký chi bộ")
    }

    /// One cell of `Fixtures`, holding `files` (revision 3 each).
    public static func cellData(_ files: [CaseFile], unit: Unit = Fixtures.cell()) -> AppData {
        AppData(cases: files, revisions: Dictionary(uniqueKeysWithValues: files.map { ($0.id, 3) }),
                organisation: Organisation(units: [unit], members: Fixtures.members), today: today, actor: "Thư ký chi bộ")
    }

    /// A file of `Fixtures` taken to `state`, with id `id` and the person's name `name`.
    public static func file(_ id: String, _ name: String, in state: CaseState, born: String = "1998-04-12") throws -> CaseFile {
        var person = Fixtures.person(born: born)
        person.fullName = name
        var file = try Fixtures.file(in: state, person: person).file
        file.id = CaseID(id)
        return file
    }

    /// A small cell with files at several steps, for readable snapshots.
    public static func smallCell() throws -> AppData {
        cellData([
            try file("HS-0001", "Nguyễn Thị Minh Khai", in: .sympathizer),
            try file("HS-0002", "Trần Văn Ánh", in: .verifying),
            try file("HS-0003", "Lê Hoàng Đức", in: .introduced),
            try file("HS-0004", "Phạm Thu Hà", in: .inClass),
            try file("HS-0005", "Đỗ Quang Vinh", in: .probation),
        ])
    }

    /// A person holding `role` in the fixture cell; a mentor is a member (default M001, Trần Văn Hùng).
    public static func account(_ id: String, _ name: String, _ role: Role, member: MemberID? = nil,
                               unit: UnitID = Fixtures.cellID) -> Account {
        Account(id: AccountID(id), fullName: name, memberID: member ?? (role == .mentor ? "M001" : nil),
                grants: [RoleGrant(role, in: unit)])
    }

    /// `data` as the person `account` sees it: their lists, their name in the history, their refusals.
    public static func signedIn(_ data: AppData, as account: Account, people: [Account] = []) -> AppData {
        AppData(cases: data.cases, revisions: data.revisions, organisation: data.organisation, rulebook: data.rulebook,
                calendar: data.calendar, today: data.today, actor: account.signature,
                access: Access(account: account, organisation: data.organisation), people: people)
    }

    /// The small cell with two mentors: Trần Văn Hùng (M001) keeps HS-0001…HS-0003, Lê Thị Mai (M002)
    /// HS-0004 and HS-0005.
    public static func twoMentorCell() throws -> AppData {
        var data = try smallCell()
        for index in data.cases.indices where ["HS-0004", "HS-0005"].contains(data.cases[index].id) {
            data.cases[index].mentors = [MentorAssignment(memberID: "M002", since: Fixtures.date("2026-01-05"))]
        }
        return cellData(data.cases)
    }

    /// The people of the fixture cell: a clerk, two mentors, a committee member and a viewer.
    public static let people: [Account] = [
        account("lan", "Nguyễn Thị Lan", .clerk),
        account("hung", "Trần Văn Hùng", .mentor),
        account("mai", "Lê Thị Mai", .mentor, member: "M002"),
        account("bao", "Phạm Quốc Bảo", .committee, member: "M003"),
        account("captren", "Võ Minh Cấp", .viewer),
    ]

    /// Sends `keys` through the app's runtime, returning every effect emitted (none is carried out).
    @discardableResult
    public static func press(_ keys: [Key], into state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            AppRuntime.dispatch(.key(key), to: &state) { emitted in
                effects += emitted
                return ([], false)
            }
        }
        return effects
    }

    /// What a `.run` (or the first command of a `.runTogether`) effect would store on the data as loaded in
    /// `state`: the engine applied as the store applies it; nil for another effect or a refusal.
    public static func applied(_ effect: Effect?, in state: AppState) -> CaseFile? {
        let command: CaseCommand
        switch effect {
        case .run(let one)?: command = one
        case .runTogether(let many)?: guard let first = many.first else { return nil }; command = first
        default: return nil
        }
        guard let file = state.data.cases.first(where: { $0.id == command.caseID }),
              let context = state.data.context(for: file, on: command.date)
        else { return nil }
        return try? Workflow.run(command, on: file, context: context)
    }

    /// Types `text` one character at a time.
    @discardableResult
    public static func type(_ text: String, into state: inout AppState) -> [Effect] {
        press(text.map { Key.char($0) }, into: &state)
    }
}
