import Foundation
import HoSoDomain

/// Everything the application shows, as read from the data directory at one moment.
public struct AppData: Sendable {
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

    /// Data as loaded. With `access`, only the files the person's lists may show are kept: the screens
    /// then cannot show a file the person may not see, whoever built the data.
    public init(cases: [CaseFile], revisions: [CaseID: Int], organisation: Organisation, rulebook: Rulebook = .standard,
                calendar: WorkingCalendar = WorkingCalendar(), today: CivilDate, actor: String, access: Access? = nil,
                people: [Account] = []) {
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
        self.organisation = organisation
        self.rulebook = rulebook
        self.calendar = calendar
        self.today = today
        self.actor = actor
    }

    /// The engine's context for a step of `file` dated `date`.
    public func context(for file: CaseFile, on date: CivilDate) -> WorkflowContext? {
        organisation.context(for: file.unitID, on: date, actor: actor, rulebook: rulebook, access: access)
    }

    /// The context for a new file of `unit` dated `date`.
    public func context(forUnit unit: UnitID, on date: CivilDate) -> WorkflowContext? {
        organisation.context(for: unit, on: date, actor: actor, rulebook: rulebook, access: access)
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
public struct CaseIndex: Sendable {
    /// One row per file, in Vietnamese name order (then by id).
    public private(set) var rows: [CaseRow]
    private(set) var searchKeys: [SearchKey]
    private(set) var unitNames: [String]
    private(set) var unitKeys: [VietnameseCollation.SortKey]
    private(set) var mentorNames: [String]
    private(set) var mentorKeys: [VietnameseCollation.SortKey]
    private var positions: [CaseID: Int]
    /// How many files each box of the board and each option of the pickers stands for.
    public private(set) var counts: CaseCounts

    /// Builds the index of `data`.
    public init(data: AppData) {
        let labels = UnitLabels(data.organisation)
        let entries = data.cases.concurrentMap { Entry(file: $0, data: data, labels: labels) }
        // Keys are computed once per file and the entries sorted as indices: a comparator that rebuilt
        // keys would build O(n log n) of them, and sorting the entries themselves moves every field.
        let order = Array(entries.indices).sorted { Entry.precedes(entries[$0], entries[$1]) }
        rows = order.map { entries[$0].row }
        searchKeys = order.map { entries[$0].searchKey }
        unitNames = order.map { entries[$0].unitName }
        unitKeys = order.map { entries[$0].unitKey }
        mentorNames = order.map { entries[$0].mentorNames }
        mentorKeys = order.map { entries[$0].mentorKey }
        var positions = [CaseID: Int](minimumCapacity: order.count)
        for (position, row) in rows.enumerated() where positions[row.file.id] == nil { positions[row.file.id] = position }
        self.positions = positions
        var counts = CaseCounts(year: data.today.year)
        for row in rows { counts.add(row) }
        self.counts = counts
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
        let entry = file.map { Entry(file: $0, data: data, labels: UnitLabels(data.organisation)) }
        let old = positions[id]
        if let old { counts.remove(rows[old]) }
        if let entry { counts.add(entry.row) }
        // Most saves leave the name as it was: the row keeps its place and nothing moves.
        if let old, let entry, fits(entry, at: old) {
            set(entry, at: old)
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
            searchKeys.insert(entry.searchKey, at: place)
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
        return Move(removed: old, inserted: inserted)
    }

    private mutating func set(_ entry: Entry, at position: Int) {
        rows[position] = entry.row
        searchKeys[position] = entry.searchKey
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
                              key: entry.nameKey, id: entry.row.file.id)
    }

    private func entryPrecedes(_ entry: Entry, _ position: Int) -> Bool {
        let file = rows[position].file
        return Entry.precedes(key: entry.nameKey, id: entry.row.file.id,
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
        let row: CaseRow
        let nameKey: VietnameseCollation.SortKey
        let searchKey: SearchKey
        let unitName: String
        let unitKey: VietnameseCollation.SortKey
        let mentorNames: String
        let mentorKey: VietnameseCollation.SortKey

        init(file: CaseFile, data: AppData, labels: UnitLabels) {
            let next = CaseDeadlines.next(for: file, rulebook: data.rulebook, calendar: data.calendar, today: data.today)
            row = CaseRow(file: file, deadline: next?.deadline, status: next?.status)
            // Names rarely repeat: the memo of collation keys is left to the units and mentors, which do.
            nameKey = VietnameseCollation.unmemoisedSortKey(forFullName: file.person.fullName)
            (unitName, unitKey) = labels.label(of: file.unitID)
            mentorNames = file.activeMentors.map { data.memberName($0.memberID) }.joined(separator: ", ")
            mentorKey = VietnameseCollation.sortKey(forFullName: mentorNames)
            searchKey = SearchKey("\(file.person.fullName) \(file.id.rawValue) \(unitName)")
        }

        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            precedes(key: a.nameKey, id: a.row.file.id, key: b.nameKey, id: b.row.file.id)
        }

        static func precedes(key a: VietnameseCollation.SortKey, id idA: CaseID, key b: VietnameseCollation.SortKey, id idB: CaseID)
            -> Bool
        {
            a < b || (!(b < a) && idA < idB)
        }
    }

    /// The name and collation key of each unit, made once per index rather than once per file.
    private struct UnitLabels: Sendable {
        let byID: [UnitID: (name: String, key: VietnameseCollation.SortKey)]

        init(_ organisation: Organisation) {
            byID = organisation.units.mapValues { ($0.name, VietnameseCollation.sortKey(forText: $0.name)) }
        }

        /// As `AppData.unitName`: the id stands for a unit the organisation does not know.
        func label(of id: UnitID) -> (String, VietnameseCollation.SortKey) {
            if let known = byID[id] { return known }
            return (id.rawValue, VietnameseCollation.sortKey(forText: id.rawValue))
        }
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

        mutating func add(_ row: CaseRow, _ sign: Int) {
            files += sign
            if row.isOverdue { overdue += sign }
            if row.isDueSoon { dueSoon += sign }
            if row.hasNoMentor { noMentor += sign }
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

    init(year: Int) {
        self.year = year
    }

    /// Files in a stage: the board's active files.
    public var active: Int { byStage.values.reduce(0) { $0 + $1.files } }

    mutating func add(_ row: CaseRow) { count(row, 1) }

    mutating func remove(_ row: CaseRow) { count(row, -1) }

    private mutating func count(_ row: CaseRow, _ sign: Int) {
        let file = row.file
        all.add(row, sign)
        if let stage = file.state.stage {
            byStage[stage, default: Tally()].add(row, sign)
            if byStage[stage] == Tally() { byStage[stage] = nil }
        }
        Self.bump(&byState, file.state, sign)
        Self.bump(&byUnit, file.unitID, sign)
        for member in Set(file.activeMentors.map(\.memberID)) { Self.bump(&byMentor, member, sign) }
        if file.decision?.date.year == year { admitted += sign }
    }

    /// A count that reaches zero is removed, so counts kept up to date equal counts made afresh.
    private static func bump<Key: Hashable>(_ counts: inout [Key: Int], _ key: Key, _ sign: Int) {
        let value = counts[key, default: 0] + sign
        counts[key] = value == 0 ? nil : value
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
