import Foundation
import HoSoDomain
import HoSoTestSupport
import HoSoTUI
import Testing

/// The first frame is drawn from the files' facts while the files are read (issue 19): the board must
/// count what it will count once they are read, and no key may be lost or act on files not yet there.
@Suite("The board drawn from the files' facts while they load")
struct BoardWhileLoadingTests {
    /// The demo's 200 files as loaded, and the same data without its files.
    static func loadedAndPreview(as account: Account? = nil) -> (loaded: AppData, preview: AppData) {
        var loaded = AppFixtures.demoData(caseCount: 200)
        if let account { loaded = AppFixtures.signedIn(loaded, as: account) }
        let preview = AppData(cases: [], revisions: [:], organisation: loaded.organisation, rulebook: loaded.rulebook,
                              calendar: loaded.calendar, today: loaded.today, actor: loaded.actor, access: loaded.access)
        return (loaded, preview)
    }

    static let demo = AppFixtures.demoData(caseCount: 200)
    static var facts: [ReportFacts] { demo.cases.map(ReportFacts.init) }
    static var cell: UnitID { demo.cells[0].id }
    /// A member mentoring some files of the first cell, and how many.
    static var mentor: MemberID {
        demo.cases.filter { $0.unitID == cell }.flatMap(\.activeMentors).map(\.memberID).first!
    }

    @Test("The counts made from the facts are the index's, for the whole data and for each kind of person",
          arguments: [
              nil,
              Account(id: "lan", fullName: "Nguyễn Thị Lan", grants: [RoleGrant(.clerk, in: cell)]),
              Account(id: "hung", fullName: "Trần Văn Hùng", memberID: mentor, grants: [RoleGrant(.mentor, in: cell)]),
              Account(id: "cap", fullName: "Võ Minh Cấp", grants: [RoleGrant(.viewer, in: cell)]),
          ])
    func countsFromFactsAreTheIndexs(account: Account?) {
        let (loaded, preview) = Self.loadedAndPreview(as: account)
        let fromFiles = AppState(data: loaded).index.counts
        let fromFacts = AppState(preview: preview, facts: Self.facts).index.counts
        #expect(fromFacts == fromFiles)
        // Not a vacuous equality: the person's files are there, overdue ones among the whole data's.
        #expect(fromFiles.all.files > 0)
        if account == nil { #expect(fromFiles.all.overdue > 0 && fromFiles.all.files == 200) }
        if account?.id == "hung" { #expect(fromFiles.all.files < 200 && fromFiles.byMentor[Self.mentor] == fromFiles.all.files) }
    }

    @Test("Large counts keep a space after each label: a wide label gives way to the short one, a label cut ends with …")
    func largeCountsKeepTheirLabelsApart() throws {
        let (_, preview) = Self.loadedAndPreview()
        // The demo's facts five hundred times over: 100,000 files, the stages' counts in five digits.
        let facts = Array(repeating: Self.facts, count: 500).flatMap { $0 }
        for (width, height) in [(120, 40), (80, 24)] {
            var state = AppState(preview: preview, facts: facts)
            _ = AppReducer.reduce(&state, .key(.resize(width: width, height: height)))
            let lines = AppView.render(state, width: width, height: height).text.components(separatedBy: "\n")
            let header = try #require(lines.first { $0.contains("Nguồn") })
            let cells = header.split(separator: "│").map { String($0) }
            #expect(cells.count == 5, "\(lines.prefix(8).joined(separator: "\n"))")
            for row in lines[lines.firstIndex(of: header)!...].prefix(6) where row.contains("│") {
                for cell in row.split(separator: "│").map({ String($0) }) where cell.contains(where: \.isNumber) {
                    let number = try #require(cell.split(separator: " ").last.flatMap { Int($0) }, "\(cell)")
                    #expect(cell.hasSuffix(" \(number) ") || cell.hasSuffix(" \(number)"), "a space before the count at \(width): \(cell)")
                    if width == 120 { #expect(!cell.contains("…"), "\(cell)") }
                }
            }
            let verification = cells[2]
            #expect(verification.hasPrefix(" Thẩm"), "\(verification)")
            if width == 120 {
                #expect(verification.hasPrefix(" Thẩm tra "), "\(verification)")
                #expect(!verification.contains("lý lịch"), "the short label where the wide one would touch the count: \(verification)")
                #expect(cells.contains { $0.hasPrefix(" Bồi dưỡng ") }, "a wide label that fits stays")
            }
        }
    }

    @Test("The board while loading is the board once loaded, with the reading on the status line")
    func boardWhileLoadingIsTheLoadedBoard() throws {
        let (loaded, preview) = Self.loadedAndPreview()
        let loading = AppView.render(AppState(preview: preview, facts: Self.facts), width: 80, height: 24).text
        let done = AppView.render(AppState(data: loaded), width: 80, height: 24).text
        let (loadingLines, doneLines) = (loading.components(separatedBy: "\n"), done.components(separatedBy: "\n"))
        let statusRow = 22
        #expect(loadingLines[statusRow] == " Đang đọc 200 hồ sơ… Bảng đã có số liệu; danh sách mở khi đọc xong.")
        #expect(doneLines[statusRow].trimmingCharacters(in: .whitespaces).isEmpty)
        for row in loadingLines.indices where row != statusRow {
            #expect(loadingLines[row] == doneLines[row], "row \(row)")
        }
    }

    @Test("Arrows move on the board while loading; a key that needs the files waits, with every key after it, and runs once they come")
    func keysWaitForTheFiles() {
        let (loaded, preview) = Self.loadedAndPreview()
        var state = AppState(preview: preview, facts: Self.facts)
        AppFixtures.press([.right, .down], into: &state)
        #expect(state.board.column == 1 && state.board.item == 1)
        #expect(state.loading?.heldKeys == [])
        // Enter opens the box's list; the arrow typed after it is meant for that list.
        AppFixtures.press([.enter, .down], into: &state)
        #expect(state.screen == .board)
        #expect(state.board.column == 1 && state.board.item == 1)
        #expect(state.loading?.heldKeys == [.enter, .down])
        let status = AppView.render(state, width: 80, height: 24).text.components(separatedBy: "\n")[22]
        #expect(status.hasPrefix(" Đang đọc 200 hồ sơ… 2 phím đã bấm sẽ chạy khi đọc xong."))

        let effects = AppReducer.reduce(&state, .indexed(ReadModel(data: loaded)))
        #expect(effects == [])
        #expect(state.loading == nil)
        guard case .list(let list) = state.screen else {
            Issue.record("Enter did not open the list: \(state.screen)")
            return
        }
        #expect(list.filter.states == [CaseState.inClass])
        #expect(list.visible.count == state.index.counts.byState[.inClass])
        #expect(list.selected == 1)
    }

    @Test("A search typed before the files came is typed into the search once they come")
    func searchTypedAheadRuns() {
        let (loaded, preview) = Self.loadedAndPreview()
        let name = loaded.cases[0].person.fullName
        var state = AppState(preview: preview, facts: Self.facts)
        AppFixtures.press([.char("l"), .char("/")], into: &state)
        AppFixtures.type(name, into: &state)
        #expect(state.loading?.heldKeys.count == 2 + name.count)
        _ = AppReducer.reduce(&state, .indexed(ReadModel(data: loaded)))
        guard case .list(let list) = state.screen else {
            Issue.record("l did not open the list: \(state.screen)")
            return
        }
        #expect(list.search.map { String($0.characters) } == name)
        #expect(list.visible.contains { state.index.rows[$0].file.id == loaded.cases[0].id })
    }

    @Test("q quits while loading; Ctrl-C quits even behind keys waiting for the files")
    func quittingWhileLoading() {
        let (_, preview) = Self.loadedAndPreview()
        var state = AppState(preview: preview, facts: Self.facts)
        #expect(AppFixtures.press([.char("q")], into: &state) == [.quit])
        state = AppState(preview: preview, facts: Self.facts)
        AppFixtures.press([.char("l"), .char("q")], into: &state)
        #expect(state.loading?.heldKeys == [.char("l"), .char("q")])
        #expect(AppFixtures.press([.ctrl("c")], into: &state) == [.quit])
    }

    @Test("A mentor's board says how many they mentor and that their notes are being read")
    func mentorsLineWhileLoading() {
        let account = Account(id: "hung", fullName: "Trần Văn Hùng", memberID: Self.mentor, grants: [RoleGrant(.mentor, in: Self.cell)])
        let (loaded, preview) = Self.loadedAndPreview(as: account)
        let count = AppState(data: loaded).index.counts.all.files
        let screen = AppView.render(AppState(preview: preview, facts: Self.facts), width: 100, height: 30).text
        #expect(screen.contains(" Anh/chị đang giúp đỡ \(count) người · đang đọc nhận xét tháng 11/2026…"), "\(screen)")
    }

    @Test("At most 256 keys wait: a key held down does not grow the queue without end")
    func heldKeysAreBounded() {
        let (_, preview) = Self.loadedAndPreview()
        var state = AppState(preview: preview, facts: Self.facts)
        AppFixtures.press([.char("l")] + Array(repeating: .down, count: 400), into: &state)
        #expect(state.loading?.heldKeys.count == 256)
    }
}
