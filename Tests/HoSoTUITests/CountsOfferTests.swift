import Foundation
import HoSoDomain
import HoSoTUI
import HoSoTestSupport
import Testing

/// Issue 16, item 4's last part at the terminal: after the ceremony or the recognition is saved, the TUI
/// offers to record the unit's new member counts (the engine's `CountsAfterStep`); Enter records them as a
/// dated change through the units service, Esc leaves them.
@Suite struct CountsOfferTests {
    static let size = Size(width: 80, height: 24)

    /// The file of `state` at `target` taken from its detail with the next-step list, as the store saves it:
    /// the state after the runner's `.stored` and `.saved`.
    func takeStep(_ file: CaseFile, data: AppData, filling fields: [Key] = []) throws -> (AppState, CaseFile) {
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: Self.size.width, height: Self.size.height), .char("l"), .enter, .char("n"), .enter],
                          into: &state)
        if case .confirm? = state.modal { AppFixtures.press([.right, .enter], into: &state) }
        AppFixtures.press(fields, into: &state)
        var effects = AppFixtures.press([.ctrl("s")], into: &state)
        if case .confirm? = state.modal { effects = AppFixtures.press([.right, .enter], into: &state) }
        let saved = try #require(AppFixtures.applied(effects.first, in: state), "\(effects) \(String(describing: state.modal))")
        _ = AppReducer.reduce(&state, .stored([StoredCase(file: saved, revision: 4)]))
        _ = AppReducer.reduce(&state, .saved(saved.id, message: "Đã lưu: \(saved.history.last?.summary ?? "")"))
        return (state, saved)
    }

    func offered(_ state: AppState) -> ConfirmState? {
        if case .confirm(let confirm)? = state.modal { return confirm }
        return nil
    }

    @Test func afterTheCeremonyEnterRecordsOneProbationaryMemberMoreFromItsDay() throws {
        let file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .decided)
        var (state, saved) = try takeStep(file, data: AppFixtures.cellData([file]))
        #expect(saved.state == .probation && saved.ceremony == AppFixtures.today)
        let offer = try #require(offered(state))
        #expect(offer.dialog.title == "Cập nhật số đảng viên?")
        #expect(offer.dialog.message == [
            "HS-0001 Nguyễn Thị Minh Khai là đảng viên dự bị từ ngày 23/11/2026.",
            "Ghi số đảng viên mới của Chi bộ Khu phố 3: dự bị 1 → 2, từ ngày 23/11/2026?",
            "Enter: ghi (giữ lịch sử theo ngày) · Esc: để nguyên (sửa sau ở màn hình đơn vị, phím D/F12 ở mọi nơi)",
        ])
        assertSnapshot(AppView.render(state, width: Self.size.width, height: Self.size.height), """
             HoSo · Hồ sơ HS-0001                                23/11/2026 · Thư ký chi bộ
             HS-0001 · Nguyễn Thị Minh Khai · Nữ, sinh 12/04/1998 · Chi bộ Khu phố 3
             Dự bị · Báo cáo của người giúp đỡ: 14/03/2024 (Quá hạn 984 ngày)
             1 Thông tin │ 2 Người giúp đỡ │ 3 Lớp bồi dưỡng │ 4 Lý lịch & thẩm tra │      ▶
             Họ và tên             Nguyễn Thị Minh Khai
             Ngày sinh             12/04/1998 (28 tuổi)
              ┌─ Cập nhật số đảng viên? ────────────────────────────────────────────────┐
              │                                                                         │
              │ HS-0001 Nguyễn Thị Minh Khai là đảng viên dự bị từ ngày 23/11/2026.     │
              │ Ghi số đảng viên mới của Chi bộ Khu phố 3: dự bị 1 → 2, từ ngày         │
              │   23/11/2026?                                                           │
              │ Enter: ghi (giữ lịch sử theo ngày) · Esc: để nguyên (sửa sau ở màn hình │
              │   đơn vị, phím D/F12 ở mọi nơi)                                         │
              │                                                                         │
              │ [ Để nguyên ]   [ Ghi số mới ]                                          │
              │                                                                         │
              └─────────────────────────────────────────────────────────────────────────┘
              ✗ Kết nạp ngày 23/11/2026; đến ngày 23/11/2027 mới đủ 12 tháng (còn 365 ngày)
                (Điều lệ Đảng, Điều 5)



             ✓ Đã lưu: Tổ chức lễ kết nạp (HS-0001)
             ←→ chọn nút · Enter trả lời · Esc hủy
            """)
        let effects = AppFixtures.press([.enter], into: &state)
        #expect(effects == [.changeUnit(.counts(UnitCountsChange(
            official: 8, probationary: 2, attachedElsewhere: 0, exempt: 1, committee: 9, since: AppFixtures.today)), of: Fixtures.cellID)])
        #expect(state.modal == nil)
        // The runner's answer is the units service's: the status line says what was written.
        _ = AppReducer.reduce(&state, .unitChanged(message: "Đã ghi số đảng viên của Chi bộ Khu phố 3 từ ngày 23/11/2026."))
        #expect(state.status?.text == "Đã ghi số đảng viên của Chi bộ Khu phố 3 từ ngày 23/11/2026.")
    }

    @Test func escLeavesTheCountsAndTheOfferIsNotAskedAgain() throws {
        let file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .decided)
        var (state, saved) = try takeStep(file, data: AppFixtures.cellData([file]))
        #expect(offered(state) != nil)
        #expect(AppFixtures.press([.escape], into: &state).isEmpty)
        #expect(state.modal == nil)
        _ = AppReducer.reduce(&state, .saved(saved.id, message: "Đã lưu: Nhận xét"))
        #expect(state.modal == nil, "a later save of the file does not ask again")
    }

    @Test func afterTheRecognitionTheCountsChangeFromTheEndOfProbation() throws {
        let file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .probationReview)
        let fields: [Key] = [.tab, .char("8"), .tab, .tab, .tab] + "ĐVM-1".map { .char($0) } + [.tab, .tab]
            + "20/06/2026".map { .char($0) } + [.tab] + "301-QĐ/ĐU".map { .char($0) }
        let (state, saved) = try takeStep(file, data: AppFixtures.cellData([file]), filling: fields)
        let since = try #require(saved.officialSince)
        let offer = try #require(offered(state))
        #expect(offer.dialog.message[1] == "Ghi số đảng viên mới của Chi bộ Khu phố 3: chính thức 8 → 9, dự bị 1 → 0, từ ngày \(since)?")
        guard case .changeUnit(.counts(let change), let unit) = offer.action else { Issue.record("\(offer.action)"); return }
        #expect(unit == Fixtures.cellID && change.since == since && change.official == 9 && change.probationary == 0)
    }

    @Test func aStepThatChangesNoCountAsksNothing() throws {
        let file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .committeeApproved)
        let (state, saved) = try takeStep(file, data: AppFixtures.cellData([file]), filling: [.tab] + "12-QĐ/ĐU".map { .char($0) })
        #expect(saved.state == .decided)
        #expect(offered(state) == nil)
    }

    @Test func aPersonWhoMayNotChangeTheUnitIsNotAsked() throws {
        // Whoever may hold the ceremony may change the unit today; the guard keeps it so if roles change:
        // the same save, answered on data where the person is a committee member.
        let file = try AppFixtures.file("HS-0001", "Nguyễn Thị Minh Khai", in: .decided)
        var state = AppState(data: AppFixtures.cellData([file]))
        var effects = AppFixtures.press(
            [.resize(width: Self.size.width, height: Self.size.height), .char("l"), .enter, .char("n"), .enter, .ctrl("s")], into: &state)
        if case .confirm? = state.modal { effects = AppFixtures.press([.right, .enter], into: &state) }
        let saved = try #require(AppFixtures.applied(effects.first, in: state))
        #expect(saved.ceremony != nil)
        let committee = AppFixtures.account("bao", "Phạm Quốc Bảo", .committee, member: "M003")
        _ = AppReducer.reduce(&state, .loaded(AppFixtures.signedIn(AppFixtures.cellData([saved]), as: committee), external: false))
        _ = AppReducer.reduce(&state, .saved(file.id, message: "Đã lưu: Lễ kết nạp"))
        #expect(offered(state) == nil)
    }
}
