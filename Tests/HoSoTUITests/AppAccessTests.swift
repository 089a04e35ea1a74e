import Foundation
import HoSoDomain
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// Roles through the reducer: what each person's lists hold, which keys the footer and help offer, and
/// the refusal a key pressed anyway shows (never silence, never an effect).
@Suite struct AppAccessTests {
    static let hung = AppFixtures.people[1]
    static let bao = AppFixtures.people[3]
    static let viewer = AppFixtures.people[4]
    static let clerk = AppFixtures.people[0]

    func signedIn(_ account: Account, _ keys: [Key] = []) throws -> AppState {
        let data = AppFixtures.signedIn(try AppFixtures.twoMentorCell(), as: account, people: AppFixtures.people)
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 80, height: 24)] + keys, into: &state)
        return state
    }

    func names(_ state: AppState) -> [String] {
        guard case .list(let list) = state.screen else { return [] }
        return list.visible.map { state.index.rows[$0].file.person.fullName }
    }

    /// The popup is the domain's refusal, naming what was refused.
    func expectRefused(_ state: AppState, _ effects: [Effect], _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        // Nothing is changed; the refusal itself goes to the audit log.
        #expect(effects.count == 1, sourceLocation: sourceLocation)
        guard case .recordRefusal(let recorded)? = effects.first else {
            Issue.record("the refusal is not recorded: \(effects)", sourceLocation: sourceLocation)
            return
        }
        guard case .message(let message)? = state.modal else {
            Issue.record("no refusal popup", sourceLocation: sourceLocation)
            return
        }
        #expect(message.title == "Không được phép", sourceLocation: sourceLocation)
        #expect(message.lines.joined(separator: "\n") == recorded.message, sourceLocation: sourceLocation)
        #expect(message.lines.first?.hasPrefix("Không được phép \(words)") == true, "\(message.lines)",
                sourceLocation: sourceLocation)
    }

    /// Presses `keys` on a copy of `state` and expects the refusal naming `words`.
    func expectKeysRefused(_ state: AppState, _ keys: [Key], _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var pressed = state
        let effects = AppFixtures.press(keys, into: &pressed)
        expectRefused(pressed, effects, words, sourceLocation: sourceLocation)
        #expect(pressed.screens.count == state.screens.count, "nothing opened", sourceLocation: sourceLocation)
    }

    func helpDescriptions(_ state: AppState) -> [String] {
        KeyMaps.map(for: state.screen, access: state.data.access).helpEntries().map(\.description)
    }

    func footer(_ state: AppState) -> String {
        AppView.render(state, width: 80, height: 24).text.components(separatedBy: "\n").last ?? ""
    }

    @Test func aMentorListsOnlyTheirOwnCandidates() throws {
        var state = try signedIn(Self.hung, [.char("l")])
        #expect(names(state) == ["Trần Văn Ánh", "Lê Hoàng Đức", "Nguyễn Thị Minh Khai"])
        #expect(state.index.position(of: "HS-0004") == nil && state.data.revisions["HS-0004"] == nil,
                "another mentor's candidate is not even loaded")
        AppFixtures.press([.escape, .char("/")], into: &state)
        AppFixtures.type("thu ha", into: &state)
        #expect(names(state).isEmpty, "searching does not find another mentor's candidate either")
        // The mentor view opens on the person's own member, without asking, and shows the same three.
        var mentor = try signedIn(Self.hung, [.char("t")])
        guard case .mentor(let view) = mentor.screen else { Issue.record("no mentor view"); return }
        #expect(view.memberID == "M001")
        #expect(mentor.modal == nil, "no picker for a mentor's own view")
        #expect(MentorLogic.candidates(of: "M001", index: mentor.index).count == 3)
        AppFixtures.press([.function(7), .escape], into: &mentor)
        // The title bar names the person and their role.
        let title = AppView.render(mentor, width: 80, height: 24).text.components(separatedBy: "\n")[0]
        #expect(title.contains("Trần Văn Hùng (hung) · Người giúp đỡ"), "\(title)")
    }

    @Test func aMentorMayAddANoteButNotAVerificationItem() throws {
        var state = try signedIn(Self.hung, [.char("l"), .enter])
        #expect(helpDescriptions(state).contains("Thêm nhận xét"))
        #expect(!helpDescriptions(state).contains("Thêm phiếu thẩm tra"))
        #expect(!helpDescriptions(state).contains("Bước tiếp theo") && !footer(state).contains("Bước tiếp theo"))
        for key in [Key.char("v"), .ctrl("t")] {
            var pressed = state
            let effects = AppFixtures.press([key], into: &pressed)
            expectRefused(pressed, effects, "thêm phiếu thẩm tra")
            guard case .message(let message)? = pressed.modal else { continue }
            #expect(message.lines.joined().contains("Người giúp đỡ"), "the refusal names the role held")
        }
        expectKeysRefused(state, [.char("n")], "")
        // A mentor does not correct an identity: the key is not offered, and pressed anyway it says why.
        #expect(!helpDescriptions(state).contains("Sửa thông tin cá nhân (họ tên, ngày sinh…)"))
        for key in [Key.char("E"), .ctrl("e")] {
            var pressed = state
            let effects = AppFixtures.press([key], into: &pressed)
            expectRefused(pressed, effects, "sửa thông tin cá nhân")
        }
        AppFixtures.press([.char("m")], into: &state)
        AppFixtures.type("Tích cực tham gia sinh hoạt", into: &state)
        let effects = AppFixtures.press([.ctrl("s")], into: &state)
        guard let file = AppFixtures.applied(effects.first, in: state) else { Issue.record("no save: \(effects)"); return }
        #expect(file.notes.last?.text == "Tích cực tham gia sinh hoạt")
        #expect(file.history.last?.actor == "Trần Văn Hùng (hung)")
    }

    @Test func aViewerSeesListsButNoWriteKeysAndEachIsRefused() throws {
        var board = try signedIn(Self.viewer)
        #expect(!footer(board).contains("Thêm hồ sơ"), "\(footer(board))")
        #expect(!helpDescriptions(board).contains("Thêm hồ sơ"))
        #expect(!helpDescriptions(board).contains("Người dùng và vai trò"))
        for key in [Key.char("a"), .function(3)] {
            expectKeysRefused(board, [key], "thêm hồ sơ mới")
        }
        AppFixtures.press([.char("l")], into: &board)
        #expect(names(board).count == 5, "a viewer reads the whole list")
        #expect(!footer(board).contains("Bước tiếp theo") && !footer(board).contains("Mở hồ sơ"), "\(footer(board))")
        expectKeysRefused(board, [.char("n")], "")
        expectKeysRefused(board, [.enter], "xem nội dung hồ sơ")
        let mentorView = try signedIn(Self.viewer, [.char("t"), .enter])
        #expect(!helpDescriptions(mentorView).contains("Thêm nhận xét tháng"))
        expectKeysRefused(mentorView, [.char("m")], "thêm nhận xét")
    }

    /// The lines of the reports screen on top.
    func reportLines(_ state: AppState) -> [String] {
        if case .reports(let reports) = state.screen { return reports.lines }
        Issue.record("no reports screen")
        return []
    }

    @Test func aViewersReportsScreenHasCountsButNoNames() throws {
        let viewer = try signedIn(Self.viewer, [.char("r")])
        let lines = reportLines(viewer).joined(separator: "\n")
        #expect(lines.contains("Cần theo dõi"))
        #expect(!lines.contains("MẬT"))
        for row in viewer.index.rows { #expect(!lines.contains(row.file.person.fullName)) }
        let clerk = try signedIn(Self.clerk, [.char("r")])
        #expect(reportLines(clerk).first == "MẬT")
    }

    @Test func theCommitteeMayVoteButOnlyItsSteps() throws {
        var state = try signedIn(Self.bao, [.char("l"), .down, .enter])
        guard case .detail(let detail) = state.screen, detail.caseID == "HS-0003" else {
            Issue.record("HS-0003 did not open: \(state.screen)")
            return
        }
        AppFixtures.press([.char("n")], into: &state)
        guard case .nextStep(let next)? = state.modal else { Issue.record("no step popup"); return }
        #expect(next.steps.contains(.cellVote))
        #expect(!next.steps.contains(.pause) && !next.steps.contains(.withdraw), "a clerk's steps are not offered")
        // A day when every paper of the fixture is still within its 12 months.
        AppFixtures.press([.enter, .right, .enter, .ctrl("u")], into: &state)
        AppFixtures.type("01/10/2024", into: &state)
        AppFixtures.press([.tab], into: &state)
        AppFixtures.type("7", into: &state)
        let effects = AppFixtures.press([.ctrl("s"), .right, .enter], into: &state)
        guard let file = AppFixtures.applied(effects.first, in: state) else { Issue.record("no save: \(effects) \(String(describing: state.modal))"); return }
        #expect(file.state == .cellApproved)
        #expect(file.history.last?.actor == "Phạm Quốc Bảo (bao)")
        expectKeysRefused(try signedIn(Self.bao, [.char("l"), .down, .enter]), [.char("m")], "thêm nhận xét")
    }

    @Test func theEngineRefusesInTheReducerToo() throws {
        // The context the reducer hands the engine carries the person: a step the screen would never offer
        // to a mentor is still refused by the engine itself.
        let state = try signedIn(Self.hung)
        let file = try #require(state.data.cases.first)
        let context = try #require(state.data.context(for: file, on: AppFixtures.today))
        do throws(WorkflowError) {
            _ = try Workflow.apply(.pause(reason: "thử"), to: file, context: context)
            Issue.record("a mentor paused a file")
        } catch {
            guard case .notPermitted(let refusal) = error else { Issue.record("not a refusal by role: \(error)"); return }
            #expect(refusal.account == "hung" && refusal.permission == .step(.pause))
        }
    }

    @Test func onlyAClerkOpensThePeopleScreen() throws {
        for account in [Self.hung, Self.bao, Self.viewer] {
            expectKeysRefused(try signedIn(account), [.ctrl("y")], "quản lý người dùng")
        }
        let state = try signedIn(Self.clerk, [.char("y")])
        guard case .people = state.screen else { Issue.record("no people screen"); return }
        #expect(helpDescriptions(state).contains("Cấp vai trò"))
    }

    @Test func aClickSelectsAPerson() throws {
        var state = try signedIn(Self.clerk, [.ctrl("y")])
        // The table's header is on the second content row; the fourth person (bao) is three rows below the first.
        let row = ScreenLayout.content(state.size).row + 2 + 3
        AppFixtures.press([.mouse(MouseEvent(row: row, col: 3, kind: .leftClick))], into: &state)
        guard case .people(let people) = state.screen else { Issue.record("no people screen"); return }
        #expect(state.data.people[people.selected].id == "bao")
        let effects = AppFixtures.press([.enter, .ctrl("s")], into: &state)
        #expect(effects == [.grantRole(RoleGrant(.mentor, in: Fixtures.cellID), to: "bao")])
    }

    @Test func thePeopleScreenEmitsAddGrantAndRevoke() throws {
        var state = try signedIn(Self.clerk, [.ctrl("y"), .char("+")])
        AppFixtures.type("thu.nt", into: &state)
        AppFixtures.press([.tab], into: &state)
        AppFixtures.type("Ngô Thị Thu", into: &state)
        AppFixtures.press([.tab, .tab, .right, .tab, .tab], into: &state)
        var effects = AppFixtures.press([.ctrl("s")], into: &state)
        #expect(effects == [.addPerson(id: "thu.nt", fullName: "Ngô Thị Thu", systemUser: nil, memberID: "M003",
                                       grant: RoleGrant(.mentor, in: Fixtures.cellID))], "members by given name: Bảo first")
        // The store refuses (a duplicate id, say): the popup leads back to what was typed.
        _ = AppReducer.reduce(&state, .rejected(title: "Không thể thực hiện", lines: ["• Đã có người dùng mã thu.nt."]))
        AppFixtures.press([.enter], into: &state)
        guard case .form(let form)? = state.modal else { Issue.record("the form did not come back"); return }
        #expect(form.form.field("name")?.value == "Ngô Thị Thu")
        AppFixtures.press([.escape, .right, .enter], into: &state)
        // The second person (hung): grant the committee role, then take the mentor role back.
        AppFixtures.press([.down, .enter, .right], into: &state)
        effects = AppFixtures.press([.ctrl("s")], into: &state)
        #expect(effects == [.grantRole(RoleGrant(.committee, in: Fixtures.cellID), to: "hung")])
        effects = AppFixtures.press([.char("-"), .ctrl("s")], into: &state)
        #expect(effects == [.revokeRole(RoleGrant(.mentor, in: Fixtures.cellID), from: "hung")])
        _ = AppReducer.reduce(&state, .peopleChanged(message: "Đã thu hồi vai trò Người giúp đỡ của hung"))
        #expect(state.status?.kind == .success)
    }
}
