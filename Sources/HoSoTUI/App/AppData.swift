import Foundation
import HoSoDomain

/// Everything the application shows, as read from the data directory at one moment.
public struct AppData: Equatable, Sendable {
    public var cases: [CaseFile]
    /// The stored revision of each file: the expected revision of the next save.
    public var revisions: [CaseID: Int]
    public var organisation: Organisation
    public var rulebook: Rulebook
    public var calendar: WorkingCalendar
    /// The day steps default to and deadlines are judged on.
    public var today: CivilDate
    /// Who is acting: written into the history of every change.
    public var actor: String
    /// The signed-in person and what their roles reach; nil only where no person acts (tests of screens).
    public var access: Access?
    /// The people and their roles, for the people screen (empty unless the person may manage people).
    public var people: [Account]
    /// Where exports go unless the person types another folder: the home folder, as the runner knows it.
    public var exportFolder: String
    /// The facts the reports count when the person may count files they may not read (a viewer on a
    /// server, whose role reads no file); nil: the reports count `cases`.
    public var reportFacts: [ReportFacts]?

    /// Data as loaded. With `access`, only the files the person's lists may show are kept: the screens
    /// then cannot show a file the person may not see, whoever built the data.
    public init(cases: [CaseFile], revisions: [CaseID: Int], organisation: Organisation, rulebook: Rulebook = .standard,
                calendar: WorkingCalendar = WorkingCalendar(), today: CivilDate, actor: String, access: Access? = nil,
                people: [Account] = [], exportFolder: String = "~") {
        let listed = access.map { access in cases.filter(access.listsFile) } ?? cases
        self.cases = listed
        if access == nil {
            self.revisions = revisions
        } else {
            let ids = Set(listed.map(\.id))
            self.revisions = revisions.filter { ids.contains($0.key) }
        }
        self.access = access
        self.people = people
        self.exportFolder = exportFolder
        self.organisation = organisation
        self.rulebook = rulebook
        self.calendar = calendar
        self.today = today
        self.actor = actor
    }

    /// Party members at the start of this year, as the rate report counts them (recorded figures first).
    public var membersAtStartOfYear: (count: Int?, estimated: Bool) { organisation.members(atStartOf: today.year) }

    /// The engine's context for a step of `file` dated `date`.
    public func context(for file: CaseFile, on date: CivilDate) -> WorkflowContext? {
        organisation.context(for: file.unitID, on: date, actor: actor, rulebook: rulebook, access: access, today: today)
    }

    /// The context for a new file of `unit` dated `date`.
    public func context(forUnit unit: UnitID, on date: CivilDate) -> WorkflowContext? {
        organisation.context(for: unit, on: date, actor: actor, rulebook: rulebook, access: access, today: today)
    }

    /// The unit's name, or its id when unknown.
    public func unitName(_ id: UnitID) -> String { organisation.units[id]?.name ?? id.rawValue }

    /// The member's name, or the id when unknown.
    public func memberName(_ id: MemberID) -> String { organisation.members[id]?.fullName ?? id.rawValue }

    /// Official members sorted by name: the people who may mentor or introduce.
    public var officialMembers: [Member] {
        organisation.members.values.filter { $0.isOfficial(on: today) }
            .sorted { VietnameseCollation.areInIncreasingOrder($0.fullName, $1.fullName) }
    }

    /// Every member sorted by name.
    public var allMembers: [Member] {
        organisation.members.values.sorted { VietnameseCollation.areInIncreasingOrder($0.fullName, $1.fullName) }
    }

    /// Cells sorted the Vietnamese way (where new files go).
    public var cells: [HoSoDomain.Unit] { organisation.sortedUnits.filter { $0.kind == .cell } }
}

/// Derived per data load, never per keystroke: rows with deadlines, search and sort keys, and the counts
/// the board and the pickers show. A save of one file changes it in place (`replace`), to what building it
/// again from the changed data would give.
public struct CaseIndex: Equatable, Sendable {
    /// One row per file, in Vietnamese name order (then by id).
    public private(set) var rows: [CaseRow]
    private(set) var searchKeys: [SearchKey]
    private(set) var unitNames: [String]
    private(set) var unitKeys: [VietnameseCollation.SortKey]
    private(set) var mentorNames: [String]
    private(set) var mentorKeys: [VietnameseCollation.SortKey]
    private var positions: [CaseID: Int]
    /// What a narrow column shows of each unit: its name without the kind ("Khu phố 3") and its short name
    /// ("KP3"); made per load, as the organisation changes only then.
    private(set) var unitLabels: [UnitID: NarrowText.UnitLabel]
    /// How many files each box of the board and each option of the pickers stands for.
    public private(set) var counts: CaseCounts
    /// The rows of each mentor's candidates and of each awareness class, for their screens.
    private(set) var groups: RowGroups

    /// Builds the index of `data`.
    public init(data: AppData) {
        let labels = Labels(data, units: data.organisation.units.keys, members: data.organisation.members.keys)
        let year = data.today.year
        let count = data.cases.count
        // Each file's entry is made on every core into one buffer; the entries are sorted as positions
        // (a comparator that rebuilt keys would build O(n log n) of them, and sorting the entries would
        // move every field at each step), then moved out field by field, in order, into the index's
        // arrays: no entry is copied.
        let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: count)
        defer { entries.deallocate() }  // every entry is moved out below
        data.cases.concurrentMap(into: entries) { Entry(file: $0, data: data, labels: labels, year: year) }
        nonisolated(unsafe) let sorting = entries.baseAddress!
        let order = Array(0..<count).concurrentSorted { a, b in
            // Through pointers, field by field: passing the entries themselves would copy them.
            let (x, y) = (sorting + a, sorting + b)
            if let p = x.pointee.nameKey.prefix, let q = y.pointee.nameKey.prefix, p != q { return p < q }
            return VietnameseCollation.SortKey.orderAfterPrefix(x.pointee.nameKey, y.pointee.nameKey) ?? (x.pointee.id < y.pointee.id)
        }
        var (rows, unitNames, unitKeys, mentorNames, mentorKeys) =
            ([CaseRow](), [String](), [VietnameseCollation.SortKey](), [String](), [VietnameseCollation.SortKey]())
        var contributions: [CaseCounts.Contribution] = []
        var memberships: [RowGroups.Membership] = []
        rows.reserveCapacity(count)
        unitNames.reserveCapacity(count)
        unitKeys.reserveCapacity(count)
        mentorNames.reserveCapacity(count)
        mentorKeys.reserveCapacity(count)
        contributions.reserveCapacity(count)
        memberships.reserveCapacity(count)
        var positions = [CaseID: Int](minimumCapacity: count)
        for (position, index) in order.enumerated() {
            let entry = (entries.baseAddress! + index).move()
            if positions[entry.id] == nil { positions[entry.id] = position }
            rows.append(entry.row)
            unitNames.append(entry.unitName)
            unitKeys.append(entry.unitKey)
            mentorNames.append(entry.mentorNames)
            mentorKeys.append(entry.mentorKey)
            contributions.append(entry.contribution)
            memberships.append(entry.membership)
        }
        // Search keys are made in name order, in runs on each core, so that a search, which reads them
        // all in that order at every key typed, reads memory in order: made in the files' order and then
        // sorted, they made a search at 100,000 files five times slower.
        let unitLabels = data.organisation.shortNames.reduce(into: [UnitID: NarrowText.UnitLabel]()) { labels, entry in
            labels[entry.key] = NarrowText.UnitLabel(plain: NarrowText.withoutKind(data.unitName(entry.key)), short: entry.value)
        }
        let (sortedRows, sortedUnits) = (rows, unitNames)
        searchKeys = Array(rows.indices).concurrentMap {
            Entry.searchKey(of: sortedRows[$0].file, unitName: sortedUnits[$0], labels: unitLabels)
        }
        (self.rows, self.unitNames, self.unitKeys, self.mentorNames, self.mentorKeys) = (rows, unitNames, unitKeys, mentorNames, mentorKeys)
        self.positions = positions
        self.unitLabels = unitLabels
        counts = CaseCounts(year: year, adding: contributions)
        groups = RowGroups(memberships)
    }

    /// The row of the file `id`.
    public func position(of id: CaseID) -> Int? { positions[id] }

    /// Where a file was and is after `replace`, in positions of the index before and after the change;
    /// the rows between the two moved by one.
    public struct Move: Equatable, Sendable {
        /// The file's row before the change, nil when it was not listed.
        public var removed: Int?
        /// The file's row after the change, nil when it is no longer listed.
        public var inserted: Int?

        /// Where the row at `position` before the change is after it (nil: the changed file's old row).
        public func moved(_ position: Int) -> Int? {
            var result = position
            if let removed {
                if position == removed { return nil }
                if position > removed { result -= 1 }
            }
            if let inserted, result >= inserted { result += 1 }
            return result
        }
    }

    /// Puts `file` (as stored now) in place of the file `id`, adds it when it was not listed, or takes the
    /// file out when `file` is nil. The result is the index `init(data:)` builds from the changed data: one
    /// row is computed, and only the rows between the file's old and new places move.
    public mutating func replace(_ id: CaseID, with file: CaseFile?, data: AppData) -> Move {
        let entry = file.map { file in
            Entry(file: file, data: data, labels: Labels(data, units: [file.unitID], members: file.activeMentors.map(\.memberID)),
                  year: counts.year)
        }
        let old = positions[id]
        if let old {
            counts.remove(CaseCounts.Contribution(rows[old], year: counts.year))
            groups.remove(old, RowGroups.Membership(rows[old].file))
        }
        if let entry { counts.add(entry.contribution) }
        // Most saves leave the name as it was: the row keeps its place and nothing moves.
        if let old, let entry, fits(entry, at: old) {
            set(entry, at: old)
            groups.insert(old, entry.membership)
            return Move(removed: old, inserted: old)
        }
        if let old {
            positions[id] = nil
            rows.remove(at: old)
            searchKeys.remove(at: old)
            unitNames.remove(at: old)
            unitKeys.remove(at: old)
            mentorNames.remove(at: old)
            mentorKeys.remove(at: old)
        }
        var inserted: Int?
        if let entry {
            let place = insertionPoint(of: entry)
            rows.insert(entry.row, at: place)
            searchKeys.insert(Entry.searchKey(of: entry.row.file, unitName: entry.unitName, labels: unitLabels), at: place)
            unitNames.insert(entry.unitName, at: place)
            unitKeys.insert(entry.unitKey, at: place)
            mentorNames.insert(entry.mentorNames, at: place)
            mentorKeys.insert(entry.mentorKey, at: place)
            inserted = place
        }
        let first = min(old ?? .max, inserted ?? .max)
        let last = old != nil && inserted != nil ? max(old!, inserted!) : rows.count - 1
        if first <= last {
            for position in first...last { positions[rows[position].file.id] = position }
        }
        let move = Move(removed: old, inserted: inserted)
        groups.renumber(move)
        if let inserted, let entry { groups.insert(inserted, entry.membership) }
        return move
    }

    /// The rows of the files `member` actively mentors, in name order.
    func candidates(of member: MemberID) -> [Int] { groups.byMentor[member] ?? [] }

    /// The rows of the files in each awareness class, by class name.
    var classRows: [String: [Int]] { groups.byClass }

    private mutating func set(_ entry: Entry, at position: Int) {
        rows[position] = entry.row
        searchKeys[position] = Entry.searchKey(of: entry.row.file, unitName: entry.unitName, labels: unitLabels)
        unitNames[position] = entry.unitName
        unitKeys[position] = entry.unitKey
        mentorNames[position] = entry.mentorNames
        mentorKeys[position] = entry.mentorKey
    }

    /// The name order of the row at `position` and `entry`: keys of rows are not kept (a few megabytes
    /// at 100,000 files), so the few a binary search visits are built again.
    private func rowPrecedes(_ position: Int, _ entry: Entry) -> Bool {
        let file = rows[position].file
        return Entry.precedes(key: VietnameseCollation.unmemoisedSortKey(forFullName: file.person.fullName), id: file.id,
                              key: entry.nameKey, id: entry.id)
    }

    private func entryPrecedes(_ entry: Entry, _ position: Int) -> Bool {
        let file = rows[position].file
        return Entry.precedes(key: entry.nameKey, id: entry.id,
                              key: VietnameseCollation.unmemoisedSortKey(forFullName: file.person.fullName), id: file.id)
    }

    /// Whether `entry` belongs at `position` of the rows as they are (the row there being the file's own).
    private func fits(_ entry: Entry, at position: Int) -> Bool {
        (position == 0 || rowPrecedes(position - 1, entry)) && (position == rows.count - 1 || entryPrecedes(entry, position + 1))
    }

    /// The first position whose row comes after `entry`.
    private func insertionPoint(of entry: Entry) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rowPrecedes(middle, entry) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Everything the index keeps of one file, computed the same way by the whole build and by `replace`.
    private struct Entry: Sendable {
        let id: CaseID
        let row: CaseRow
        let nameKey: VietnameseCollation.SortKey
        let unitName: String
        let unitKey: VietnameseCollation.SortKey
        let mentorNames: String
        let mentorKey: VietnameseCollation.SortKey
        let contribution: CaseCounts.Contribution
        let membership: RowGroups.Membership

        init(file: CaseFile, data: AppData, labels: Labels, year: Int) {
            id = file.id
            let next = CaseDeadlines.next(for: file, rulebook: data.rulebook, calendar: data.calendar, today: data.today)
            row = CaseRow(file: file, deadline: next?.deadline, status: next?.status)
            let person = file.person
            // Names rarely repeat: the memo of collation keys is left to the units and mentors, which do.
            nameKey = VietnameseCollation.unmemoisedSortKey(forFullName: person.fullName)
            (unitName, unitKey) = labels.unit(file.unitID)
            let mentors = file.activeMentors.map(\.memberID)
            (mentorNames, mentorKey) = labels.mentors(mentors, data: data)
            contribution = CaseCounts.Contribution(row, mentors: mentors, year: year)
            membership = RowGroups.Membership(file, mentors: contribution.mentors)
        }

        /// What a search of the list looks through: the name, the id, the unit and its short name (as the list shows it).
        static func searchKey(of file: CaseFile, unitName: String, labels: [UnitID: NarrowText.UnitLabel]) -> SearchKey {
            SearchKey(joining: [file.person.fullName, file.id.rawValue, unitName, labels[file.unitID]?.short ?? ""])
        }

        static func precedes(key a: VietnameseCollation.SortKey, id idA: CaseID, key b: VietnameseCollation.SortKey, id idB: CaseID)
            -> Bool
        {
            VietnameseCollation.SortKey.order(a, b) ?? (idA < idB)
        }
    }

    /// The names and collation keys of units and mentors, made once per index rather than once per file.
    private struct Labels: Sendable {
        typealias Label = (name: String, key: VietnameseCollation.SortKey)
        let units: [UnitID: Label]
        /// By member, for the file with one mentor (most of them); none is "".
        let mentors: [MemberID: Label]
        let noMentor: Label

        /// The labels of `units` and `members` (a save needs those of one file, the whole index all of them).
        init(_ data: AppData, units: some Sequence<UnitID>, members: some Sequence<MemberID>) {
            var unitLabels: [UnitID: Label] = [:]
            for id in units {
                guard let unit = data.organisation.units[id] else { continue }
                unitLabels[id] = (unit.name, VietnameseCollation.sortKey(forText: unit.name))
            }
            self.units = unitLabels
            var mentorLabels: [MemberID: Label] = [:]
            for id in members {
                let name = data.memberName(id)
                mentorLabels[id] = (name, VietnameseCollation.sortKey(forFullName: name))
            }
            self.mentors = mentorLabels
            noMentor = ("", VietnameseCollation.sortKey(forFullName: ""))
        }

        /// As `AppData.unitName`: the id stands for a unit the organisation does not know.
        func unit(_ id: UnitID) -> Label {
            if let known = units[id] { return known }
            return (id.rawValue, VietnameseCollation.sortKey(forText: id.rawValue))
        }

        /// The mentors' names as the list shows them ("A, B") and their key.
        func mentors(_ ids: [MemberID], data: AppData) -> Label {
            if ids.isEmpty { return noMentor }
            if ids.count == 1, let known = mentors[ids[0]] { return known }
            let names = ids.map { data.memberName($0) }.joined(separator: ", ")
            return (names, VietnameseCollation.sortKey(forFullName: names))
        }
    }
}

/// The rows of an index (positions, ascending) in each mentor's list and each awareness class: made
/// with the index and kept up to date by its in-place changes, so that those screens do not look
/// through every file on every frame.
struct RowGroups: Equatable, Sendable {
    /// Where one file belongs.
    struct Membership: Sendable {
        /// The members actively mentoring it, each once.
        let mentors: [MemberID]
        /// Its class, when it is in one or has its certificate.
        let className: String?

        init(_ file: CaseFile, mentors: [MemberID]? = nil) {
            self.mentors = mentors ?? Array(Set(file.activeMentors.map(\.memberID)))
            className = file.state == .inClass || file.state == .certified ? file.enrolment?.className ?? Self.unnamedClass : nil
        }

        /// The class of a file whose enrolment has no class name.
        static let unnamedClass = "(chưa ghi tên lớp)"
    }

    private(set) var byMentor: [MemberID: [Int]] = [:]
    private(set) var byClass: [String: [Int]] = [:]

    /// The groups of rows whose memberships are `rows`, in row order.
    init(_ rows: [Membership]) {
        for (position, row) in rows.enumerated() {
            for member in row.mentors { byMentor[member, default: []].append(position) }
            if let name = row.className { byClass[name, default: []].append(position) }
        }
    }

    mutating func insert(_ position: Int, _ row: Membership) {
        for member in row.mentors { Self.insert(position, into: &byMentor, member) }
        if let name = row.className { Self.insert(position, into: &byClass, name) }
    }

    mutating func remove(_ position: Int, _ row: Membership) {
        for member in row.mentors { Self.remove(position, from: &byMentor, member) }
        if let name = row.className { Self.remove(position, from: &byClass, name) }
    }

    /// Follows the rows that moved by one when a row left one place for another (the row itself
    /// already removed).
    mutating func renumber(_ move: CaseIndex.Move) {
        guard move.removed != move.inserted else { return }
        for key in byMentor.keys { byMentor[key] = byMentor[key]!.compactMap(move.moved) }
        for key in byClass.keys { byClass[key] = byClass[key]!.compactMap(move.moved) }
    }

    private static func insert<Key: Hashable>(_ position: Int, into groups: inout [Key: [Int]], _ key: Key) {
        var rows = groups.removeValue(forKey: key) ?? []
        rows.insert(position, at: place(of: position, in: rows))
        groups[key] = rows
    }

    /// A group left empty is removed, so groups kept up to date equal groups made afresh.
    private static func remove<Key: Hashable>(_ position: Int, from groups: inout [Key: [Int]], _ key: Key) {
        guard var rows = groups.removeValue(forKey: key) else { return }
        let place = place(of: position, in: rows)
        if place < rows.count, rows[place] == position { rows.remove(at: place) }
        if !rows.isEmpty { groups[key] = rows }
    }

    private static func place(of position: Int, in rows: [Int]) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// How many files of an index each box of the board and each option of the filter and mentor pickers
/// stands for. Counted once per index and kept up to date by its in-place changes, so that drawing the
/// board, or opening a picker, costs nothing per file.
public struct CaseCounts: Equatable, Sendable {
    /// Files, overdue, due soon and without a mentor, of some set of files.
    public struct Tally: Equatable, Sendable {
        public internal(set) var files = 0
        public internal(set) var overdue = 0
        public internal(set) var dueSoon = 0
        public internal(set) var noMentor = 0

        mutating func add(_ other: Tally) {
            files += other.files
            overdue += other.overdue
            dueSoon += other.dueSoon
            noMentor += other.noMentor
        }

        mutating func add(_ file: Contribution, _ sign: Int) {
            files += sign
            if file.overdue { overdue += sign }
            if file.dueSoon { dueSoon += sign }
            if file.noMentor { noMentor += sign }
        }
    }

    /// What one file adds to the counts, worked out once (in parallel, while the index is built).
    struct Contribution: Sendable {
        let state: CaseState
        let unit: UnitID
        /// The members actively mentoring the file, each once.
        let mentors: [MemberID]
        let overdue: Bool
        let dueSoon: Bool
        let noMentor: Bool
        let admitted: Bool

        /// `mentors`: the file's active mentors, when the caller has them already.
        init(_ row: CaseRow, mentors: [MemberID]? = nil, year: Int) {
            let file = row.file
            state = file.state
            unit = file.unitID
            let active = mentors ?? file.activeMentors.map(\.memberID)
            self.mentors = active.count > 1 ? Array(Set(active)) : active
            overdue = row.isOverdue
            dueSoon = row.isDueSoon
            // A file with a mentor never lacks one: the row's own test (which asks for the mentors again)
            // only for the others.
            noMentor = active.isEmpty && row.hasNoMentor
            // As the reports count it: a revoked decision is not an admission.
            admitted = CaseEvents.admission(file)?.year == year
        }
    }

    /// The year whose admissions are counted (that of the data's day).
    public let year: Int
    /// Every file.
    public private(set) var all = Tally()
    /// The files of each stage of the board (a file closed or stopped belongs to none).
    public private(set) var byStage: [Stage: Tally] = [:]
    public private(set) var byState: [CaseState: Int] = [:]
    public private(set) var byUnit: [UnitID: Int] = [:]
    /// Files each member actively mentors.
    public private(set) var byMentor: [MemberID: Int] = [:]
    /// Files whose admission decision is dated in `year`.
    public private(set) var admitted = 0
    /// Those files per unit: the board adds them up per reporting unit as the reports do.
    public private(set) var admittedByUnit: [UnitID: Int] = [:]

    init(year: Int) {
        self.year = year
    }

    /// The counts of `files`: each half counted on its own core, then the two added.
    init(year: Int, adding files: [Contribution]) {
        guard files.count > 4096 else {
            self.init(year: year)
            for file in files { add(file) }
            return
        }
        let halves = UnsafeMutableBufferPointer<CaseCounts>.allocate(capacity: 2)
        halves.initialize(repeating: CaseCounts(year: year))
        defer {
            _ = halves.deinitialize()
            halves.deallocate()
        }
        nonisolated(unsafe) let target = halves
        let middle = files.count / 2
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            for file in half == 0 ? files[..<middle] : files[middle...] { target[half].add(file) }
        }
        self = halves[0]
        add(halves[1])
    }

    /// Adds the counts of `other` (of the same year).
    private mutating func add(_ other: CaseCounts) {
        all.add(other.all)
        for (stage, tally) in other.byStage { byStage[stage, default: Tally()].add(tally) }
        byState.merge(other.byState, uniquingKeysWith: +)
        byUnit.merge(other.byUnit, uniquingKeysWith: +)
        byMentor.merge(other.byMentor, uniquingKeysWith: +)
        admitted += other.admitted
        admittedByUnit.merge(other.admittedByUnit, uniquingKeysWith: +)
    }

    /// Files in a stage: the board's active files.
    public var active: Int { byStage.values.reduce(0) { $0 + $1.files } }

    mutating func add(_ file: Contribution) { count(file, 1) }

    mutating func remove(_ file: Contribution) { count(file, -1) }

    private mutating func count(_ file: Contribution, _ sign: Int) {
        all.add(file, sign)
        if let stage = file.state.stage {
            byStage[stage, default: Tally()].add(file, sign)
            if sign < 0, byStage[stage] == Tally() { byStage[stage] = nil }
        }
        Self.bump(&byState, file.state, sign)
        Self.bump(&byUnit, file.unit, sign)
        for member in file.mentors { Self.bump(&byMentor, member, sign) }
        if file.admitted {
            admitted += sign
            Self.bump(&admittedByUnit, file.unit, sign)
        }
    }

    /// A count that reaches zero is removed, so counts kept up to date equal counts made afresh.
    private static func bump<Key: Hashable>(_ counts: inout [Key: Int], _ key: Key, _ sign: Int) {
        counts[key, default: 0] += sign
        if sign < 0, counts[key] == 0 { counts[key] = nil }
    }
}

/// Questions about a file the screens ask, answered only by the engine.
public enum CaseQuestions {
    /// The step that moves the file along the main path (or back to it), if any.
    public static func mainStep(of file: CaseFile) -> Event.Kind? {
        Workflow.events(from: file.state).first { kind in
            guard let target = Workflow.destination(of: kind, for: file) else { return false }
            return target.isMainPath
        }
    }

    /// Whether the next main step has unmet requirements today (the ✗ marker of the list).
    public static func isBlocked(_ file: CaseFile, data: AppData) -> Bool {
        guard let step = mainStep(of: file), let context = data.context(for: file, on: data.today) else { return false }
        return Workflow.preview(step, of: file, context: context).contains { !$0.isMet && !isSuppliedByStep($0) }
    }

    /// Requirements the step's own form fills in (the vote, the decision number, the class name…):
    /// the engine marks them, so they do not make a file "blocked" before the form is filled.
    public static func isSuppliedByStep(_ requirement: Requirement) -> Bool { requirement.suppliedByStep }

}
