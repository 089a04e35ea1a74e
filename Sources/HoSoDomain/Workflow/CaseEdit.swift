/// A change to a file that is not a step of the procedure: a note, a mentor, a verification result…
/// Like a step, it is validated by the domain and written to the file's history.
public enum CaseEdit: Sendable, Equatable {
    case addNote(text: String)
    case addTask(text: String, due: CivilDate?)
    case completeTask(index: Int)
    case assignMentor(MemberID)
    case releaseMentor(MemberID)
    case addVerificationItem(VerificationItem)
    case recordVerificationResult(index: Int, result: VerificationItem.Result, returned: CivilDate?)
    case rewriteBiography(changedSections: [String])
    case addIntroducer(Introducer)
    case setUnionResolution(UnionResolution)
    case addOpinion(Opinion)
    case addDocument(DocumentRecord)
    case grantDecisionExtension
    /// A correction of the identity: what the person saw when they opened it and what they typed. Only
    /// the fields that differ between the two are changed, on the identity as stored when it is applied.
    case correctIdentity(seen: Person, typed: Person)

    /// What kind of edit this is: its stable name in the history and scripts, and what it needs.
    public enum Kind: String, Sendable, CaseIterable {
        case note, task
        case taskDone = "task-done"
        case mentor
        case mentorRelease = "mentor-release"
        case verificationItem = "verification-item"
        case verificationResult = "verification-result"
        case biographyRewrite = "biography-rewrite"
        case introducer
        case unionResolution = "union-resolution"
        case opinion, document
        case decisionExtension = "decision-extension"
        case identity

        /// The edit in words, as a refusal names it ("thêm nhận xét").
        public var vietnamese: String {
            switch self {
            case .note: "thêm nhận xét"
            case .task: "giao nhiệm vụ"
            case .taskDone: "đánh dấu nhiệm vụ hoàn thành"
            case .mentor: "phân công người giúp đỡ"
            case .mentorRelease: "thôi phân công người giúp đỡ"
            case .verificationItem: "thêm phiếu thẩm tra"
            case .verificationResult: "ghi kết quả thẩm tra"
            case .biographyRewrite: "ghi lý lịch viết lại"
            case .introducer: "thêm người giới thiệu"
            case .unionResolution: "ghi nghị quyết giới thiệu của đoàn thể"
            case .opinion: "ghi ý kiến nhận xét"
            case .document: "ghi nhận giấy tờ"
            case .decisionExtension: "gia hạn thời gian ra quyết định"
            case .identity: "sửa thông tin cá nhân"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .addNote: .note
        case .addTask: .task
        case .completeTask: .taskDone
        case .assignMentor: .mentor
        case .releaseMentor: .mentorRelease
        case .addVerificationItem: .verificationItem
        case .recordVerificationResult: .verificationResult
        case .rewriteBiography: .biographyRewrite
        case .addIntroducer: .introducer
        case .setUnionResolution: .unionResolution
        case .addOpinion: .opinion
        case .addDocument: .document
        case .grantDecisionExtension: .decisionExtension
        case .correctIdentity: .identity
        }
    }

    /// A stable name for the history and scripts.
    public var name: String { kind.rawValue }
}

extension Workflow {
    /// Applies an edit, or says in Vietnamese why it cannot be made.
    public static func edit(_ edit: CaseEdit, of file: CaseFile, context: WorkflowContext) throws(WorkflowError)
        -> CaseFile
    {
        try context.authorize(.edit(edit.kind), on: file)
        var next = file
        var problems: [String] = []
        var summary = ""
        var changes: [FieldChange] = []
        let date = context.date
        func refuseControlCharacters(_ texts: String...) {
            if texts.contains(where: { !VietnameseText.controlCharacters(in: $0).isEmpty }) {
                problems.append(VietnameseText.controlCharacterRefusal)
            }
            if let refusal = VietnameseText.lengthRefusal(texts, longest: VietnameseText.longestFreeText) { problems.append(refusal) }
        }
        func requireText(_ text: String, _ field: String) {
            if text.trimmingCharactersInSet(" \t\n").isEmpty { problems.append("\(field) không được để trống.") }
        }
        let isClosed = file.state.isTerminal
        if let refusal = DateOrder.futureRefusal(date, today: context.today) { problems.append(refusal) }

        switch edit {
        case .addNote(let text):
            requireText(text, "Nội dung nhận xét")
            refuseControlCharacters(text.replacingNewlines())
            let writer = context.access?.account
            let note = ProgressNote(date: date, author: context.actor, text: VietnameseText.normalized(text),
                                    authorAccount: writer?.id, authorMember: writer?.memberID)
            next.notes.append(note)
            // Named as the mentor's only when it counts as their report (the same rule as the monthly count).
            summary = writer != nil && file.isByActiveMentor(note, members: context.members)
                ? "Thêm nhận xét của người giúp đỡ" : "Thêm nhận xét"
            changes.append(FieldChange(field: "Nhận xét", before: "", after: text))
        case .addTask(let text, let due):
            requireText(text, "Nội dung nhiệm vụ")
            refuseControlCharacters(text)
            if let due, due < date { problems.append("Hạn nhiệm vụ (\(due)) trước ngày giao (\(date)).") }
            next.tasks.append(CaseTask(given: date, due: due, text: VietnameseText.normalized(text)))
            summary = "Giao nhiệm vụ"
            changes.append(FieldChange(field: "Nhiệm vụ", before: "", after: text))
        case .completeTask(let index):
            if next.tasks.indices.contains(index) {
                next.tasks[index].done = date
                changes.append(FieldChange(field: "Nhiệm vụ", before: next.tasks[index].text, after: "Hoàn thành"))
            } else {
                problems.append("Không có nhiệm vụ số \(index + 1) (hồ sơ có \(file.tasks.count) nhiệm vụ).")
            }
            summary = "Hoàn thành nhiệm vụ"
        case .assignMentor(let id):
            if let member = context.members[id] {
                if !member.isOfficial(on: date) {
                    problems.append("\(member.fullName) chưa phải đảng viên chính thức nên không thể giúp đỡ.")
                }
            } else {
                problems.append("Mã đảng viên \(id) không có trong danh sách đảng viên của đơn vị.")
            }
            if file.activeMentors.contains(where: { $0.memberID == id }) {
                problems.append("\(context.memberName(id)) đã là người giúp đỡ của hồ sơ này.")
            }
            next.mentors.append(MentorAssignment(memberID: id, since: date))
            summary = "Phân công người giúp đỡ"
            changes.append(FieldChange(field: "Người giúp đỡ", before: "", after: context.memberName(id)))
        case .releaseMentor(let id):
            if let index = next.mentors.firstIndex(where: { $0.memberID == id && $0.isActive }) {
                next.mentors[index].until = date
            } else {
                problems.append("\(context.memberName(id)) không phải người giúp đỡ hiện tại của hồ sơ.")
            }
            summary = "Thôi phân công người giúp đỡ"
            changes.append(FieldChange(field: "Người giúp đỡ", before: context.memberName(id), after: ""))
        case .addVerificationItem(var item):
            requireText(item.fullName, "Họ tên người được thẩm tra")
            refuseControlCharacters(item.fullName, item.place)
            if item.birthYear < 1850 || item.birthYear > date.year {
                problems.append("Năm sinh \(item.birthYear) không hợp lệ.")
            }
            if let sent = item.sent, sent > date { problems.append("Ngày gửi (\(sent)) sau ngày hôm nay (\(date)).") }
            item.fullName = VietnameseText.normalized(item.fullName)
            item.place = VietnameseText.normalized(item.place)
            item.biographyVersion = file.latestBiography?.version ?? 1
            item.addedBy = context.actor
            next.verificationItems.append(item)
            summary = "Thêm phiếu thẩm tra"
            changes.append(
                FieldChange(field: "Thẩm tra", before: "", after: "\(item.relation.vietnamese): \(item.fullName)"))
        case .recordVerificationResult(let index, let result, let returned):
            if next.verificationItems.indices.contains(index) {
                let before = next.verificationItems[index].result?.vietnamese ?? "Chưa có"
                if result != .exempt && returned == nil {
                    problems.append("Cần ngày nhận lại kết quả thẩm tra.")
                }
                if let returned, let sent = next.verificationItems[index].sent, returned < sent {
                    problems.append("Ngày nhận lại (\(returned)) trước ngày gửi (\(sent)).")
                }
                if result == .exempt && !next.verificationItems[index].isPartyMember {
                    problems.append("Chỉ người thân là đảng viên mới được miễn thẩm tra.")
                }
                next.verificationItems[index].result = result
                next.verificationItems[index].returned = returned
                next.verificationItems[index].resultRecordedBy = context.actor
                changes.append(
                    FieldChange(
                        field: "Kết quả thẩm tra \(next.verificationItems[index].fullName)", before: before,
                        after: result.vietnamese))
            } else {
                problems.append(
                    "Không có phiếu thẩm tra số \(index + 1) (hồ sơ có \(file.verificationItems.count) phiếu).")
            }
            summary = "Ghi kết quả thẩm tra"
        case .rewriteBiography(let sections):
            let version = (file.latestBiography?.version ?? 0) + 1
            next.biographyVersions.append(BiographyVersion(version: version, date: date, changedSections: sections))
            summary = "Viết lại lý lịch"
            changes.append(FieldChange(field: "Lý lịch", before: "Bản \(version - 1)", after: "Bản \(version)"))
        case .addIntroducer(let introducer):
            if let member = context.members[introducer.memberID] {
                if !member.isOfficial(on: date) {
                    problems.append("\(member.fullName) chưa phải đảng viên chính thức nên không thể giới thiệu.")
                }
            } else {
                problems.append("Mã đảng viên \(introducer.memberID) không có trong danh sách đảng viên của đơn vị.")
            }
            if file.introducers.contains(where: { $0.memberID == introducer.memberID }) {
                problems.append("\(context.memberName(introducer.memberID)) đã là người giới thiệu.")
            }
            if introducer.knownSince > date { problems.append("Ngày bắt đầu cùng công tác ở tương lai.") }
            next.introducers.append(introducer)
            summary = "Thêm người giới thiệu"
            changes.append(
                FieldChange(field: "Người giới thiệu", before: "", after: context.memberName(introducer.memberID)))
        case .setUnionResolution(let resolution):
            next.unionResolution = resolution
            summary = "Ghi nghị quyết giới thiệu của đoàn thể"
            changes.append(
                FieldChange(
                    field: "Nghị quyết giới thiệu", before: file.unionResolution?.body.vietnamese ?? "",
                    after: "\(resolution.body.vietnamese), ngày \(resolution.date)"))
        case .addOpinion(var opinion):
            refuseControlCharacters(opinion.summary)
            opinion.summary = VietnameseText.normalized(opinion.summary)
            next.opinions.append(opinion)
            summary = "Ghi ý kiến nhận xét"
            changes.append(FieldChange(field: "Ý kiến", before: "", after: opinion.source.vietnamese))
        case .addDocument(let document):
            refuseControlCharacters(document.note)
            next.documents.append(document)
            summary = "Nhận giấy tờ"
            changes.append(FieldChange(field: "Giấy tờ", before: "", after: document.kind.vietnamese))
        case .grantDecisionExtension:
            if file.state != .cellApproved && file.state != .committeeApproved {
                problems.append("Chỉ gia hạn khi hồ sơ đang chờ quyết định kết nạp.")
            }
            if file.decisionExtensionGranted { problems.append("Hồ sơ đã được gia hạn một lần; không gia hạn thêm.") }
            next.decisionExtensionGranted = true
            summary = "Gia hạn thời gian ra quyết định kết nạp"
            changes.append(FieldChange(field: "Gia hạn", before: "Không", after: "Có"))
        case .correctIdentity(let seen, let typed):
            let (wanted, conflicts) = IdentityMerge.merged(seen: seen, typed: typed, stored: file.person)
            guard conflicts.isEmpty else { throw .conflict(conflicts) }
            // The rules of a new file, against the day this one was nominated.
            let (person, personProblems) = PersonRules.checked(wanted, nominated: file.nominationDate)
            problems += personProblems
            changes += PersonDiff.changes(from: file.person, to: person)
            // An entry that changes nothing would still read as a correction in the history.
            if changes.isEmpty { problems.append("Thông tin mới giống hệt thông tin đang lưu; không có gì để sửa.") }
            next.person = person
            changes += IdentityRecheck.notes(after: next, was: file, context: context)
            summary = "Sửa thông tin cá nhân"
        }
        if isClosed, !edit.allowedOnClosedFiles {
            problems.append("Hồ sơ đã kết thúc (\(file.state.vietnamese)); chỉ có thể thêm nhận xét hoặc giấy tờ.")
        }
        guard problems.isEmpty else { throw .invalidInput(problems) }
        next.history.append(
            HistoryEntry(date: date, actor: context.actor, action: edit.name, summary: summary, changes: changes))
        return try keepingInvariants(next, over: file)
    }
}

extension CaseEdit {
    var allowedOnClosedFiles: Bool {
        switch self {
        case .addNote, .addDocument: true
        default: false
        }
    }
}

/// A corrected birth date or education may show that the cell's vote, already held, did not meet the
/// rules: the correction is still recorded (it is the truth), with a note in the history that says so,
/// for the committee to decide.
public enum IdentityRecheck {
    /// The history field of such a note.
    public static let field = "Lưu ý"

    static func notes(after corrected: CaseFile, was original: CaseFile, context: WorkflowContext) -> [FieldChange] {
        guard let vote = corrected.cellVote,
              corrected.person.birthDate != original.person.birthDate || corrected.person.education != original.person.education
        else { return [] }
        return Workflow.requirements(for: .cellApproved, of: corrected, context: context)
            .filter { GuardSet.identityCodes.contains($0.code) && !$0.isMet }
            .map { requirement in
                FieldChange(
                    field: field, before: "",
                    after: "Theo thông tin đã sửa, chi bộ biểu quyết ngày \(vote.date.vietnamese) khi chưa đạt: "
                        + "\(requirement.sentence). Báo cấp ủy xem xét.")
            }
    }
}

/// Field-by-field differences of the identity, for the history.
enum PersonDiff {
    static func changes(from old: Person, to new: Person) -> [FieldChange] {
        PersonField.all.compactMap { field in
            let (before, after) = (field.show(old), field.show(new))
            return before == after ? nil : FieldChange(field: field.label, before: before, after: after)
        }
    }
}

extension String {
    /// Notes may span lines; only the line breaks are allowed among the control characters.
    func replacingNewlines() -> String { String(map { $0 == "\n" ? " " : $0 }) }
}
