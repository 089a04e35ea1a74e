import HoSoApplication
import HoSoDomain
import HoSoStorage

/// A multi-line text (a note) made safe to print, its later lines indented under the entry they belong to,
/// so a line break in a note cannot pass for a new entry.
func multiLine(_ text: String, continuationIndent indent: String) -> String {
    VietnameseText.sanitizedMultiLineForDisplay(text).split(separator: "\n", omittingEmptySubsequences: false)
        .joined(separator: "\n" + indent)
}

/// The whole file as text, for `hoso case show`: every section a clerk keeps on paper.
enum CaseSheet {
    static func render(_ file: CaseFile, service: CaseService, today: CivilDate) -> String {
        let organisation = service.repository.organisation
        func name(_ id: MemberID) -> String { organisation.members[id]?.fullName ?? id.rawValue }
        func safe(_ text: String) -> String { VietnameseText.sanitizedForDisplay(text) }
        var lines = ["\(ReportDocument.confidentialMark) — \(ReportDocument.confidentialNotice)"]
        let person = file.person
        lines.append("Hồ sơ \(file.id) — \(safe(person.fullName))")
        lines.append("Trạng thái: \(file.state.vietnamese) (từ \(file.stateSince))")
        if let side = file.sideState {
            lines.append("  Lý do: \(safe(side.reason)); ngày \(side.date); người quyết định: \(safe(side.decidedBy))")
        }
        lines.append("Đơn vị: \(organisation.units[file.unitID]?.name ?? file.unitID.rawValue)")
        lines.append("")
        lines.append("THÔNG TIN")
        lines.append("  Ngày sinh: \(person.birthDate) (\(AgeText.months(person.birthDate.wholeMonths(until: today))))   Giới tính: \(person.sex.vietnamese)")
        lines.append("  Dân tộc: \(safe(person.ethnicity))   Tôn giáo: \(safe(person.religion))   CCCD: \(safe(person.citizenID))")
        lines.append("  Nơi cư trú: \(safe(person.homeAddress))")
        lines.append("  Nghề nghiệp: \(safe(person.occupation))   Học vấn: \(person.education.vietnamese)")
        lines.append("  Đoàn viên: \(person.youthUnionMember ? "có" : "không")   Công đoàn viên: \(person.tradeUnionMember ? "có" : "không")")
        lines.append("  Nơi giới thiệu: \(file.nominatedBy.vietnamese), ngày \(file.nominationDate)")
        lines.append("")
        lines.append("NGƯỜI GIÚP ĐỠ")
        for mentor in file.mentors {
            lines.append("  \(name(mentor.memberID)) (\(mentor.memberID)) từ \(mentor.since)" + (mentor.until.map { " đến \($0)" } ?? ""))
        }
        for note in file.notes {
            lines.append("  \(note.date) \(safe(note.author)): " + multiLine(note.text, continuationIndent: "    "))
        }
        for (index, task) in file.tasks.enumerated() {
            lines.append("  Nhiệm vụ \(index + 1): \(safe(task.text))" + (task.due.map { ", hạn \($0)" } ?? "") + (task.done.map { " — xong \($0)" } ?? ""))
        }
        lines.append("")
        lines.append("LỚP BỒI DƯỠNG")
        if let enrolment = file.enrolment { lines.append("  \(safe(enrolment.className)), vào lớp \(enrolment.enrolled)") }
        if let certificate = file.certificate {
            let expiry = certificate.issued.adding(months: service.repository.rulebook[.certificateValidityMonths])
            lines.append("  Giấy chứng nhận số \(safe(certificate.number)), \(safe(certificate.issuer)), cấp \(certificate.issued), giá trị đến hết \(expiry.adding(days: -1))")
        }
        lines.append("")
        lines.append("LÝ LỊCH & THẨM TRA")
        if let application = file.application { lines.append("  Đơn xin vào Đảng ngày \(application)") }
        for version in file.biographyVersions {
            lines.append("  Lý lịch bản \(version.version), ngày \(version.date)" + (version.changedSections.isEmpty ? "" : ", sửa: \(version.changedSections.joined(separator: ", "))"))
        }
        for (index, item) in file.verificationItems.enumerated() {
            let archive = item.needsArchiveSearch(rulebook: service.repository.rulebook) ? " [cần sưu tra]" : ""
            let state =
                item.result.map { "\($0.vietnamese)" + (item.returned.map { " (nhận \($0))" } ?? "") }
                ?? "chưa có kết quả" + (item.exemptionHint(caseID: file.id, number: index + 1).map { " (\($0))" } ?? "")
            lines.append("  \(index + 1). \(item.relation.vietnamese): \(safe(item.fullName)), \(item.birthYear)\(archive) — gửi \(item.sent?.vietnamese ?? "chưa gửi"), \(state)" + (item.responsibleMemberID.map { "; phụ trách \(name($0))" } ?? "")
                + (item.addedBy.map { "; lập phiếu: \(safe($0))" } ?? "")
                + (item.resultRecordedBy.map { "; ghi kết quả: \(safe($0))" } ?? ""))
        }
        lines.append("")
        lines.append("KẾT NẠP")
        for introducer in file.introducers {
            lines.append("  Người giới thiệu: \(name(introducer.memberID)), cùng công tác từ \(introducer.knownSince)" + (introducer.isReplacement ? " (thay thế)" : ""))
        }
        if let union = file.unionResolution { lines.append("  Nghị quyết \(union.body.vietnamese) ngày \(union.date)") }
        for opinion in file.opinions { lines.append("  Ý kiến \(opinion.source.vietnamese.lowercased()) ngày \(opinion.date)") }
        if let vote = file.cellVote { lines.append("  Chi bộ: \(vote.votesFor)/\(vote.eligible) tán thành ngày \(vote.date)") }
        if let vote = file.committeeVote { lines.append("  Đảng ủy: \(vote.votesFor)/\(vote.eligible) tán thành ngày \(vote.date)") }
        if let decision = file.decision { lines.append("  Quyết định số \(safe(decision.number)) ngày \(decision.date), \(safe(decision.body))") }
        if let ceremony = file.ceremony { lines.append("  Lễ kết nạp ngày \(ceremony)") }
        if file.state == .probation || file.state == .probationReview || file.state == .official {
            lines.append("")
            lines.append("DỰ BỊ")
            if let ceremony = file.ceremony { lines.append("  Hết dự bị: \(ceremony.adding(months: service.repository.rulebook[.probationMonths]))") }
            if let vote = file.recognitionVote { lines.append("  Chi bộ công nhận: \(vote.votesFor)/\(vote.eligible) ngày \(vote.date)") }
            if let decision = file.recognitionDecision { lines.append("  Quyết định công nhận số \(safe(decision.number)) ngày \(decision.date)") }
            if let since = file.officialSince {
                let decided = file.recognitionDecision.map { "; quyết định công nhận ngày \($0.date)" } ?? ""
                lines.append("  Đảng viên chính thức từ ngày \(since) (ngày hết dự bị\(decided))")
            }
        }
        if !file.documents.isEmpty {
            lines.append("")
            lines.append("GIẤY TỜ")
            for document in file.documents { lines.append("  \(document.date) \(document.kind.vietnamese) \(safe(document.note))") }
        }
        lines.append("")
        let deadlines = CaseDeadlines.all(for: file, rulebook: service.repository.rulebook, calendar: service.repository.calendar)
        if !deadlines.isEmpty {
            lines.append("HẠN")
            for deadline in deadlines {
                lines.append("  \(deadline.label): \(deadline.dueText) — \(deadline.status(on: today, calendar: service.repository.calendar))")
            }
            lines.append("")
        }
        if let next = service.nextMainState(of: file),
            let blockers = try? service.blockers(of: file, to: next, on: today, actor: "")
        {
            lines.append(blockers.isEmpty ? "Đủ điều kiện sang \"\(next.vietnamese)\"." : "Để sang \"\(next.vietnamese)\" còn cần:")
            for blocker in blockers { lines.append("  ✗ \(blocker.sentence)") }
        }
        let steps = Workflow.events(from: file.state).map(\.rawValue)
        lines.append("Các bước có thể làm: " + (steps.isEmpty ? "không còn bước nào." : steps.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }
}
