import HoSoDomain
@testable import HoSoTUI
import HoSoTestSupport
import Testing

/// A save of this terminal applied in place (`.stored`) must leave the application exactly as reloading
/// everything (`.loaded`) would: the index row by row, the board's counts, every open list (order,
/// filter, search, selection, scroll) and what each screen draws.
@Suite struct AppStoredChangeTests {
    /// Everything the two ways must agree on.
    struct Observed: Equatable {
        var files: [CaseFile]
        var deadlines: [Deadline?]
        var statuses: [DeadlineStatus?]
        var searchKeys: [SearchKey]
        var unitNames: [String]
        var unitKeys: [VietnameseCollation.SortKey]
        var mentorNames: [String]
        var mentorKeys: [VietnameseCollation.SortKey]
        var positions: [CaseID: Int]
        var counts: CaseCounts
        var groups: RowGroups
        var screens: [String]
        var frames: [String]
        var cases: [CaseFile]
        var revisions: [CaseID: Int]

        init(_ state: AppState, also ids: [CaseID]) {
            let index = state.index
            files = index.rows.map(\.file)
            deadlines = index.rows.map(\.deadline)
            statuses = index.rows.map(\.status)
            searchKeys = index.searchKeys
            unitNames = index.unitNames
            unitKeys = index.unitKeys
            mentorNames = index.mentorNames
            mentorKeys = index.mentorKeys
            var positions: [CaseID: Int] = [:]
            for id in state.data.cases.map(\.id) + ids { positions[id] = index.position(of: id) }
            self.positions = positions
            counts = index.counts
            groups = index.groups
            screens = state.screens.map { screen in
                switch screen {
                case .list(let list):
                    "list \(list.filter.title) \(list.sort) sorted \(list.sorted) visible \(list.visible) selected \(list.selected) offset \(list.offset)"
                case .detail(let detail): "detail \(detail.caseID)"
                // Its lines, not the description of its document (whose sets print in any order).
                case .reports(let reports): "reports scroll \(reports.scroll) lines \(reports.lines)"
                default: "\(screen)"
                }
            }
            // Each level of the stack as drawn, the board first.
            frames = state.screens.indices.map { level in
                var below = state
                below.screens = Array(state.screens.prefix(level + 1))
                return AppView.render(below, width: 120, height: 40).text
            }
            cases = state.data.cases
            revisions = state.data.revisions
        }

        /// The names of the parts that differ, so a failure says where rather than printing every file.
        func differences(from other: Observed) -> [String] {
            var names: [String] = []
            func compare<T: Equatable>(_ name: String, _ part: KeyPath<Observed, T>) {
                if self[keyPath: part] != other[keyPath: part] { names.append(name) }
            }
            compare("files", \.files)
            compare("deadlines", \.deadlines)
            compare("statuses", \.statuses)
            compare("searchKeys", \.searchKeys)
            compare("unitNames", \.unitNames)
            compare("unitKeys", \.unitKeys)
            compare("mentorNames", \.mentorNames)
            compare("mentorKeys", \.mentorKeys)
            compare("positions", \.positions)
            compare("counts", \.counts)
            compare("groups", \.groups)
            for (level, (mine, theirs)) in zip(screens, other.screens).enumerated() where mine != theirs {
                names.append("screen \(level): \(mine.prefix(300)) ≠ \(theirs.prefix(300))")
            }
            if screens.count != other.screens.count { names.append("screens \(screens.count) ≠ \(other.screens.count)") }
            for (level, (mine, theirs)) in zip(frames, other.frames).enumerated() {
                if let difference = Snapshot.difference(mine, theirs) { names.append("frame \(level): \(difference)") }
            }
            compare("cases", \.cases)
            compare("revisions", \.revisions)
            return names
        }
    }

    static let data = AppFixtures.demoData(caseCount: 240, seed: 11)

    /// The demo with four screens open: the list of the board's first stage, the list of every file sorted
    /// by `sort` and searched for `query` with the selection `down` rows down, and the detail of that file.
    /// `descending`: the sort turned round (S).
    static func opened(_ data: AppData = data, sort: ListSort, descending: Bool = false, query: String, down: Int) -> AppState {
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 120, height: 40), .enter, .char("l")], into: &state)
        // `>` moves the sort one column right of the sorted one (names first: the column after the numbers).
        let order: [ListSort] = [.id, .name, .unit, .state, .deadline, .mentor]
        let steps = (order.firstIndex(of: sort) ?? 1) - 1
        let keys: [Key] = steps < 0 ? [.char("<")] : Array(repeating: .char(">"), count: steps)
        AppFixtures.press(keys + (descending ? [.char("S")] : []), into: &state)
        AppFixtures.press([.char("/")], into: &state)
        AppFixtures.type(query, into: &state)
        AppFixtures.press([.enter] + Array(repeating: .down, count: down) + [.enter], into: &state)
        return state
    }

    /// The file the detail on top of `state` shows.
    static func shown(_ state: AppState) throws -> CaseFile {
        guard case .detail(let detail) = state.screen, let file = AppReducer.file(detail.caseID, in: state) else {
            throw Failure("no detail on top")
        }
        return file
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// `state` after `changed` was stored at the next revision, once in place and once by a full reload.
    static func bothWays(_ state: AppState, _ changed: CaseFile) -> (inPlace: AppState, reloaded: AppState) {
        let revision = (state.data.revisions[changed.id] ?? 0) + 1
        var inPlace = state
        _ = AppReducer.reduce(&inPlace, .stored([StoredCase(file: changed, revision: revision)]))
        var reloaded = state
        var data = state.data
        if let index = data.cases.firstIndex(where: { $0.id == changed.id }) { data.cases[index] = changed } else { data.cases.append(changed) }
        data.cases.sort { $0.id < $1.id }
        data.revisions[changed.id] = revision
        let fresh = AppData(cases: data.cases, revisions: data.revisions, organisation: data.organisation, rulebook: data.rulebook,
                            calendar: data.calendar, today: data.today, actor: data.actor, access: data.access, people: data.people)
        _ = AppReducer.reduce(&reloaded, .loaded(fresh, external: false))
        return (inPlace, reloaded)
    }

    /// A change of the file's state, name, unit, or all three.
    enum Change: String, CaseIterable, CustomStringConvertible {
        case state, name, unit, all
        var description: String { rawValue }

        func apply(to file: inout CaseFile, data: AppData) {
            if self == .state || self == .all {
                // Into an awareness class (or out of one): the board's counts and the classes screen change.
                file.state = file.state == .inClass ? .probation : .inClass
                file.stateSince = AppFixtures.today
            }
            if self == .name || self == .all {
                // From wherever it was to the very end of the name order: z comes after every Vietnamese letter.
                file.person.fullName = "Vương Thị Zin"
            }
            if self == .unit || self == .all {
                file.unitID = data.cells.first { $0.id != file.unitID }!.id
            }
        }
    }

    @Test(arguments: Change.allCases, [ListSort.name, .unit, .state, .deadline, .mentor])
    func aStoredChangeEqualsAFullReload(change: Change, sort: ListSort) throws {
        let state = Self.opened(sort: sort, query: "thi", down: 7)
        let before = try Self.shown(state)
        var changed = before
        change.apply(to: &changed, data: state.data)
        let (inPlace, reloaded) = Self.bothWays(state, changed)
        let observed = Observed(inPlace, also: [changed.id])
        #expect(observed.differences(from: Observed(reloaded, also: [changed.id])) == [])

        // The change did change something, so the comparison above compared something.
        #expect(!observed.differences(from: Observed(state, also: [changed.id])).isEmpty)
        #expect(inPlace.data.revisions[changed.id] == (state.data.revisions[changed.id] ?? 0) + 1)
        switch change {
        case .state, .all:
            #expect(inPlace.index.counts.byState != state.index.counts.byState)
        case .name:
            #expect(inPlace.index.position(of: changed.id) == inPlace.index.rows.count - 1)
            #expect(state.index.position(of: changed.id) != inPlace.index.rows.count - 1)
        case .unit:
            #expect(inPlace.index.counts.byUnit != state.index.counts.byUnit)
        }
        // The list the file was opened from still has it selected, wherever it moved.
        guard case .list(let list) = inPlace.screens[inPlace.screens.count - 2] else { Issue.record("no list"); return }
        if list.visible.contains(inPlace.index.position(of: changed.id) ?? -1) {
            #expect(AppReducer.selectedRow(list) == inPlace.index.position(of: changed.id))
        }
    }

    /// Issue 18, item 13: a list sorted downwards (▼) takes a saved file at its place as a reload would.
    @Test(arguments: [ListSort.name, .state, .deadline])
    func aStoredChangeEqualsAFullReloadOnAListSortedDownwards(sort: ListSort) throws {
        let state = Self.opened(sort: sort, descending: true, query: "thi", down: 5)
        guard case .list(let list) = state.screens[state.screens.count - 2] else { Issue.record("no list"); return }
        #expect(list.descending)
        var changed = try Self.shown(state)
        Change.all.apply(to: &changed, data: state.data)
        let (inPlace, reloaded) = Self.bothWays(state, changed)
        #expect(Observed(inPlace, also: [changed.id]).differences(from: Observed(reloaded, also: [changed.id])) == [])
    }

    @Test("A file another terminal stored is applied in place as a reload would show it, and the status line says it came from elsewhere")
    func aChangeFromElsewhereEqualsAFullReload() throws {
        let state = Self.opened(sort: .name, query: "thi", down: 7)
        var changed = try Self.shown(state)
        Change.all.apply(to: &changed, data: state.data)
        let revision = (state.data.revisions[changed.id] ?? 0) + 1
        var inPlace = state
        _ = AppReducer.reduce(&inPlace, .storedElsewhere([StoredCase(file: changed, revision: revision)]))
        var reloaded = Self.bothWays(state, changed).reloaded
        // As a reload of another terminal's change says it (`.loaded(…, external: true)`).
        reloaded.status = StatusMessage("Dữ liệu vừa được cập nhật từ nơi khác.", kind: .info)
        #expect(Observed(inPlace, also: [changed.id]).differences(from: Observed(reloaded, also: [changed.id])) == [])
        #expect(!Observed(inPlace, also: [changed.id]).differences(from: Observed(state, also: [changed.id])).isEmpty)
        #expect(inPlace.status == StatusMessage("Dữ liệu vừa được cập nhật từ nơi khác.", kind: .info))
    }

    @Test func theSelectionFollowsTheSavedFileWhenItsNameMovesIt() throws {
        let state = Self.opened(sort: .name, query: "", down: 3)
        let before = try Self.shown(state)
        var changed = before
        Change.name.apply(to: &changed, data: state.data)
        let (inPlace, reloaded) = Self.bothWays(state, changed)
        for result in [inPlace, reloaded] {
            guard case .list(let list) = result.screens[result.screens.count - 2] else { Issue.record("no list"); return }
            #expect(list.selected == list.visible.count - 1, "the renamed file went last, and the selection with it")
            #expect(AppReducer.selectedRow(list).map { result.index.rows[$0].file.id } == before.id)
        }
    }

    @Test func aNewFileIsAddedInPlace() throws {
        let state = Self.opened(sort: .unit, query: "", down: 2)
        var added = try Self.shown(state)
        added.id = "HS-9999"
        added.person.fullName = "Đinh Thị Bích"
        let (inPlace, reloaded) = Self.bothWays(state, added)
        #expect(Observed(inPlace, also: [added.id]).differences(from: Observed(reloaded, also: [added.id])) == [])
        #expect(inPlace.index.rows.count == state.index.rows.count + 1)
        #expect(inPlace.data.cases.last?.id == "HS-9999", "in id order, as the store lists files")
    }

    /// A mentor who releases themselves from a file no longer lists it: the file leaves the lists and its
    /// detail closes, as after a reload.
    @Test func aFileTheMentorNoLongerListsLeavesLikeAfterAReload() throws {
        let mentor = try #require(Self.data.cases.first { !$0.activeMentors.isEmpty }?.activeMentors.first?.memberID)
        let account = Account(id: "gd", fullName: "Người giúp đỡ", memberID: mentor,
                              grants: Self.data.organisation.units.values.map { RoleGrant(.mentor, in: $0.id) })
        let data = AppFixtures.signedIn(Self.data, as: account)
        var state = AppState(data: data)
        AppFixtures.press([.resize(width: 120, height: 40), .char("l"), .enter], into: &state)
        var released = try Self.shown(state)
        released.mentors = released.mentors.map { assignment in
            var ended = assignment
            if ended.memberID == mentor { ended.until = AppFixtures.today }
            return ended
        }
        #expect(!(data.access?.listsFile(released) ?? true))
        let (inPlace, reloaded) = Self.bothWays(state, released)
        #expect(Observed(inPlace, also: [released.id]).differences(from: Observed(reloaded, also: [released.id])) == [])
        #expect(inPlace.index.position(of: released.id) == nil && inPlace.data.revisions[released.id] == nil)
        #expect(inPlace.screens.count == 2, "the detail of the file closed")
    }

    /// The report and the classes screen are kept, not made per frame: a change must reach them too.
    @Test(arguments: [Key.char("r"), .char("c")])
    func theReportAndTheClassesFollowAStoredChange(opener: Key) throws {
        var state = AppState(data: Self.data)
        AppFixtures.press([.resize(width: 120, height: 40), opener], into: &state)
        var changed = try #require(Self.data.cases.first { $0.state == .sympathizer })
        Change.state.apply(to: &changed, data: Self.data)
        let (inPlace, reloaded) = Self.bothWays(state, changed)
        let observed = Observed(inPlace, also: [changed.id])
        #expect(observed.differences(from: Observed(reloaded, also: [changed.id])) == [])
        #expect(observed.frames.last != Observed(state, also: [changed.id]).frames.last, "the screen shows the change")
    }

    /// Past a few thousand files the index is made on two cores (entries, sort, counts): its rows are
    /// still in name order then id, with their own deadlines, keys and counts.
    @Test func aLargeIndexIsTheStraightforwardOne() {
        let data = AppFixtures.demoData(caseCount: 5_000, seed: 3)
        let index = CaseIndex(data: data)
        let keyed: [(id: CaseID, key: VietnameseCollation.SortKey)] = data.cases.map { file in
            (file.id, VietnameseCollation.sortKey(forFullName: file.person.fullName))
        }
        let expected: [CaseID] = keyed.sorted { a, b in a.key < b.key || (!(b.key < a.key) && a.id < b.id) }.map { $0.id }
        #expect(index.rows.map { $0.file.id } == expected)
        #expect(index.rows.indices.allSatisfy { index.position(of: index.rows[$0].file.id) == $0 })
        let shortNames = data.organisation.shortNames
        #expect(zip(index.rows, index.searchKeys).allSatisfy { row, key in
            key == SearchKey("\(row.file.person.fullName) \(row.file.id.rawValue) \(data.unitName(row.file.unitID)) "
                                + (shortNames[row.file.unitID] ?? ""))
        })
        #expect(zip(index.rows, index.mentorNames).allSatisfy { row, names in
            names == row.file.activeMentors.map { data.memberName($0.memberID) }.joined(separator: ", ")
        })
        #expect(index.rows.allSatisfy { row in
            let next = CaseDeadlines.next(for: row.file, rulebook: data.rulebook, calendar: data.calendar, today: data.today)
            return row.deadline == next?.deadline && row.status == next?.status
        })
        var counts = CaseCounts(year: data.today.year)
        for row in index.rows { counts.add(CaseCounts.Contribution(row, year: data.today.year)) }
        #expect(index.counts == counts)
        #expect(index.groups == RowGroups(index.rows.map { RowGroups.Membership($0.file) }))
    }

    @Test func countsOfTwoHalvesAddUpToCountsOfTheWhole() {
        let index = CaseIndex(data: Self.data)
        let year = AppFixtures.today.year
        // More files than the threshold of counting in halves: the demo's rows, twenty times over.
        let files = Array(repeating: index.rows.map { CaseCounts.Contribution($0, year: year) }, count: 20).flatMap { $0 }
        var one = CaseCounts(year: year)
        for file in files { one.add(file) }
        #expect(files.count > 4096)
        #expect(CaseCounts(year: year, adding: files) == one)
        #expect(one.all.files == files.count && one.byState.values.reduce(0, +) == files.count)
    }

    @Test func countsKeptUpToDateEqualCountsMadeAfresh() throws {
        var state = AppState(data: Self.data)
        var data = Self.data
        // Twenty changes in a row, each stored in place; the counts must never drift.
        for (step, file) in Self.data.cases.prefix(20).enumerated() {
            var changed = file
            Change.allCases[step % Change.allCases.count].apply(to: &changed, data: data)
            _ = AppReducer.reduce(&state, .stored([StoredCase(file: changed, revision: 2)]))
            data.cases[data.cases.firstIndex { $0.id == changed.id }!] = changed
        }
        #expect(state.index.counts == CaseIndex(data: data).counts)
        #expect(state.index.rows.map(\.file) == CaseIndex(data: data).rows.map(\.file))
    }
}
