import Foundation
import HoSoDomain

/// The units screen: each unit's member counts (dated, kept in history) and letterhead. The forms only
/// gather what the clerk typed; the domain's `UnitChange` says what may be written (asked here first, so a
/// refusal shows with the form kept) and the runner hands it to the units service, as the CLI does.
enum UnitsLogic {
    /// The units in the order of the screen.
    static func units(_ data: AppData) -> [HoSoDomain.Unit] { data.organisation.sortedUnits }

    /// The screen's reducer: its own state and the data as loaded in, what it asks of the app out. The app
    /// runs it scoped to the screen on top (`AppReducer.reduceTop`), the pattern for the other screens.
    static func reduce(_ screen: inout UnitsState, _ command: Command, data: AppData) -> ScreenOutput? {
        let units = units(data)
        defer { screen.selected = max(0, min(screen.selected, units.count - 1)) }
        switch command {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            AppReducer.moveSelection(&screen.selected, count: units.count, command: command, page: 10)
        case .unitCounts, .edit:
            guard units.indices.contains(screen.selected) else { return nil }
            let unit = units[screen.selected]
            let form = command == .unitCounts ? countsForm(unit, data: data) : letterheadForm(unit, data: data)
            return .openForm(FormState(form: form, purpose: command == .unitCounts ? .unitCounts(unit.id) : .letterhead(unit.id),
                                       baseRevision: nil))
        default: break
        }
        return nil
    }

    /// A click on a unit's row selects it.
    static func click(_ screen: inout UnitsState, at position: Position, state: AppState) {
        if let row = UnitsView.rowHits(state, screen, size: state.size).row(at: position) { screen.selected = row }
    }


    /// The counts of `unit` from a day on, filled with those valid today.
    static func countsForm(_ unit: HoSoDomain.Unit, data: AppData) -> Form {
        let (counts, committee) = unit.counts(on: data.today)
        return Form(title: "Số đảng viên — \(unit.name)", fields: [
            StepForms.dateField("date", "Có hiệu lực từ ngày", value: data.today),
            StepForms.numberField("official", "Đảng viên chính thức", value: "\(counts.official)", required: true),
            StepForms.numberField("probationary", "Đảng viên dự bị", value: "\(counts.probationary)", required: true),
            StepForms.numberField("attached", "Sinh hoạt tạm thời nơi khác", value: "\(counts.attachedElsewhere)", required: true),
            StepForms.numberField("exempt", "Miễn sinh hoạt", value: "\(counts.exempt)", required: true),
            StepForms.numberField("committee", "Ủy viên đảng ủy (biểu quyết 2/3)", value: "\(committee)", required: true),
        ])
    }

    /// How the recipients are typed in one field.
    static let recipientSeparator = ";"

    /// The unit's names: its short name (empty: the one derived from the name, shown in the label) and the
    /// letterhead, filled with what is set; an empty field takes the default.
    static func letterheadForm(_ unit: HoSoDomain.Unit, data: AppData) -> Form {
        let letterhead = unit.letterhead ?? Letterhead()
        func field(_ id: String, _ label: String, _ value: String?) -> FormField {
            FormField(id: id, label: label, value: value ?? "", maxLength: LetterheadChange.longest)
        }
        var unset = data.organisation
        unset.units[unit.id]?.shortName = nil
        let derived = unset.shortNames[unit.id] ?? ""
        return Form(title: "Tên ngắn, tiêu đề văn bản — \(unit.name) (ô trống: theo mặc định)", fields: [
            FormField(id: "shortName", label: "Tên ngắn" + (derived.isEmpty ? "" : " (trống: \(derived))"),
                      value: unit.shortName ?? "", maxLength: UnitShortName.longest),
            field("superior", "Cấp ủy cấp trên", letterhead.superior),
            field("issuer", "Đơn vị ban hành", letterhead.issuer),
            field("sign", "Ký hiệu (Số …-BC/ký hiệu)", letterhead.sign),
            field("place", "Địa danh", letterhead.place),
            field("authority", "Thẩm quyền ký (T/M CHI ỦY)", letterhead.authority),
            field("signerTitle", "Chức vụ người ký", letterhead.signerTitle),
            field("signer", "Họ tên người ký", letterhead.signer),
            field("recipients", "Nơi nhận (ngăn bằng \(recipientSeparator))",
                  letterhead.recipients.joined(separator: recipientSeparator + " ")),
        ])
    }

    /// The change a submitted form asks, as the service will receive it.
    static func change(for purpose: FormPurpose, values: [String: String]) -> Result<(UnitChange, UnitID), StepInputError> {
        func text(_ id: String) -> String { (values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        switch purpose {
        case .unitCounts(let id):
            var problems: [String] = []
            func number(_ key: String) -> Int? {
                let value = text(key)
                if value.isEmpty { return nil }
                guard let number = Int(value) else {
                    problems.append("\"\(value)\" không phải là số.")
                    return nil
                }
                return number
            }
            guard let since = CivilDate(parsing: text("date")) else {
                return .failure(StepInputError(problems: ["Ngày không hợp lệ (dd/mm/yyyy)."]))
            }
            let change = UnitCountsChange(
                official: number("official"), probationary: number("probationary"), attachedElsewhere: number("attached"),
                exempt: number("exempt"), committee: number("committee"), since: since)
            guard problems.isEmpty else { return .failure(StepInputError(problems: problems)) }
            return .success((.counts(change), id))
        case .letterhead(let id):
            let recipients = text("recipients").components(separatedBy: recipientSeparator)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let change = LetterheadChange(
                superior: text("superior"), issuer: text("issuer"), sign: text("sign"), place: text("place"),
                authority: text("authority"), signerTitle: text("signerTitle"), signer: text("signer"), recipients: recipients)
            return .success((.together([.shortName(text("shortName")), .letterhead(change)]), id))
        default:
            return .failure(StepInputError(problems: ["Biểu mẫu này không phải về đơn vị."]))
        }
    }

    /// The effect of a submitted units form, or what the domain refuses in it (asked on the data loaded;
    /// the service asks again on the data stored when it saves).
    static func effect(for purpose: FormPurpose, values: [String: String], data: AppData) -> Result<Effect, StepInputError> {
        switch change(for: purpose, values: values) {
        case .failure(let error): return .failure(error)
        case .success(let (asked, id)):
            guard let unit = data.organisation.units[id] else {
                return .failure(StepInputError(problems: ["Đơn vị \(id.rawValue) không còn trong dữ liệu."]))
            }
            // What the form leaves as it was is not written again: its short name or its letterhead alone is
            // then the change (and what the status line says was written).
            var change = asked
            if case .together(let parts) = asked, parts.count == 2, case .shortName(let text) = parts[0],
               case .letterhead(let letterhead) = parts[1] {
                let sameShortName = (unit.shortName ?? "") == text
                let sameLetterhead = (try? letterhead.applied(to: unit.letterhead)) == unit.letterhead
                change = sameShortName ? parts[1] : sameLetterhead ? parts[0] : asked
            }
            do throws(WorkflowError) {
                _ = try change.applied(to: unit, in: data.organisation, today: data.today)
            } catch {
                return .failure(StepInputError(problems: error.problemLines))
            }
            return .success(.changeUnit(change, of: id))
        }
    }
}
