import Foundation
import HoSoDomain

/// The people screen: who uses HoSo and their roles. The forms only gather what the clerk typed; the
/// runner hands it to the people service, which checks the clerk's rights again and refuses what is wrong.
public enum PeopleLogic {
    /// Where passphrases are set: never in the TUI (a passphrase typed on a shared screen is not secret).
    public static let passphraseNote = "Mật khẩu không đặt ở đây: dùng lệnh hoso people passphrase MÃ."

    /// "Người giúp đỡ — CB3 — Chi bộ Khu phố 3": how a grant appears in a choice and on the screen.
    static func grantOption(_ grant: RoleGrant, data: AppData) -> String {
        "\(grant.role.vietnamese) — \(unitOption(grant.unitID, data: data))"
    }

    /// "CB3 — Chi bộ Khu phố 3".
    static func unitOption(_ id: UnitID, data: AppData) -> String { "\(id.rawValue) — \(data.unitName(id))" }

    /// The units whose people the signed-in clerk may manage (every unit when no one is signed in).
    static func manageableUnits(_ data: AppData) -> [HoSoDomain.Unit] {
        data.organisation.sortedUnits.filter { data.access?.refusal(.managePeople, inUnit: $0.id) == nil }
    }

    static func roleField(_ value: Role = .mentor) -> FormField {
        FormField(id: "role", label: "Vai trò", kind: .choice(Role.allCases.map(\.vietnamese)), value: value.vietnamese)
    }

    static func unitField(_ data: AppData) -> FormField {
        FormField(id: "unit", label: "Đơn vị", kind: .choice(manageableUnits(data).map { unitOption($0.id, data: data) }),
                  isRequired: true)
    }

    /// The form of a new person: who they are, their login, the member they are, and a first role.
    static func addPersonForm(data: AppData) -> Form {
        Form(title: "Thêm người dùng", fields: [
            FormField(id: "id", label: "Mã người dùng (vd: lan.nt)", isRequired: true, maxLength: 32),
            FormField(id: "name", label: "Họ và tên", isRequired: true, maxLength: 80),
            FormField(id: "systemUser", label: "Tài khoản máy tính (có thể bỏ trống)", maxLength: 32),
            FormField(id: "member", label: "Là đảng viên (người giúp đỡ phải là đảng viên)",
                      kind: .choice([StepForms.noMember] + data.allMembers.map(StepForms.memberOption))),
            roleField(),
            unitField(data),
        ])
    }

    static func grantForm(_ person: Account, data: AppData) -> Form {
        Form(title: "Cấp vai trò cho \(person.signature)", fields: [roleField(), unitField(data)])
    }

    static func revokeForm(_ person: Account, data: AppData) -> Form {
        Form(title: "Thu hồi vai trò của \(person.signature)", fields: [
            FormField(id: "grant", label: "Vai trò", kind: .choice(person.grants.map { grantOption($0, data: data) }),
                      isRequired: true),
        ])
    }

    /// The role and unit chosen in a form.
    static func grant(from values: [String: String]) -> RoleGrant? {
        guard let role = Role.allCases.first(where: { $0.vietnamese == values["role"] }),
              let unit = values["unit"]?.components(separatedBy: " — ").first, !unit.isEmpty else { return nil }
        return RoleGrant(role, in: UnitID(unit))
    }

    /// The effect of a submitted people form, or what is missing.
    static func effect(for purpose: FormPurpose, values: [String: String], data: AppData) -> Result<Effect, StepInputError> {
        func text(_ id: String) -> String { (values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        switch purpose {
        case .addPerson:
            guard let grant = grant(from: values) else {
                return .failure(StepInputError(problems: ["Anh/chị không quản lý người dùng của đơn vị nào."]))
            }
            let systemUser = text("systemUser")
            return .success(.addPerson(id: AccountID(text("id")), fullName: text("name"),
                                       systemUser: systemUser.isEmpty ? nil : systemUser,
                                       memberID: StepForms.memberID(from: text("member")), grant: grant))
        case .grantRole(let id):
            guard let grant = grant(from: values) else {
                return .failure(StepInputError(problems: ["Anh/chị không quản lý người dùng của đơn vị nào."]))
            }
            return .success(.grantRole(grant, to: id))
        case .revokeRole(let id):
            let person = data.people.first { $0.id == id }
            guard let grant = person?.grants.first(where: { grantOption($0, data: data) == text("grant") }) else {
                return .failure(StepInputError(problems: ["Người này không còn vai trò nào để thu hồi."]))
            }
            return .success(.revokeRole(grant, from: id))
        default:
            return .failure(StepInputError(problems: ["Biểu mẫu này không phải về người dùng."]))
        }
    }

    /// The screen's reducer, scoped like the units screen's (`AppReducer.reduceTop`): its state and the data
    /// in, what it asks of the app out.
    static func reduce(_ people: inout PeopleState, _ command: Command, data: AppData) -> ScreenOutput? {
        let persons = data.people
        defer { people.selected = max(0, min(people.selected, persons.count - 1)) }
        switch command {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            AppReducer.moveSelection(&people.selected, count: persons.count, command: command, page: 10)
        case .addPerson:
            return .openForm(FormState(form: addPersonForm(data: data), purpose: .addPerson, baseRevision: nil))
        case .grantRole, .revokeRole:
            guard persons.indices.contains(people.selected) else { return nil }
            let person = persons[people.selected]
            if command == .revokeRole, person.grants.isEmpty {
                return .warn(StatusMessage("\(person.signature) chưa có vai trò nào; cấp bằng Enter.", kind: .warning))
            }
            let form = command == .grantRole ? grantForm(person, data: data) : revokeForm(person, data: data)
            return .openForm(FormState(form: form, purpose: command == .grantRole ? .grantRole(person.id) : .revokeRole(person.id),
                                       baseRevision: nil))
        default: break
        }
        return nil
    }

    /// A click on a person's row selects it.
    static func click(_ people: inout PeopleState, at position: Position, state: AppState) {
        if let row = PeopleView.rowHits(state, people, size: state.size).row(at: position) { people.selected = row }
    }

}
