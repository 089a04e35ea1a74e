import HoSoDomain
import Testing

/// The demo organisation grows as a district does, so reports at a province's size run over hundreds
/// of units; a small demo stays the one ward the guide shows.
@Suite("The demo organisation")
struct DemoOrganisationTests {
    static let today = CivilDate(year: 2026, month: 11, day: 23)!

    @Test("Up to 400 files it is one ward of eight cells under the ward committee")
    func smallDemoIsOneWard() {
        let demo = DemoOrganisation.generate(caseCount: DemoOrganisation.wardCases, seed: 42, today: Self.today)
        #expect(demo.units.filter { $0.kind == .cell }.count == 8)
        #expect(demo.units.first?.id == "DU-XH" && demo.units.first?.parentID == nil)
        #expect(demo.cases.count == DemoOrganisation.wardCases)
    }

    @Test("Larger, a cell for every 50 files, ten to a ward, all under one district committee", arguments: [401, 2_000, 5_150])
    func largerDemoGrowsIntoADistrict(caseCount: Int) {
        let demo = DemoOrganisation.generate(caseCount: caseCount, seed: 42, today: Self.today)
        let units = Dictionary(uniqueKeysWithValues: demo.units.map { ($0.id, $0) })
        #expect(units.count == demo.units.count, "unit ids are unique")
        let cells = demo.units.filter { $0.kind == .cell }
        #expect(cells.count == max(8, caseCount / DemoOrganisation.casesPerCell))
        let tops = demo.units.filter { $0.parentID == nil }
        #expect(tops.map(\.id) == ["QU-3"])
        for unit in demo.units where unit.parentID != nil {
            #expect(units[unit.parentID!] != nil, "\(unit.id) hangs under a unit that exists")
        }
        let cellsPerParent = Dictionary(grouping: cells, by: { $0.parentID! }).mapValues(\.count)
        #expect(cellsPerParent.values.allSatisfy { $0 <= DemoOrganisation.cellsPerWard || $0 == 8 })
        let officials = Set(demo.members.filter { $0.status == .official }.map(\.unitID))
        #expect(cells.allSatisfy { officials.contains($0.id) }, "every cell has official members to mentor")
        #expect(demo.cases.allSatisfy { units[$0.unitID]?.kind == .cell })
        #expect(Set(demo.cases.map(\.unitID)).count > cells.count * 9 / 10, "files spread over the cells")
        for file in demo.cases {
            for mentor in file.mentors {
                #expect(demo.members.first { $0.id == mentor.memberID }?.unitID == file.unitID, "a mentor of the file's own cell")
            }
        }
    }

    @Test("The same seed gives the same organisation")
    func deterministic() {
        let first = DemoOrganisation.generate(caseCount: 600, seed: 7, today: Self.today)
        let second = DemoOrganisation.generate(caseCount: 600, seed: 7, today: Self.today)
        #expect(first.units == second.units && first.members == second.members && first.cases == second.cases)
    }

    @Test("A report scope's files under a unit are the files a filter of the subtree gives, in the same order")
    func scopeLooksUpEachUnitsFiles() {
        let demo = DemoOrganisation.generate(caseCount: 1_200, seed: 3, today: Self.today)
        let organisation = Organisation(units: demo.units, members: demo.members)
        let scope = ReportScope(organisation: organisation, cases: demo.cases, today: Self.today)
        for unit in demo.units {
            let subtree = organisation.subtree(of: unit.id)
            #expect(scope.facts(under: unit.id).map(\.caseID) == demo.cases.filter { subtree.contains($0.unitID) }.map(\.id))
        }
    }

    @Test("A subtree holds the units below at every depth, not the siblings; a cycle in edited data ends the walk")
    func subtrees() {
        let units = [
            Unit(id: "TOP", name: "Quận ủy", kind: .committee),
            Unit(id: "W1", name: "Phường 1", kind: .grassroots, parentID: "TOP"),
            Unit(id: "W2", name: "Phường 2", kind: .grassroots, parentID: "TOP"),
            Unit(id: "C1", name: "Chi bộ 1", kind: .cell, parentID: "W1"),
            Unit(id: "C2", name: "Chi bộ 2", kind: .cell, parentID: "W2"),
            Unit(id: "LOOP-A", name: "Vòng A", kind: .cell, parentID: "LOOP-B"),
            Unit(id: "LOOP-B", name: "Vòng B", kind: .cell, parentID: "LOOP-A"),
        ]
        let organisation = Organisation(units: units)
        #expect(organisation.subtree(of: "TOP") == ["TOP", "W1", "W2", "C1", "C2"])
        #expect(organisation.subtree(of: "W1") == ["W1", "C1"])
        #expect(organisation.subtree(of: "LOOP-A") == ["LOOP-A", "LOOP-B"])
        let scope = ReportScope(organisation: organisation, cases: [], today: Self.today)
        #expect(scope.subtree(of: "W2") == ["W2", "C2"])
    }

    @Test("The periodic report's one pass counts what a filter per event counts, and names the units that admitted")
    func periodReportCountsLikeFilters() {
        let demo = DemoOrganisation.generate(caseCount: 1_500, seed: 5, today: Self.today)
        let organisation = Organisation(units: demo.units, members: demo.members)
        let scope = ReportScope(organisation: organisation, cases: demo.cases, today: Self.today)
        let period = ReportPeriod(span: .year, year: 2026)
        let report = PeriodReport.make(scope: scope, period: period)
        let events: [(CaseFile) -> [CivilDate]] = [
            { CaseEvents.admission($0).map { [$0] } ?? [] }, { CaseEvents.recognition($0).map { [$0] } ?? [] },
            CaseEvents.removals, { CaseEvents.strikingOff($0).map { [$0] } ?? [] },
        ]
        // Counted to today, and last year to the same day.
        let through = min(period.end, Self.today)
        let lastYear = ReportPeriod.sameDayLastYear(period.start)...ReportPeriod.sameDayLastYear(through)
        for (movement, dates) in zip(report.movements, events) {
            #expect(movement.current == demo.cases.filter { dates($0).contains { period.start <= $0 && $0 <= through } }.count, "\(movement.label)")
            #expect(movement.previous == demo.cases.filter { dates($0).contains(where: lastYear.contains) }.count,
                    "\(movement.label)")
        }
        #expect((report.movements[0].current ?? 0) > 0 && report.movements.contains { ($0.previous ?? 0) > 0 }, "the demo has events in both years")
        let admittedUnits = Set(demo.cases.filter { CaseEvents.admission($0).map(period.contains) ?? false }.map(\.unitID))
        let expected = scope.reportingUnits.filter { !organisation.subtree(of: $0.id).isDisjoint(with: admittedUnits) }.map(\.name)
        #expect(report.unitsWithAdmission == expected)
        #expect(report.unitCount == scope.reportingUnits.count && report.unitCount > 2)
    }
}
