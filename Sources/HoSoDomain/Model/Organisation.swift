import Foundation

/// The units and members a data directory knows, with the questions the engine and reports ask of them.
public struct Organisation: Sendable, Equatable {
    public var units: [UnitID: Unit]
    public var members: [MemberID: Member]

    public init(units: [Unit] = [], members: [Member] = []) {
        self.units = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.members = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Units sorted the Vietnamese way, parents before children.
    public var sortedUnits: [Unit] {
        units.values.sorted { lhs, rhs in
            if lhs.kind != rhs.kind { return Unit.Kind.allCases.firstIndex(of: lhs.kind)! < Unit.Kind.allCases.firstIndex(of: rhs.kind)! }
            return VietnameseCollation.compareWords(lhs.name, rhs.name) == .orderedAscending
        }
    }

    public func members(of unit: UnitID) -> [Member] {
        members.values.filter { $0.unitID == unit }.sorted {
            VietnameseCollation.areInIncreasingOrder($0.fullName, $1.fullName)
        }
    }

    /// The unit and every unit below it.
    public func subtree(of root: UnitID) -> Set<UnitID> {
        Self.subtree(of: root, children: childrenByParent)
    }

    /// The units directly under each unit: asked once by whoever walks many subtrees.
    public var childrenByParent: [UnitID: [UnitID]] {
        var children: [UnitID: [UnitID]] = [:]
        for unit in units.values {
            if let parent = unit.parentID { children[parent, default: []].append(unit.id) }
        }
        return children
    }

    /// `root` and every unit under it, walking `children`; a cycle in hand-edited data ends the walk.
    public static func subtree(of root: UnitID, children: [UnitID: [UnitID]]) -> Set<UnitID> {
        var result: Set<UnitID> = [root]
        var pending = [root]
        while let unit = pending.popLast() {
            for child in children[unit] ?? [] where result.insert(child).inserted { pending.append(child) }
        }
        return result
    }

    /// Party members at the start of `year` in `unit` and everything under it: the figure recorded for the
    /// unit (typed in or imported from the published table); else the sum of its units' figures; a unit
    /// with none under it counts its head-count today (official and probationary), then `estimated`.
    /// A committee's or an organisation's own head-count (its committee) is never added to its cells'.
    public func members(
        atStartOf year: Int, under unit: UnitID, children: [UnitID: [UnitID]]? = nil
    ) -> (count: Int?, estimated: Bool) {
        let children = children ?? childrenByParent
        var visited: Set<UnitID> = []
        func figure(_ id: UnitID) -> (count: Int?, estimated: Bool) {
            guard let unit = units[id], visited.insert(id).inserted else { return (nil, false) }
            if let recorded = unit.quota?.members(atStartOf: year) { return (recorded, false) }
            let under = children[id] ?? []
            if under.isEmpty {
                let now = unit.memberCounts.official + unit.memberCounts.probationary
                return (now > 0 ? now : nil, true)
            }
            let below = under.map(figure).filter { $0.count != nil }
            if below.isEmpty { return (nil, true) }
            return (below.reduce(0) { $0 + ($1.count ?? 0) }, below.contains(where: \.estimated))
        }
        return figure(unit)
    }

    /// Party members at the start of `year` in the whole organisation (its top units summed).
    public func members(atStartOf year: Int) -> (count: Int?, estimated: Bool) {
        let children = childrenByParent
        let tops = units.values.filter { $0.parentID.map { units[$0] == nil } ?? true }
        let figures = tops.map { members(atStartOf: year, under: $0.id, children: children) }.filter { $0.count != nil }
        if figures.isEmpty { return (nil, true) }
        return (figures.reduce(0) { $0 + ($1.count ?? 0) }, figures.contains(where: \.estimated))
    }

    /// The context the engine needs to judge a step of a file of `unit` on `date`.
    public func context(
        for unit: UnitID, on date: CivilDate, actor: String, rulebook: Rulebook, access: Access? = nil,
        today: CivilDate? = nil
    ) -> WorkflowContext? {
        guard let cell = units[unit] else { return nil }
        // Mentors and introducers may belong to any unit of the same organisation, so all are known.
        return WorkflowContext(
            date: date, actor: actor, rulebook: rulebook, unit: cell, membersByID: members, access: access,
            today: today)
    }
}
