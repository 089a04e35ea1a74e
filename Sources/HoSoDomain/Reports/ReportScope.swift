import Foundation

/// What a report covers: the units under a chosen unit, the facts of their case files (`ReportFacts`),
/// and the date it is drawn up. The files themselves are there only for the lists that name candidates.
///
/// Several data directories (the branches' data received by the level above) are merged first:
/// committees with the same name are one node, any other unit found in two directories is refused.
public struct ReportScope: Sendable {
    /// One data directory's content, labelled for messages (usually its path).
    public struct Source: Sendable {
        public var label: String
        public var organisation: Organisation
        /// What the reports count of every file.
        public var facts: [ReportFacts]
        /// The files themselves, when the report names candidates (may be fewer than `facts`: none for a viewer).
        public var cases: [CaseFile]
        /// The new members counted apart by a server for the scope the report asks for
        /// (`ReportFactsRequest.counting(in:source:)`); `facts` then carry no person.
        public var newMembers: [NewMemberProfile]?

        /// A source whose facts are made from its files (a data directory).
        public init(label: String, organisation: Organisation, cases: [CaseFile]) {
            self.init(label: label, organisation: organisation, facts: cases.map(ReportFacts.init), cases: cases)
        }

        public init(label: String, organisation: Organisation, facts: [ReportFacts], cases: [CaseFile] = []) {
            self.label = label
            self.organisation = organisation
            self.facts = facts
            self.cases = cases
        }

        /// A source a server counted for one report (`ReportFactsRequest`).
        public init(label: String, organisation: Organisation, counted: CountedReportFacts, cases: [CaseFile] = []) {
            self.init(label: label, organisation: organisation, facts: counted.facts, cases: cases)
            newMembers = counted.newMembers
        }
    }

    public let organisation: Organisation
    /// The facts of every file counted, in id order within each source.
    public let facts: [ReportFacts]
    /// The files, for the lists that name candidates; looked up by id.
    public let cases: [CaseFile]
    /// The new members counted apart (`Source.newMembers`), already of this scope's units only; with those of
    /// the sources that were not counted apart, from their facts.
    public let newMembers: [NewMemberProfile]?
    /// For each source merged, the id each of its units has here (qualified when another source has the same
    /// id; a committee named as another source's is that one): empty for a scope of one source, whose ids are its own.
    let unitIDsOfSources: [[UnitID: UnitID]]
    /// The chosen unit, or nil for everything.
    public let root: Unit?
    public let unitIDs: Set<UnitID>
    public let today: CivilDate
    /// The positions in `facts` of each unit's own files: a report over hundreds of units looks each
    /// unit's files up instead of filtering every file once per unit.
    private let positionsByUnit: [UnitID: [Int]]
    private let childrenByParent: [UnitID: [UnitID]]

    /// Merges `sources` and selects `unit` (an id or a name, accents optional) and everything under it.
    public init(sources: [Source], unit: String?, today: CivilDate) throws(ReportScopeError) {
        let merged = try Self.merge(sources)
        organisation = merged.organisation
        facts = merged.facts
        cases = merged.cases
        unitIDsOfSources = merged.unitIDsOfSources
        self.today = today
        if let unit {
            guard let found = Self.find(unit, in: merged.organisation) else {
                let known = merged.organisation.sortedUnits.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
                throw ReportScopeError(
                    message: "Không có đơn vị \"\(unit)\". Hãy ghi mã hoặc tên đơn vị; các đơn vị có: \(known).")
            }
            root = found
            unitIDs = merged.organisation.subtree(of: found.id)
        } else {
            root = nil
            unitIDs = Set(merged.organisation.units.keys)
        }
        // The sources not counted apart tell their new members in their facts, of every unit: those in scope join the counted ones.
        if var counted = merged.newMembers {
            for fact in merged.factsOfMembersNotCounted where unitIDs.contains(fact.unitID) {
                if let profile = NewMemberProfile(fact) { counted.append(profile) }
            }
            newMembers = counted
        } else {
            newMembers = nil
        }
        positionsByUnit = Self.positions(of: facts)
        childrenByParent = organisation.childrenByParent
        reportingUnits = Self.reportingUnits(of: unitIDs, in: organisation)
    }

    /// A scope over one organisation, for callers (the TUI, tests) that already hold the files.
    public init(organisation: Organisation, cases: [CaseFile], root: UnitID? = nil, today: CivilDate) {
        self.init(organisation: organisation, facts: cases.map(ReportFacts.init), cases: cases, root: root, today: today)
    }

    /// A scope over one organisation's facts (and the files the person may read, for the named lists).
    public init(organisation: Organisation, facts: [ReportFacts], cases: [CaseFile] = [], root: UnitID? = nil, today: CivilDate) {
        self.organisation = organisation
        self.facts = facts
        self.cases = cases
        newMembers = nil
        unitIDsOfSources = []
        self.today = today
        self.root = root.flatMap { organisation.units[$0] }
        unitIDs = root.map(organisation.subtree(of:)) ?? Set(organisation.units.keys)
        positionsByUnit = Self.positions(of: facts)
        childrenByParent = organisation.childrenByParent
        reportingUnits = Self.reportingUnits(of: unitIDs, in: organisation)
    }

    private static func positions(of facts: [ReportFacts]) -> [UnitID: [Int]] {
        var positions: [UnitID: [Int]] = [:]
        for (position, file) in facts.enumerated() { positions[file.unitID, default: []].append(position) }
        return positions
    }

    /// The title of the scope: the chosen unit's name, or the top units' names.
    public var title: String {
        if let root { return root.name }
        let tops = organisation.units.values.filter { $0.parentID == nil || organisation.units[$0.parentID!] == nil }
        return Organisation(units: Array(tops)).sortedUnits.map(\.name).joined(separator: ", ")
    }

    /// The committee the report is drawn up for when it stands above its reporting units: the chosen unit,
    /// or the only top unit. The yearly quota set for it is the target of its level (the district's 185
    /// beside the 121 its organisations registered).
    public var level: Unit? {
        guard let candidate = root ?? onlyTopUnit else { return nil }
        return reportingUnits.contains { $0.id == candidate.id } ? nil : candidate
    }

    /// The one unit above all others in the data, if there is only one.
    var onlyTopUnit: Unit? {
        let tops = organisation.units.values.filter { $0.parentID == nil || organisation.units[$0.parentID!] == nil }
        return tops.count == 1 ? tops.first : nil
    }

    /// The units directly under `unit`.
    func children(of unit: UnitID) -> [Unit] {
        (childrenByParent[unit] ?? []).compactMap { organisation.units[$0] }
    }

    /// The quota of `level` for `year`, with the committee's name.
    public func levelQuota(for year: Int) -> LevelQuota? {
        guard let level, let quota = level.quota?.quota(for: year) else { return nil }
        return LevelQuota(unitName: level.name, quota: quota)
    }

    /// The facts of the files of the units in scope.
    public var scopedFacts: [ReportFacts] { facts.filter { unitIDs.contains($0.unitID) } }

    /// The new members of the units in scope, at any date: as counted apart, or from the files' facts.
    public var newMemberProfiles: [NewMemberProfile] { newMembers ?? scopedFacts.compactMap(NewMemberProfile.init) }

    /// The units a report has one row for: the grassroots organisations in scope, or the cells if there are
    /// none (a branch's own directory), in the published order (TT) and then by name. Chosen once: a report
    /// asks for them several times, and sorting hundreds of units by name costs.
    public let reportingUnits: [Unit]

    static func reportingUnits(of unitIDs: Set<UnitID>, in organisation: Organisation) -> [Unit] {
        let inScope = unitIDs.compactMap { organisation.units[$0] }
        var chosen = inScope.filter { $0.kind == .grassroots }
        if chosen.isEmpty { chosen = inScope.filter { $0.kind == .cell } }
        if chosen.isEmpty { chosen = inScope }
        return Self.inPublishedOrder(chosen)
    }

    /// The units the pipeline shows one row for: the reporting units, or, when there is only one (a ward's
    /// own directory), the units directly under it, so that its cells are told apart.
    public var pipelineUnits: [Unit] {
        let reporting = reportingUnits
        guard reporting.count == 1, let only = reporting.first else { return reporting }
        let below = children(of: only.id)
        return below.isEmpty ? reporting : Self.inPublishedOrder(below)
    }

    /// In the published order (TT), then by name.
    static func inPublishedOrder(_ units: [Unit]) -> [Unit] {
        units.sorted { lhs, rhs in
            switch (lhs.quota?.ordinal, rhs.quota?.ordinal) {
            case let (left?, right?) where left != right: return left < right
            case (_?, nil): return true
            case (nil, _?): return false
            default: return VietnameseCollation.compareWords(lhs.name, rhs.name) == .orderedAscending
            }
        }
    }

    /// `unit` and every unit under it.
    public func subtree(of unit: UnitID) -> Set<UnitID> {
        Organisation.subtree(of: unit, children: childrenByParent)
    }

    /// Party members at the start of `year` in `unit` and under it (see `Organisation.members`).
    public func members(atStartOf year: Int, under unit: UnitID) -> (count: Int?, estimated: Bool) {
        organisation.members(atStartOf: year, under: unit, children: childrenByParent)
    }

    /// The facts of the files of `unit` and every unit under it.
    public func facts(under unit: UnitID) -> [ReportFacts] {
        // In the order of `facts`, as a filter of them would give.
        subtree(of: unit).flatMap { positionsByUnit[$0] ?? [] }.sorted().map { facts[$0] }
    }

    static func find(_ query: String, in organisation: Organisation) -> Unit? {
        if let byID = organisation.units[UnitID(query)] { return byID }
        let folded = VietnameseText.folded(query)
        let matches = organisation.units.values.filter { VietnameseText.folded($0.name) == folded }
        return matches.count == 1 ? matches.first : nil
    }

    /// The same directory given twice, or a copy of one (the same units and the same files): summing it
    /// would count everything twice.
    static func refuseRepeatedData(_ sources: [Source]) throws(ReportScopeError) {
        for (position, source) in sources.enumerated() {
            for earlier in sources[..<position] {
                if earlier.label == source.label {
                    throw ReportScopeError(
                        message: "Thư mục dữ liệu \(source.label) được ghi hai lần (--data): cùng một dữ liệu chỉ được tính một lần. "
                            + "Hãy bỏ một lần --data \(source.label) rồi chạy lại.")
                }
                if earlier.organisation.units == source.organisation.units,
                   earlier.facts.map(\.caseID) == source.facts.map(\.caseID) {
                    throw ReportScopeError(
                        message: "Thư mục \(source.label) chứa cùng dữ liệu với \(earlier.label) (bản sao): cùng một dữ liệu "
                            + "được đưa hai lần, chỉ được tính một lần. Hãy bỏ một trong hai thư mục (--data) rồi chạy lại.")
                }
            }
        }
    }

    /// What merging sources gives. `newMembers`: those counted apart, when any source was; the facts of the
    /// sources that were not then tell theirs (`factsOfMembersNotCounted`, of every unit).
    struct Merged {
        var organisation: Organisation
        var facts: [ReportFacts]
        var cases: [CaseFile]
        var newMembers: [NewMemberProfile]?
        var factsOfMembersNotCounted: [ReportFacts] = []
        var unitIDsOfSources: [[UnitID: UnitID]] = []
    }

    static func merge(_ sources: [Source]) throws(ReportScopeError) -> Merged {
        if sources.count == 1 {
            return Merged(organisation: sources[0].organisation, facts: sources[0].facts, cases: sources[0].cases, newMembers: sources[0].newMembers)
        }
        try refuseRepeatedData(sources)
        var units: [UnitID: Unit] = [:]
        var members: [Member] = []
        var cases: [CaseFile] = []
        var facts: [ReportFacts] = []
        var newMembers: [NewMemberProfile]?
        var factsOfMembersNotCounted: [ReportFacts] = []
        var unitIDsOfSources: [[UnitID: UnitID]] = []
        var committeeByName: [String: UnitID] = [:]
        var ownerOfName: [String: (label: String, position: Int)] = [:]
        for (position, source) in sources.enumerated() {
            // Ids are only unique within a directory ("CB-1" everywhere), so each directory's ids are
            // qualified unless they name the shared committee above.
            var renamed: [UnitID: UnitID] = [:]
            // In a fixed order, so that a refusal names the same unit every run.
            for unit in source.organisation.sortedUnits {
                let folded = VietnameseText.folded(unit.name)
                if unit.kind == .committee {
                    if let existing = committeeByName[folded] {
                        renamed[unit.id] = existing
                        continue
                    }
                } else if let owner = ownerOfName[folded], owner.position != position {
                    throw ReportScopeError(
                        message: "Đơn vị \"\(unit.name)\" có trong cả \(owner.label) và \(source.label); "
                            + "mỗi đơn vị chỉ được tính một lần. Hãy bỏ một trong hai thư mục (--data) rồi chạy lại.")
                }
                let id = units[unit.id] == nil ? unit.id : UnitID("\(unit.id.rawValue)@\(position + 1)")
                renamed[unit.id] = id
                if unit.kind == .committee { committeeByName[folded] = id } else { ownerOfName[folded] = (source.label, position) }
                units[id] = unit
            }
            for (old, new) in renamed where units[new] != nil && units[new]!.id == old {
                units[new]!.id = new
                if let parent = units[new]!.parentID { units[new]!.parentID = renamed[parent] ?? parent }
            }
            let prefix = "\(position + 1):"
            for member in source.organisation.members.values {
                var copy = member
                copy.id = MemberID(prefix + member.id.rawValue)
                copy.unitID = renamed[member.unitID] ?? member.unitID
                members.append(copy)
            }
            for file in source.cases {
                var copy = file
                copy.id = CaseID(prefix + file.id.rawValue)
                copy.unitID = renamed[file.unitID] ?? file.unitID
                copy.mentors = file.mentors.map { mentor in
                    var assignment = mentor
                    assignment.memberID = MemberID(prefix + mentor.memberID.rawValue)
                    return assignment
                }
                cases.append(copy)
            }
            for fact in source.facts {
                var copy = fact
                copy.caseID = CaseID(prefix + fact.caseID.rawValue)
                copy.unitID = renamed[fact.unitID] ?? fact.unitID
                copy.activeMentors = fact.activeMentors.map { MemberID(prefix + $0.rawValue) }
                facts.append(copy)
            }
            // Counted apart for this scope (`ReportFactsRequest.counting(in:source:)`), so already of its units.
            if let counted = source.newMembers {
                newMembers = (newMembers ?? []) + counted
            } else {
                factsOfMembersNotCounted += facts[(facts.count - source.facts.count)...]
            }
            unitIDsOfSources.append(renamed)
        }
        return Merged(
            organisation: Organisation(units: Array(units.values), members: members), facts: facts, cases: cases, newMembers: newMembers,
            factsOfMembersNotCounted: newMembers == nil ? [] : factsOfMembersNotCounted, unitIDsOfSources: unitIDsOfSources)
    }
}

/// The yearly quota set for the committee a report is drawn up for.
public struct LevelQuota: Codable, Sendable, Equatable {
    public var unitName: String
    public var quota: Int

    public init(unitName: String, quota: Int) {
        self.unitName = unitName
        self.quota = quota
    }
}

/// A report that cannot be drawn up as asked, with what to do, in Vietnamese.
public struct ReportScopeError: Error, Sendable, Equatable {
    public var message: String

    public init(message: String) { self.message = message }
}
