import Foundation
import HoSoDomain

/// A line of a detail tab.
struct DetailLine {
    var text: String
    var style: Style = .normal
}

/// One file in tabs: identity, mentors, class, verification, admission, probation, papers, history.
public enum DetailView {
    static func draw(_ state: AppState, _ detail: DetailState, size: Size, into buffer: inout CellBuffer) {
        guard let file = AppReducer.file(detail.caseID, in: state) else { return }
        let row = state.index.position(of: file.id).map { state.index.rows[$0] }
        let person = file.person
        let who = " \(file.id.rawValue) · \(person.fullName) · \(person.sex.vietnamese), sinh \(person.birthDate.vietnamese) · "
        let unit = NarrowText.unit(state.data.unitName(file.unitID), label: state.index.unitLabels[file.unitID],
                                   columns: size.width - CellWidth.of(who) - 1)
        buffer.putPadded(who + unit, in: Rect(row: 1, col: 0, width: size.width, height: 1), style: .header)
        // The next deadline's day matters more than since when the state holds: on a narrow screen the
        // state goes short and its day goes before the deadline is cut.
        // An official member is official from the end of probation, however late the decision (issue 16, item 3).
        let since = file.state == .official ? file.officialSince ?? file.stateSince : file.stateSince
        var choices = [" Trạng thái: \(file.state.vietnamese) (từ \(since.vietnamese))",
                     " Trạng thái: \(file.state.vietnamese)", " \(file.state.shortVietnamese)"]
        if let deadline = row?.deadline, let status = row?.status {
            choices = choices.map { $0 + " · \(deadline.label): \(deadline.shortDueText) (\(status.description))" }
        }
        let second = choices.first { DisplayWidth.columns(of: $0) <= size.width } ?? choices[choices.count - 1]
        let overdue = row?.isOverdue ?? false
        buffer.putPadded(second, in: Rect(row: 2, col: 0, width: size.width, height: 1), style: overdue ? .error : .normal)
        TabBar.draw(DetailLayout.titles, selected: detail.tab.rawValue, in: ScreenLayout.detailTabs(size), into: &buffer)
        let body = ScreenLayout.detailBody(size)
        let lines = lines(of: detail.tab, file: file, state: state, detail: detail, width: body.width)
        var scroll = min(detail.scroll, max(0, lines.count - body.height))
        if detail.tab == .verification {
            // Keep the selected item in view.
            let selectedLine = 2 + detail.verificationItem
            if selectedLine >= scroll + body.height { scroll = selectedLine - body.height + 1 }
        }
        for (offset, line) in lines.dropFirst(scroll).prefix(body.height).enumerated() {
            buffer.putPadded(line.text, in: Rect(row: body.row + offset, col: 0, width: body.width, height: 1), style: line.style)
        }
    }

    static func lines(of tab: DetailTab, file: CaseFile, state: AppState, detail: DetailState, width: Int) -> [DetailLine] {
        let data = state.data
        func field(_ label: String, _ value: String) -> DetailLine {
            DetailLine(text: " " + DisplayWidth.padded(label, toColumns: 22) + value)
        }
        func date(_ value: CivilDate?) -> String { value?.vietnamese ?? "—" }
        func yes(_ value: Bool) -> String { value ? "Có" : "Không" }
        var lines: [DetailLine] = []
        if let part = file.unreadablePart {
            // The part reads as empty: say so on every tab rather than show "none".
            lines += TextWrap.wrap(
                " ✗ Một phần hồ sơ trong tệp dữ liệu không đọc được (\(part)). Hồ sơ này không lưu được nữa: "
                    + "chạy \"hoso check\" và khôi phục bản sao lưu (\"hoso restore TÊN\").", width: width - 1
            ).map { DetailLine(text: $0, style: .error) }
        }
        switch tab {
        case .info:
            let person = file.person
            let age = person.birthDate.wholeMonths(until: data.today) / 12
            lines = [
                field("Họ và tên", person.fullName),
                field("Ngày sinh", "\(person.birthDate.vietnamese) (\(age) tuổi)"),
                field("Giới tính", person.sex.vietnamese),
                field("Dân tộc, tôn giáo", "\(person.ethnicity), \(person.religion)"),
                field("Số CCCD", person.citizenID.isEmpty ? "—" : person.citizenID),
                field("Nơi cư trú", person.homeAddress.isEmpty ? "—" : person.homeAddress),
                field("Nghề nghiệp", person.occupation.isEmpty ? "—" : person.occupation),
                field("Học vấn", person.education.vietnamese),
                field("Đoàn viên / công đoàn", "\(yes(person.youthUnionMember)) / \(yes(person.tradeUnionMember))"),
                field("Nơi giới thiệu", "\(file.nominatedBy.vietnamese), ngày \(file.nominationDate.vietnamese)"),
            ]
            if let side = file.sideState {
                lines.append(field("Lý do", "\(side.reason) (\(side.date.vietnamese), \(side.decidedBy))"))
            }
            lines.append(DetailLine(text: ""))
            lines += checklist(file, state: state, width: width)
        case .mentors:
            lines.append(DetailLine(text: " Người giúp đỡ", style: .header))
            if file.mentors.isEmpty { lines.append(DetailLine(text: "  Chưa phân công", style: .muted)) }
            for mentor in file.mentors {
                let until = mentor.until.map { " đến \($0.vietnamese)" } ?? " (đang giúp đỡ)"
                lines.append(DetailLine(text: "  \(data.memberName(mentor.memberID)) (\(mentor.memberID.rawValue)) từ \(mentor.since.vietnamese)\(until)"))
            }
            lines.append(DetailLine(text: ""))
            lines.append(DetailLine(text: " Nhận xét (m hoặc Ctrl-N để thêm)", style: .header))
            if file.notes.isEmpty { lines.append(DetailLine(text: "  Chưa có nhận xét", style: .muted)) }
            for note in file.notes.reversed() {
                // A note's later lines hang under its text, so none reads as a new dated entry at the margin.
                let text = note.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
                lines += TextWrap.wrap("  \(note.date.vietnamese) \(note.author): \(text)", width: width - 1).map { DetailLine(text: $0) }
            }
            lines.append(DetailLine(text: ""))
            lines.append(DetailLine(text: " Nhiệm vụ", style: .header))
            if file.tasks.isEmpty { lines.append(DetailLine(text: "  Chưa giao nhiệm vụ", style: .muted)) }
            for task in file.tasks {
                let due = task.due.map { ", hạn \($0.vietnamese)" } ?? ""
                let done = task.done.map { " — xong \($0.vietnamese)" } ?? ""
                lines.append(DetailLine(text: "  \(task.given.vietnamese)\(due): \(task.text)\(done)"))
            }
        case .training:
            lines = [
                field("Nghị quyết chi bộ", date(file.sympathizerResolution)),
                field("Lớp bồi dưỡng", file.enrolment.map { "\($0.className) (từ \($0.enrolled.vietnamese))" } ?? "—"),
                field("Giấy chứng nhận", file.certificate.map { "Số \($0.number), \($0.issuer), ngày \($0.issued.vietnamese)" } ?? "—"),
            ]
            if let certificate = file.certificate {
                let expiry = certificate.issued.adding(months: data.rulebook[.certificateValidityMonths])
                lines.append(field("Giá trị đến", expiry.vietnamese))
            }
        case .verification:
            lines = [
                field("Đơn xin vào Đảng", date(file.application)),
                field("Lý lịch", file.biographyVersions.map { "bản \($0.version) (\($0.date.vietnamese))" }.joined(separator: ", ")),
            ]
            lines[0].text += "      Kết luận: \(date(file.verificationConcluded))"
            let header = cells(["Quan hệ", "Họ và tên", "Năm", "Sưu tra", "Gửi", "Nhận", "Kết quả", "Phụ trách"], width: width)
            lines.append(DetailLine(text: header, style: .header))
            if file.verificationItems.isEmpty {
                lines.append(DetailLine(text: "  Chưa có phiếu thẩm tra (v hoặc Ctrl-T để thêm)", style: .muted))
            }
            for (index, item) in file.verificationItems.enumerated() {
                let text = cells([item.relation.vietnamese, item.fullName, String(item.birthYear),
                                  item.needsArchiveSearch(rulebook: data.rulebook) ? "Cần" : "—",
                                  item.sent?.vietnamese ?? "—", item.returned?.vietnamese ?? "—",
                                  item.result?.vietnamese ?? "Chưa có",
                                  item.responsibleMemberID.map(data.memberName) ?? "—"], width: width)
                let style: Style = index == detail.verificationItem ? .selected : (item.result == .problem ? .error : .normal)
                lines.append(DetailLine(text: text, style: style))
            }
            lines.append(DetailLine(text: " e hoặc Ctrl-R: ghi kết quả phiếu đang chọn", style: .muted))
        case .admission:
            lines.append(DetailLine(text: " Người giới thiệu (i hoặc Ctrl-G để thêm)", style: .header))
            if file.introducers.isEmpty { lines.append(DetailLine(text: "  Chưa có", style: .muted)) }
            for introducer in file.introducers {
                lines.append(DetailLine(text: "  \(data.memberName(introducer.memberID)) — cùng công tác từ \(introducer.knownSince.vietnamese), giấy ngày \(introducer.letterDate.vietnamese)\(introducer.isReplacement ? " (thay thế)" : "")"))
            }
            lines.append(field("Nghị quyết đoàn thể", file.unionResolution.map { "\($0.body.vietnamese), ngày \($0.date.vietnamese)" } ?? "—"))
            lines.append(DetailLine(text: " Ý kiến nhận xét (o hoặc Ctrl-O để thêm)", style: .header))
            if file.opinions.isEmpty { lines.append(DetailLine(text: "  Chưa có", style: .muted)) }
            for opinion in file.opinions {
                lines.append(DetailLine(text: "  \(opinion.source.vietnamese), \(opinion.date.vietnamese): \(opinion.summary)"))
            }
            lines.append(field("Chi bộ biểu quyết", vote(file.cellVote)))
            lines.append(field("Đảng ủy biểu quyết", vote(file.committeeVote)))
            lines.append(field("Quyết định kết nạp", decision(file.decision)))
            lines.append(field("Lễ kết nạp", date(file.ceremony)))
        case .probation:
            let end = file.ceremony.map { $0.adding(months: data.rulebook[.probationMonths]) }
            lines = [
                field("Lễ kết nạp", date(file.ceremony)),
                field("Hết 12 tháng dự bị", end?.vietnamese ?? "—"),
                field("Đã ghi hết dự bị", date(file.probationCompleted)),
                field("GCN lớp đảng viên mới", file.newMemberCertificate.map { "Số \($0.number), \($0.issued.vietnamese)" } ?? "—"),
                field("Chi bộ xét công nhận", vote(file.recognitionVote)),
                field("Quyết định công nhận", decision(file.recognitionDecision)),
            ]
            // Official from the end of probation, not from a decision taken late (QĐ 29-QĐ/TW mục 4).
            if let since = file.officialSince, since != file.recognitionDecision?.date {
                lines.append(field("Chính thức từ ngày", "\(since.vietnamese) (hết dự bị; quyết định ra sau ngày này)"))
            }
        case .documents:
            lines.append(DetailLine(text: cells(["Giấy tờ", "Ngày", "Ghi chú"], width: width), style: .header))
            if file.documents.isEmpty { lines.append(DetailLine(text: "  Chưa ghi nhận giấy tờ nào", style: .muted)) }
            for document in file.documents {
                lines.append(DetailLine(text: cells([document.kind.vietnamese, document.date.vietnamese, document.note], width: width)))
            }
        case .history:
            for entry in file.history.reversed() {
                lines.append(DetailLine(text: " \(entry.date.vietnamese) · \(entry.actor) · \(entry.summary)", style: .header))
                for change in entry.changes {
                    let arrow = change.before.isEmpty ? change.after : "\(change.before) → \(change.after)"
                    lines += TextWrap.wrap("   \(change.field): \(arrow)", width: width - 1).map { DetailLine(text: $0) }
                }
            }
        }
        return lines
    }

    /// The next main step and its requirements (✓ met, ✗ with the engine's sentence).
    static func checklist(_ file: CaseFile, state: AppState, width: Int) -> [DetailLine] {
        guard let step = CaseQuestions.mainStep(of: file), let context = state.data.context(for: file, on: state.data.today) else {
            return [DetailLine(text: " Hồ sơ không còn bước chính nào.", style: .muted)]
        }
        let target = Workflow.destination(of: step, for: file)?.vietnamese ?? ""
        // The key is offered only to a person who may take the step; the others read whose step it is.
        let refusal = state.data.access?.refusal(.step(step), on: file)
        let hint = refusal == nil ? "(n hoặc F4)" : "(cần vai trò \(Permission.step(step).roles.sorted().map(\.vietnamese).joined(separator: " hoặc ")))"
        // The hint whole, on a line of its own when it does not fit after the step.
        var heading = TextWrap.wrap(" Bước tiếp theo: \(step.vietnamese) → \(target)", width: width - 1)
        if let last = heading.last, DisplayWidth.columns(of: last + "   " + hint) <= width - 1 {
            heading[heading.count - 1] = last + "   " + hint
        } else {
            heading.append("   " + hint)
        }
        var lines = heading.map { DetailLine(text: $0, style: .title) }
        for requirement in Workflow.preview(step, of: file, context: context) {
            let supplied = !requirement.isMet && CaseQuestions.isSuppliedByStep(requirement)
            let text = requirement.isMet ? "  ✓ \(requirement.title)"
                : supplied ? "  ○ \(requirement.title) (nhập khi làm bước này)" : "  ✗ \(requirement.sentence)"
            lines += TextWrap.wrap(text, width: width - 1).map { DetailLine(text: $0, style: requirement.isMet ? .success : (supplied ? .muted : .error)) }
        }
        return lines
    }

    static func vote(_ vote: VoteRecord?) -> String {
        guard let vote else { return "—" }
        return "\(vote.date.vietnamese): \(vote.votesFor)/\(vote.eligible) tán thành, \(vote.votesAgainst) không tán thành"
    }

    static func decision(_ decision: Decision?) -> String {
        guard let decision else { return "—" }
        return "Số \(decision.number), \(decision.body), ngày \(decision.date.vietnamese)"
    }

    /// Values laid out in columns shared by the header and the rows of a tab.
    static func cells(_ values: [String], width: Int) -> String {
        // Dates and short codes get what they need; names share the rest.
        let fixed: [Int?] = values.count == 8 ? [11, nil, 4, 7, 10, 10, 9, nil]
            : values.count == 3 ? [nil, 10, nil] : Array(repeating: nil, count: values.count)
        let used = fixed.compactMap { $0 }.reduce(0, +) + values.count + 1
        let flexible = max(1, fixed.filter { $0 == nil }.count)
        let share = max(6, (width - used) / flexible)
        return " " + zip(values, fixed).map { value, size in
            DisplayWidth.padded(value, toColumns: size ?? share)
        }.joined(separator: " ")
    }
}
