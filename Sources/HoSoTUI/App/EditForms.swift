import Foundation
import HoSoDomain

/// The forms that record something without changing the state: a new file, a note, a
/// verification item and its result, an introducer, an opinion, a union resolution.
public enum EditForms {
    static let yesNo = ["Không", "Có"]

    /// The form of a new file (`a`): who was nominated, by whom, when. `cell`: the cell chosen at first
    /// (where the clerk came from, see `startingCell`); the first cell when nil.
    public static func addCase(data: AppData, cell: UnitID? = nil) -> Form {
        let person = PersonForm.fields(nil)
        var fields = person.core
        fields.append(FormField(id: "source", label: "Nơi giới thiệu", kind: .choice(NominationSource.allCases.map(\.vietnamese))))
        fields += person.membership
        let cells = data.cells
        if cells.count > 1 {
            let start = cells.first { $0.id == cell }?.name ?? ""
            fields.append(FormField(id: "unit", label: "Chi bộ", kind: .choice(cells.map(\.name)), value: start))
        }
        fields += person.details
        fields.append(StepForms.dateField("date", "Ngày được giới thiệu", value: data.today))
        return Form(title: "Thêm quần chúng ưu tú được giới thiệu", fields: fields)
    }

    /// The cell a new file starts in: the cell of the list's filter or of the file on screen (the cell the
    /// clerk came from), else the cell of the member signed in, else the first cell they may add files to.
    static func startingCell(_ state: AppState) -> UnitID? {
        let data = state.data
        let cells = Set(data.cells.map(\.id))
        let mayAdd: (UnitID) -> Bool = { unit in data.access.map { $0.refusal(.addCase, inUnit: unit) == nil } ?? true }
        var seen: UnitID?
        switch state.screen {
        case .list(let list): seen = list.filter.unit
        case .detail(let detail): seen = AppReducer.file(detail.caseID, in: state)?.unitID
        default: break
        }
        if let seen, cells.contains(seen), mayAdd(seen) { return seen }
        if let member = data.access?.account.memberID, let own = data.organisation.members[member]?.unitID,
           cells.contains(own), mayAdd(own) {
            return own
        }
        return data.cells.first { mayAdd($0.id) }?.id
    }

    /// The correction of `file`'s identity (a mistyped name or birth date), filled with what is stored.
    static func identity(of file: CaseFile, data: AppData) -> Form {
        let person = PersonForm.fields(file.person)
        return Form(title: "Sửa thông tin cá nhân — \(file.id.rawValue)",
                    fields: person.core + person.membership + person.details
                        + [StepForms.dateField("date", "Ngày sửa", value: data.today)])
    }

    /// The effect of a submitted add-case form, or what is wrong.
    static func addCaseEffect(_ values: [String: String], data: AppData) -> Result<Effect, StepInputError> {
        guard let date = CivilDate(parsing: values["date"] ?? "") else {
            return .failure(StepInputError(problems: ["Ngày không hợp lệ (dd/mm/yyyy)."]))
        }
        let person: Person
        switch PersonForm.person(from: values) {
        case .failure(let error): return .failure(error)
        case .success(let typed): person = typed
        }
        let cells = data.cells
        let unit = cells.first { $0.name == values["unit"] } ?? cells.first ?? data.organisation.sortedUnits.last
        guard let unit else { return .failure(StepInputError(problems: ["Dữ liệu chưa có chi bộ nào; tạo bằng hoso init."])) }
        let source = NominationSource.allCases.first { $0.vietnamese == values["source"] } ?? .other
        // The engine checks the person before the runner stores anything.
        if let context = data.context(forUnit: unit.id, on: date) {
            do throws(WorkflowError) {
                _ = try Workflow.newCase(id: "HS-KIEM-TRA", person: person, source: source, context: context)
            } catch {
                return .failure(StepInputError(problems: error.problemLines))
            }
        }
        return .success(.addCase(person, unit: unit.id, source: source, date: date))
    }

    /// The form of an edit of `purpose`.
    public static func form(for purpose: FormPurpose, file: CaseFile?, data: AppData) -> Form {
        let officials = data.officialMembers.map(StepForms.memberOption)
        let today = StepForms.dateField(value: data.today)
        switch purpose {
        case .note:
            // Several lines, as the CLI takes them; the engine checks the text for both, its length too: no
            // cap here, which would cut a pasted text without a word, while the engine's refusal names the
            // length and leaves the text in the form to shorten.
            return Form(title: "Nhận xét" + (file.map { " — \($0.id.rawValue) \($0.person.fullName)" } ?? ""), fields: [
                FormField(id: "text", label: "Nội dung nhận xét", kind: .multiline, isRequired: true), today,
            ])
        case .verificationItem:
            let relations = VerificationItem.Relation.allCases
            // The candidate's own item first; once recorded, the next relative not yet asked about.
            let recorded = Set((file?.verificationItems ?? []).map(\.relation))
            let start = recorded.contains(.candidate) ? relations.first { !recorded.contains($0) } ?? .candidate : .candidate
            let candidate = file.map { person -> [String: String] in
                ["name": person.person.fullName, "year": String(person.person.birthDate.year), "place": person.person.homeAddress]
            } ?? [:]
            return Form(title: "Thêm phiếu thẩm tra lý lịch", fields: [
                FormField(id: "relation", label: "Quan hệ", kind: .choice(relations.map(\.vietnamese)), value: start.vietnamese),
                FormField(id: "name", label: "Họ và tên", value: "", isRequired: true),
                StepForms.numberField("year", "Năm sinh", required: true),
                FormField(id: "place", label: "Nơi cư trú, công tác"),
                FormField(id: "member", label: "Là đảng viên", kind: .choice(yesNo)),
                FormField(id: "method", label: "Hình thức", kind: .choice(VerificationItem.Method.allCases.map(\.vietnamese))),
                StepForms.dateField("sent", "Ngày gửi", value: data.today, required: false),
                FormField(id: "responsible", label: "Người chịu trách nhiệm", kind: .choice([StepForms.noMember] + officials)),
                today,
            ], prefills: [FormPrefill(when: "relation", is: VerificationItem.Relation.candidate.vietnamese, fill: candidate)])
        case .verificationResult(_, let index):
            let name = file.flatMap { $0.verificationItems.indices.contains(index) ? $0.verificationItems[index].fullName : nil }
            return Form(title: "Kết quả thẩm tra: \(name ?? "phiếu \(index + 1)")", fields: [
                FormField(id: "result", label: "Kết quả", kind: .choice(VerificationItem.Result.allCases.map(\.vietnamese))),
                StepForms.dateField("returned", "Ngày nhận lại", value: data.today, required: false),
                today,
            ])
        case .introducer:
            return Form(title: "Thêm người giới thiệu (3-KNĐ)", fields: [
                FormField(id: "member", label: "Đảng viên giới thiệu", kind: .choice(officials), isRequired: true),
                StepForms.dateField("since", "Cùng công tác từ ngày", value: nil),
                FormField(id: "replacement", label: "Người thay thế (miễn 12 tháng)", kind: .choice(yesNo)),
                StepForms.dateField(value: data.today),
            ])
        case .opinion:
            return Form(title: "Ghi ý kiến nhận xét (5-KNĐ)", fields: [
                FormField(id: "source", label: "Nơi nhận xét", kind: .choice(Opinion.Source.allCases.map(\.vietnamese))),
                FormField(id: "summary", label: "Tóm tắt ý kiến", value: "Đồng ý giới thiệu"),
                today,
            ])
        case .unionResolution:
            return Form(title: "Nghị quyết giới thiệu của đoàn thể", fields: [
                FormField(id: "body", label: "Đoàn thể", kind: .choice(UnionResolution.Body.allCases.map(\.vietnamese))),
                today,
            ])
        case .addTask:
            return Form(title: "Giao nhiệm vụ", fields: [
                FormField(id: "text", label: "Nội dung nhiệm vụ", isRequired: true),
                StepForms.dateField("due", "Hạn (dd/mm/yyyy, có thể bỏ trống)", value: nil, required: false),
                StepForms.dateField("date", "Ngày giao", value: data.today),
            ])
        case .completeTask:
            let open = (file?.tasks ?? []).enumerated().filter { $0.element.done == nil }.map { taskOption(index: $0.offset, $0.element) }
            return Form(title: "Đánh dấu nhiệm vụ đã hoàn thành", fields: [
                FormField(id: "task", label: "Nhiệm vụ", kind: .choice(open), isRequired: true),
                StepForms.dateField("date", "Ngày hoàn thành", value: data.today),
            ])
        case .addDocument:
            return Form(title: "Ghi nhận giấy tờ đã nhận", fields: [
                FormField(id: "kind", label: "Loại giấy tờ", kind: .choice(DocumentKind.allCases.map(\.vietnamese))),
                StepForms.dateField("date", "Ngày nhận", value: data.today),
                FormField(id: "note", label: "Ghi chú"),
            ])
        case .assignMentor:
            return Form(title: "Phân công người giúp đỡ", fields: [
                FormField(id: "member", label: "Đảng viên chính thức", kind: .choice(officials), isRequired: true),
                StepForms.dateField("date", "Ngày phân công", value: data.today),
            ])
        case .releaseMentor:
            let mentors = (file?.activeMentors ?? []).map { "\($0.memberID.rawValue) — \(data.memberName($0.memberID))" }
            return Form(title: "Thôi phân công người giúp đỡ", fields: [
                FormField(id: "member", label: "Người giúp đỡ", kind: .choice(mentors), isRequired: true),
                StepForms.dateField("date", "Ngày thôi", value: data.today),
            ])
        case .certifyClass(let ids):
            return Form(title: "Cấp giấy chứng nhận cho \(ids.count) học viên", fields: [
                today,
                FormField(id: "prefix", label: "Số giấy (tiền tố + mã hồ sơ)", value: "CN-\(data.today.year)-", isRequired: true),
                FormField(id: "issuer", label: "Nơi cấp", value: "Trung tâm Chính trị", isRequired: true),
            ])
        case .addCase:
            return addCase(data: data)
        case .identity:
            return file.map { identity(of: $0, data: data) } ?? Form(title: "Sửa thông tin cá nhân", fields: [])
        case .step(let kind, _):
            return file.map { StepForms.form(for: kind, file: $0, data: data) } ?? Form(title: kind.vietnamese, fields: [])
        case .addPerson:
            return PeopleLogic.addPersonForm(data: data)
        case .grantRole(let id), .revokeRole(let id):
            guard let person = data.people.first(where: { $0.id == id }) else { return Form(title: id.rawValue, fields: []) }
            return purpose == .grantRole(id) ? PeopleLogic.grantForm(person, data: data) : PeopleLogic.revokeForm(person, data: data)
        case .unitCounts(let id), .letterhead(let id):
            guard let unit = data.organisation.units[id] else { return Form(title: id.rawValue, fields: []) }
            return purpose == .unitCounts(id) ? UnitsLogic.countsForm(unit, data: data) : UnitsLogic.letterheadForm(unit, data: data)
        case .reportExport:
            return ReportsLogic.exportForm(folder: data.exportFolder)
        case .paperExport(let id, let paper):
            return PaperLogic.folderForm(paper, id: id, folder: data.exportFolder)
        case .listExport(let format):
            return ListExport.folderForm(format, folder: data.exportFolder)
        }
    }

    /// "2. Viết bản tự kiểm điểm (hạn 01/12/2026)": how task number `index` appears in a choice.
    static func taskOption(index: Int, _ task: CaseTask) -> String {
        "\(index + 1). \(task.text)" + (task.due.map { " (hạn \($0.vietnamese))" } ?? "")
    }

    /// The task index of a choice made by `taskOption`.
    static func taskIndex(from option: String) -> Int? {
        option.split(separator: ".", maxSplits: 1).first.flatMap { Int($0) }.map { $0 - 1 }
    }

    /// The edit and its date from submitted values; `seen`: what the form started with (an identity
    /// correction carries both, so that only the fields the person changed are applied).
    static func edit(for purpose: FormPurpose, values: [String: String], seen: [String: String] = [:])
        -> Result<(CaseEdit, CivilDate), StepInputError>
    {
        func text(_ id: String) -> String { (values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        func date(_ id: String) -> CivilDate? { CivilDate(parsing: text(id)) }
        guard let day = date("date") else { return .failure(StepInputError(problems: ["Ngày không hợp lệ (dd/mm/yyyy)."])) }
        switch purpose {
        case .note:
            return .success((.addNote(text: text("text")), day))
        case .verificationItem:
            let item = VerificationItem(
                relation: VerificationItem.Relation.allCases.first { $0.vietnamese == text("relation") } ?? .candidate,
                fullName: text("name"), birthYear: Int(text("year")) ?? 0, place: text("place"),
                isPartyMember: text("member") == "Có",
                method: VerificationItem.Method.allCases.first { $0.vietnamese == text("method") } ?? .letter,
                sent: date("sent"), responsibleMemberID: StepForms.memberID(from: text("responsible")))
            return .success((.addVerificationItem(item), day))
        case .verificationResult(_, let index):
            let result = VerificationItem.Result.allCases.first { $0.vietnamese == text("result") } ?? .clear
            return .success((.recordVerificationResult(index: index, result: result, returned: date("returned")), day))
        case .introducer:
            guard let member = StepForms.memberID(from: text("member")) else {
                return .failure(StepInputError(problems: ["Chưa có đảng viên chính thức nào để chọn."]))
            }
            guard let since = date("since") else { return .failure(StepInputError(problems: ["Cần ngày bắt đầu cùng công tác."])) }
            return .success((.addIntroducer(Introducer(memberID: member, knownSince: since, letterDate: day,
                                                       isReplacement: text("replacement") == "Có")), day))
        case .opinion:
            let source = Opinion.Source.allCases.first { $0.vietnamese == text("source") } ?? .massOrganisations
            return .success((.addOpinion(Opinion(source: source, date: day, summary: text("summary"))), day))
        case .unionResolution:
            let body = UnionResolution.Body.allCases.first { $0.vietnamese == text("body") } ?? .youthUnion
            return .success((.setUnionResolution(UnionResolution(body: body, date: day)), day))
        case .addTask:
            guard text("due").isEmpty || date("due") != nil else {
                return .failure(StepInputError(problems: ["Hạn nhiệm vụ không hợp lệ (dd/mm/yyyy)."]))
            }
            return .success((.addTask(text: text("text"), due: date("due")), day))
        case .completeTask:
            guard let index = taskIndex(from: text("task")) else {
                return .failure(StepInputError(problems: ["Hồ sơ không có nhiệm vụ nào đang làm."]))
            }
            return .success((.completeTask(index: index), day))
        case .addDocument:
            let kind = DocumentKind.allCases.first { $0.vietnamese == text("kind") } ?? .other
            return .success((.addDocument(DocumentRecord(kind: kind, date: day, note: text("note"))), day))
        case .assignMentor, .releaseMentor:
            guard let member = StepForms.memberID(from: text("member")) else {
                return .failure(StepInputError(problems: ["Chưa có đảng viên nào để chọn."]))
            }
            if case .assignMentor = purpose { return .success((.assignMentor(member), day)) }
            return .success((.releaseMentor(member), day))
        case .identity:
            // What was shown is what was stored, so it reads back; the typed values are checked here.
            guard case .success(let shown) = PersonForm.person(from: seen) else {
                return .failure(StepInputError(problems: ["Không đọc lại được thông tin đã hiển thị; hãy đóng biểu mẫu rồi mở lại."]))
            }
            return PersonForm.person(from: values).map { (.correctIdentity(seen: shown, typed: $0), day) }
        case .step, .addCase, .certifyClass, .addPerson, .grantRole, .revokeRole, .unitCounts, .letterhead, .reportExport,
             .paperExport, .listExport:
            return .failure(StepInputError(problems: ["Biểu mẫu này không phải là một thay đổi hồ sơ."]))
        }
    }
}

extension WorkflowError {
    /// The refusal as lines for a popup: each unmet requirement, or each input problem.
    public var problemLines: [String] {
        switch self {
        case .refused(let event, let target, let unmet):
            ["Chưa thể \"\(event.vietnamese)\" (chuyển sang \"\(target.vietnamese)\"):"] + unmet.map { "✗ " + $0.sentence }
        case .invalidInput(let problems):
            problems.map { "• " + $0 }
        case .notAllowed, .notPermitted, .stateMoved:
            message.components(separatedBy: "\n")
        case .conflict(let fields):
            ["Trong lúc bạn sửa, người khác đã sửa cùng thông tin; chưa ghi gì.",
             "Biểu mẫu giữ những gì bạn nhập; sửa lại từng trường cho đúng rồi lưu (Ctrl-S):"]
                + fields.map { "• " + $0.sentence }
        }
    }

    /// The title of the popup that shows this refusal: a refusal by role reads differently from a rule.
    public var popupTitle: String {
        if case .notPermitted = self { return CommandAccess.refusedTitle }
        if case .conflict = self { return "Người khác vừa sửa cùng thông tin" }
        if case .stateMoved = self { return "Hồ sơ vừa được người khác chuyển bước" }
        return "Không thể thực hiện"
    }
}
