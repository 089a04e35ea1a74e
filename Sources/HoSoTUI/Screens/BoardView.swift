import Foundation
import HoSoDomain

/// The pipeline board: one column per stage with the count per state, overdue, due soon and no
/// mentor, and this year's admissions against the target.
public enum BoardView {
    static func shortLabel(_ state: CaseState) -> String {
        switch state {
        case .nominated: "Giới thiệu"
        case .sympathizer: "Cảm tình"
        case .inClass: "Đang học"
        case .certified: "Có GCN"
        case .dossier: "Làm hồ sơ"
        case .verifying: "Thẩm tra"
        case .verified: "Kết luận LL"
        case .introduced: "Đủ ý kiến"
        case .cellApproved: "Chi bộ xét"
        case .committeeApproved: "Đảng ủy xét"
        case .decided: "Có QĐ"
        case .probation: "Dự bị"
        case .probationReview: "Hết dự bị"
        case .notAdmitted: "Không KN"
        default: state.shortVietnamese
        }
    }

    static func label(_ item: BoardItem, stage: Stage, wide: Bool) -> String {
        switch item {
        case .stage: wide || stage != .verification ? stage.vietnamese : "Thẩm tra"
        case .state(let state): wide ? state.shortVietnamese : shortLabel(state)
        case .overdue: "Quá hạn"
        case .dueSoon: wide ? "Sắp đến hạn" : "Sắp hạn"
        case .noMentor: wide ? "Chưa có người GĐ" : "Chưa có GĐ"
        }
    }

    /// The number shown against `item`, from the index's counts (kept per load, not per frame).
    static func count(_ item: BoardItem, stage: Stage, counts: CaseCounts) -> Int {
        let tally = counts.byStage[stage] ?? CaseCounts.Tally()
        switch item {
        case .stage: return tally.files
        case .state(let state): return state.stage == stage ? counts.byState[state] ?? 0 : 0
        case .overdue: return tally.overdue
        case .dueSoon: return tally.dueSoon
        case .noMentor: return tally.noMentor
        }
    }

    /// This year's admissions so far against the quota and the 3–4 % target (the read model's).
    public static func admissions(_ state: AppState) -> AdmissionsSummary { state.readModel.admissions }

    /// The board's two lines on admissions: the figure against the unit's quota (chỉ tiêu), or with its
    /// share of the members when no quota is recorded (as the quota report says "không có số liệu"), then
    /// the 3–4 % target of Resolution 21 (mục tiêu: not a quota, so not named as one).
    static func admissionLines(_ summary: AdmissionsSummary, today: CivilDate) -> (String, String) {
        let upTo = summary.through < today ? " (tính đến \(FigureText.date(summary.through)))" : ""
        let base = summary.members ?? 0
        let target = RateReport.target(members: base)
        let first: String
        if let quota = summary.quota, summary.admitted.value != nil {
            let reached = summary.admitted.isPartial ? "" : " · đạt \(Percent.text(summary.quotaReached))"
            first = " Kết nạp năm \(summary.year)\(upTo): \(summary.admitted.text) · chỉ tiêu \(quota)\(reached)"
        } else if let admitted = summary.admitted.value, !summary.admitted.isPartial {
            let rate = base > 0 ? " (\(NumberText.percent(Double(admitted) * 100 / Double(base))))" : ""
            first = " Kết nạp năm \(summary.year)\(upTo): \(admitted) người\(rate) · chưa có chỉ tiêu"
        } else {
            first = " Kết nạp năm \(summary.year)\(upTo): \(summary.admitted.text)"
        }
        let estimated = summary.membersEstimated ? " (số hiện nay)" : ""
        return (first, " Mục tiêu 3–4 % của \(base) đảng viên đầu năm\(estimated): \(target.lowerBound)–\(target.upperBound) người")
    }

    /// The member signed in when they see only the candidates they mentor (no role that lists the whole unit).
    static func ownCandidatesOnly(_ state: AppState) -> MemberID? {
        guard let access = state.data.access, access.holds(.mentor),
              ![Role.clerk, .committee, .viewer].contains(where: access.holds) else { return nil }
        return access.account.memberID
    }

    static func draw(_ state: AppState, in content: Rect, into buffer: inout CellBuffer) {
        let counts = state.index.counts
        let active = counts.active
        buffer.put(" Hồ sơ đang theo dõi: \(active)   (Enter mở danh sách đã chọn)", at: content.row, col: 0, style: .muted)
        let columns = ScreenLayout.boardColumns(state.size)
        for (index, stage) in Stage.allCases.enumerated() {
            let rect = columns[index]
            let wide = rect.width >= 22
            for (itemIndex, item) in BoardItem.items(of: stage).enumerated() {
                let row = ScreenLayout.boardItemRow(rect, item: item, stage: stage)
                let selected = state.board.column == index && state.board.item == itemIndex
                let value = count(item, stage: stage, counts: counts)
                var style: Style = item == .stage ? .header : .normal
                if (item == .overdue || item == .noMentor) && value > 0 { style = .error }
                if item == .dueSoon && value > 0 { style = .warning }
                if selected { style = .selected }
                let number = String(value)
                // A space on each side of the label and of the number: a wide label that would touch a large
                // count ("Thẩm tra lý lịch17109" at 100,000 files) gives way to the short one.
                var text = label(item, stage: stage, wide: wide)
                if wide, CellWidth.of(text) > rect.width - number.count - 3 { text = label(item, stage: stage, wide: false) }
                buffer.putPadded(" " + text, in: Rect(row: row, col: rect.col, width: rect.width - number.count - 2, height: 1), style: style)
                buffer.put(" " + number + " ", at: row, col: rect.right - number.count - 2, style: style)
            }
            buffer.horizontalLine(row: rect.row + 1, col: rect.col, length: rect.width)
            if index + 1 < columns.count {
                buffer.verticalLine(row: rect.row, col: rect.right, length: rect.height)
            }
        }
        let below = (columns.first?.bottom ?? content.row) + 1
        if let member = ownCandidatesOnly(state), state.loading != nil {
            // Who lacks this month's note is known once their files are read; how many they mentor, already.
            buffer.put(" Anh/chị đang giúp đỡ \(counts.byMentor[member] ?? 0) người · đang đọc nhận xét tháng \(state.data.today.month)/\(state.data.today.year)…",
                       at: below, col: 0, style: .title)
        } else if let member = ownCandidatesOnly(state) {
            // The unit's admissions against its target are not a mentor's figures: their own candidates are.
            let today = state.data.today
            let members = state.data.organisation.members
            let candidates = MentorLogic.candidates(of: member, index: state.index)
            let missing = candidates.filter { state.index.rows[$0].file.lacksMonthlyNote(inMonthOf: today, members: members) }
            buffer.put(" Anh/chị đang giúp đỡ \(candidates.count) người · \(missing.count) người chưa có nhận xét tháng \(today.month)/\(today.year)",
                       at: below, col: 0, style: .title)
            buffer.put(" Thêm nhận xét tháng: t hoặc F7, chọn người rồi m", at: below + 1, col: 0, style: .muted)
        } else {
            let (first, second) = admissionLines(admissions(state), today: state.data.today)
            buffer.put(first, at: below, col: 0, style: .title)
            buffer.put(second, at: below + 1, col: 0, style: .muted)
        }
        let all = counts.all
        buffer.put(" Tổng \(all.files) hồ sơ · quá hạn \(all.overdue) · sắp đến hạn \(all.dueSoon) · chưa có người giúp đỡ \(all.noMentor) · đã kết thúc hoặc dừng \(all.files - active)",
                   at: below + 3, col: 0)
        let mayAdd = state.data.access.map { $0.refusalAnywhere(.addCase) == nil } ?? true
        buffer.put((mayAdd ? " Thêm hồ sơ mới: a hoặc F3 ·" : "") + " Xem mọi phím: ? hoặc F1", at: below + 5, col: 0, style: .muted)
        buffer.put(" Đơn vị (số đảng viên theo ngày, tên ngắn, tiêu đề văn bản): D hoặc F12", at: below + 6, col: 0, style: .muted)
    }
}
