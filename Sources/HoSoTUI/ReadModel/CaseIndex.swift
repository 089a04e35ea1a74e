import Foundation
import HoSoDomain

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

    /// The index of `data`, whose files are not read yet, with the counts of them `counts` made from
    /// their facts: the board shows them; the lists wait for the files.
    init(data: AppData, counts: CaseCounts) {
        // No rows: nothing to label (making the labels of every unit and member is most of an empty index).
        (rows, searchKeys, unitNames, unitKeys, mentorNames, mentorKeys) = ([], [], [], [], [], [])
        (positions, unitLabels, groups) = ([:], [:], RowGroups([]))
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
