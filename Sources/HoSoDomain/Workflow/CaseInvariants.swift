/// What must hold of every file, whatever path it took. The engine refuses a step or an edit that would
/// break one (so anything HoSo accepts, `hoso check` accepts too), and `hoso check` reports a stored file
/// that breaks one: one statement of each rule for both.
public enum CaseInvariants {
    /// Every breach in `file`, each a sentence that names the file. `unitExists`: whether the file's unit
    /// is in the data (a file on its own cannot tell).
    public static func problems(in file: CaseFile, unitExists: Bool = true) -> [String] {
        problems(in: file, unitExists: unitExists, lateFacts: DateOrder.lateFacts(in: file))
    }

    /// Every breach in every file of `cases`, as `hoso check` reports them.
    public static func problems(in cases: [CaseFile], organisation: Organisation) -> [String] {
        cases.flatMap { problems(in: $0, unitExists: organisation.units[$0.unitID] != nil) }
    }

    /// As above, with the file's `DateOrder.lateFacts` already found (a change judges them twice).
    private static func problems(in file: CaseFile, unitExists: Bool = true, lateFacts: [DateOrder.LateFact]) -> [String] {
        let name = "Hồ sơ \(file.id)"
        var problems: [String] = []
        if !unitExists {
            problems.append("\(name): thuộc đơn vị \(file.unitID) không có trong dữ liệu.")
        }
        if file.state.isMainPath, file.sideState != nil {
            problems.append("\(name): ở trạng thái chính \(file.state.rawValue) nhưng còn ghi lý do trạng thái phụ.")
        }
        if !file.state.isMainPath, file.sideState == nil {
            problems.append("\(name): ở trạng thái \(file.state.rawValue) nhưng không có lý do, ngày, người quyết định.")
        }
        if [.paused, .expired].contains(file.state), file.sideState?.resumeState == nil {
            problems.append("\(name): tạm dừng nhưng không biết trạng thái để quay lại.")
        }
        if let index = CaseState.mainPath.firstIndex(of: file.state) {
            func needs(_ state: CaseState, _ present: Bool, _ what: String) {
                if let needed = CaseState.mainPath.firstIndex(of: state), index >= needed, !present {
                    problems.append("\(name): đã qua bước \"\(state.vietnamese)\" nhưng thiếu \(what).")
                }
            }
            needs(.sympathizer, file.sympathizerResolution != nil, "nghị quyết chi bộ")
            needs(.certified, file.certificate != nil, "giấy chứng nhận bồi dưỡng")
            needs(.cellApproved, file.cellVote != nil, "kết quả biểu quyết của chi bộ")
            needs(.decided, file.decision != nil, "quyết định kết nạp")
            needs(.probation, file.ceremony != nil, "ngày lễ kết nạp")
        }
        file.forEachRecordedDate { label, date in
            guard !date.isRecordable else { return }
            problems.append(
                "\(name): \(label) \(date.vietnamese) nằm ngoài khoảng ngày HoSo ghi nhận "
                    + "(\(CivilDate.recordable.lowerBound) – \(CivilDate.recordable.upperBound)).")
        }
        problems += DateOrder.breaches(in: file).map { "\(name): \($0)" }
        problems += lateFacts.map { "\(name): \($0.sentence)" }
        let history = file.history
        if let index = firstEntryOutOfOrder(in: history) {
            let (earlier, later) = (history[index], history[index + 1])
            problems.append(
                "\(name): lịch sử không theo thứ tự thời gian: \"\(later.summary)\" ngày \(later.date) "
                    + "ghi sau \"\(earlier.summary)\" ngày \(earlier.date).")
        }
        return problems
    }

    /// The position of the first entry dated after the one that follows it, nil when the history is in
    /// order; reading the dates in place (see `AppendList.forEachPart`).
    private static func firstEntryOutOfOrder(in history: AppendList<HistoryEntry>) -> Int? {
        var position = 0
        var previous: CivilDate?
        var found: Int?
        history.forEachPart { part in
            for index in part.indices where found == nil {
                if let previous, previous > part[index].date { found = position - 1 }
                previous = part[index].date
                position += 1
            }
        }
        return found
    }

    /// The breaches `next` would bring that `previous` did not have: what a change must not do. A breach
    /// the file already had (written by an older version) is `hoso check`'s to report, not a reason to
    /// refuse every later change.
    static func introduced(by next: CaseFile, over previous: CaseFile?) -> [String] {
        // Each file's late facts found once: they are the part of the check that reads every note.
        let nextLate = DateOrder.lateFacts(in: next)
        var found = CaseInvariants.problems(in: next, lateFacts: nextLate)
        // The file before the change is judged only when the change leaves something to excuse (a breach
        // it already had) or to date (late facts, among the problems): most changes leave none, and judging a
        // file reads its whole history and every note, so a save would cost as much as the file is long.
        let previousLate = found.isEmpty ? nil : previous.map(DateOrder.lateFacts(in:))
        if !found.isEmpty, let previous {
            let before = Set(CaseInvariants.problems(in: previous, lateFacts: previousLate ?? []))
            found.removeAll { before.contains($0) }
        }
        // A fact dated after the last entry is judged by what this change brings, not by what the file held
        // already (whose sentence names the new last entry, so would look new).
        let name = "Hồ sơ \(next.id)"
        let stale = Set(nextLate.map { "\(name): \($0.sentence)" })
        found.removeAll { stale.contains($0) }
        let brought = DateOrder.newLateFacts(nextLate, since: previousLate).map { "\(name): \($0)" }
        found += brought
        // A change dated before the file's last entry is what breaks the order: say it in the clerk's terms.
        if let last = previous?.history.last, let added = next.history.last, (added.date < last.date),
           next.history.count > (previous?.history.count ?? 0)
        {
            // The order says it all: the facts on file after this change's day are the entries it precedes.
            let late = Set(brought)
            found.removeAll { $0.contains("lịch sử không theo thứ tự thời gian") || late.contains($0) }
            found.append(
                "Ngày \(added.date) trước ngày của mục cuối trong lịch sử hồ sơ (\"\(last.summary)\", ngày \(last.date)). "
                    + "Hồ sơ ghi theo thứ tự thời gian: hãy kiểm tra lại ngày (ngày \(last.date) trở về sau).")
        }
        return found
    }
}

extension CaseFile {
    /// Every day the file records, with what it is, for the range check.
    public var recordedDates: [(label: String, date: CivilDate)] {
        var dates: [(label: String, date: CivilDate)] = []
        forEachRecordedDate { dates.append(($0, $1)) }
        return dates
    }

    /// `body` for every day the file records, with what it is, without gathering them first (a file with
    /// a long history has thousands). `factsOnly` leaves out what is not a fact an entry records: the days
    /// of the history entries themselves, a task's due date (a plan), a decision's day of receipt (after
    /// the day it is signed, by nature) — told apart here rather than by comparing labels, which for a
    /// file with a long history cost more than the rest of the check.
    func forEachRecordedDate(factsOnly: Bool = false, _ body: (String, CivilDate) -> Void) {
        body("ngày sinh", person.birthDate)
        body("ngày giới thiệu", nominationDate)
        body("ngày vào trạng thái", stateSince)
        func add(_ label: String, _ date: CivilDate?) { if let date { body(label, date) } }
        removalDates.forEach { add("ngày đưa ra khỏi danh sách", $0) }
        add("ngày nghị quyết chi bộ", sympathizerResolution)
        for mentor in mentors {
            add("ngày phân công người giúp đỡ", mentor.since)
            add("ngày thôi giúp đỡ", mentor.until)
        }
        // Reading the date alone, in place: iterating copies each note (and retains its texts).
        notes.forEachPart { part in
            for index in part.indices { body("ngày nhận xét", part[index].date) }
        }
        for task in tasks {
            add("ngày giao nhiệm vụ", task.given)
            if !factsOnly { add("hạn nhiệm vụ", task.due) }
            add("ngày hoàn thành nhiệm vụ", task.done)
        }
        add("ngày vào lớp", enrolment?.enrolled)
        add("ngày cấp giấy chứng nhận", certificate?.issued)
        add("ngày làm đơn", application)
        biographyVersions.forEach { add("ngày lý lịch", $0.date) }
        for item in verificationItems {
            add("ngày gửi thẩm tra", item.sent)
            add("ngày nhận kết quả thẩm tra", item.returned)
        }
        add("ngày kết luận thẩm tra", verificationConcluded)
        for introducer in introducers {
            add("ngày bắt đầu cùng công tác", introducer.knownSince)
            add("ngày thư giới thiệu", introducer.letterDate)
        }
        add("ngày nghị quyết đoàn thể", unionResolution?.date)
        opinions.forEach { add("ngày ý kiến", $0.date) }
        for vote in [cellVote, committeeVote, recognitionVote] { add("ngày biểu quyết", vote?.date) }
        for decision in [decision, recognitionDecision] {
            add("ngày quyết định", decision?.date)
            if !factsOnly { add("ngày nhận quyết định", decision?.received) }
        }
        add("ngày lễ kết nạp", ceremony)
        add("ngày hết dự bị", probationCompleted)
        add("ngày cấp giấy chứng nhận đảng viên mới", newMemberCertificate?.issued)
        documents.forEach { add("ngày giấy tờ", $0.date) }
        add("ngày trạng thái phụ", sideState?.date)
        if !factsOnly {
            history.forEachPart { part in
                for index in part.indices { body("ngày ghi lịch sử", part[index].date) }
            }
        }
    }
}

extension Workflow {
    /// `next`, unless it breaks an invariant that `previous` kept: then the breaches, as a refusal.
    static func keepingInvariants(_ next: CaseFile, over previous: CaseFile?) throws(WorkflowError) -> CaseFile {
        let problems = CaseInvariants.introduced(by: next, over: previous)
        guard problems.isEmpty else { throw .invalidInput(problems) }
        return next
    }
}
