import Foundation
import HoSoDomain

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
