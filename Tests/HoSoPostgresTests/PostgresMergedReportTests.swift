import Foundation
import HoSoDomain
@testable import HoSoPostgres
import HoSoStorage
import HoSoTestSupport
import Testing

/// The district of the demo (`DemoWardOnServer(cases: 600)`) kept in two databases, as the level above receives
/// it: the ward of the first grassroots organisation (with the district committee above it) and the second
/// grassroots organisation (with a district committee of the same name, which merging makes one).
struct DistrictInTwoDatabases {
    let whole: Repository
    let parts: [Repository]
    let files: [ReportFacts]

    init(_ ward: DemoWardOnServer) throws {
        whole = try ServerRepository.open(url: ward.url(as: ward.topClerk))
        files = whole.cases.map(ReportFacts.init)
        let second = whole.organisation.subtree(of: "DB-P2")
        let committees = ward.demo.units.filter { $0.kind == .committee && $0.parentID == nil }
        #expect(committees.map(\.id) == ["QU-3"])
        var parts: [Repository] = []
        for inSecond in [false, true] {
            let units = ward.demo.units.filter { second.contains($0.id) == inSecond } + (inSecond ? committees : [])
            let ids = Set(units.map(\.id))
            let url = try ward.cluster.makeDatabase("part")
            // The owner counts: a clerk of the district committee, signed in as the tables' owner.
            let owner = Account(id: "owner", fullName: "Thư ký quận", systemUser: PostgresCluster.superuser, grants: [RoleGrant(.clerk, in: "QU-3")])
            _ = try ServerRepository.create(
                url: url, units: units, members: ward.demo.members.filter { ids.contains($0.unitID) },
                cases: ward.demo.cases.filter { ids.contains($0.unitID) }, accounts: [owner], actor: "Thư ký")
            parts.append(try ServerRepository.open(url: url, readingCases: false))
        }
        self.parts = parts
    }

    func bareSources() -> [ReportScope.Source] {
        parts.enumerated().map { ReportScope.Source(label: "part \($0.offset + 1)", organisation: $0.element.organisation, facts: []) }
    }
}

@Suite("Reports over several servers: each counted for its part of the merged scope, the figures of one source")
struct PostgresMergedReportTests {
    @Test("Two databases, each counted under the reporting units of the merged scope (new members apart), give the figures of one holding both; a server beside a directory's facts too")
    func mergedAsOne() throws {
        let ward = try DemoWardOnServer(cases: 600)
        let district = try DistrictInTwoDatabases(ward)
        let today = DemoWardOnServer.today
        for unit in [nil, "QU-3", "DB-P2", "CB-1", "DU-XH"] as [String?] {
            let label = "unit \(unit ?? "all")"
            let merged = try ReportScope(sources: district.bareSources(), unit: unit, today: today)
            let one = try ReportScope(sources: [.init(label: "one", organisation: district.whole.organisation, facts: district.files)], unit: unit, today: today)
            #expect(merged.unitIDs == one.unitIDs, "the merged organisation is the district's: \(label)")
            func counted(_ request: ReportFactsRequest) throws -> [ReportScope.Source] {
                try district.parts.enumerated().map { position, part in
                    let counted = try part.reportFacts(for: request.counting(in: merged, source: position))
                    return ReportScope.Source(label: "part \(position + 1)", organisation: part.organisation, counted: counted)
                }
            }
            func scope(_ sources: [ReportScope.Source]) throws -> ReportScope { try ReportScope(sources: sources, unit: unit, today: today) }
            for year in [2025, 2026] {
                let sources = try counted(QuotaReport.factsRequest(year: year, today: today))
                #expect(QuotaReport.make(scope: try scope(sources), year: year) == QuotaReport.make(scope: one, year: year), "quota \(year), \(label)")
            }
            for span in ReportPeriod.Span.allCases {
                let period = ReportPeriod(span: span, year: 2026)
                let sources = try counted(PeriodReport.factsRequest(period: period, today: today))
                #expect(sources.allSatisfy { $0.newMembers != nil }, "new members counted apart by each server")
                let byServers = PeriodReport.make(scope: try scope(sources), period: period)
                #expect(byServers == PeriodReport.make(scope: one, period: period), "period \(span), \(label)")
                if unit == nil, span == .year { #expect(byServers.newMembers > 0, "not trivially empty") }
                // The second database as a data directory gives it: every file's facts, its new members in them.
                let secondFiles = ward.demo.cases.filter { district.parts[1].organisation.units[$0.unitID] != nil }.map(ReportFacts.init)
                let mixed = [sources[0], ReportScope.Source(label: "directory", organisation: district.parts[1].organisation, facts: secondFiles)]
                #expect(PeriodReport.make(scope: try scope(mixed), period: period) == PeriodReport.make(scope: one, period: period),
                        "period \(span), a server beside a directory, \(label)")
            }
        }
        // Counted under the reporting units of the merged scope: one grassroots organisation in each database.
        let merged = try ReportScope(sources: district.bareSources(), unit: nil, today: today)
        for (position, part) in district.parts.enumerated() {
            let counted = try part.reportFacts(for: QuotaReport.factsRequest(year: 2026, today: today).counting(in: merged, source: position))
            #expect(Set(counted.facts.map(\.unitID)) == [position == 0 ? "DB-XH" : "DB-P2"])
        }
    }

    @Test("A unit whose id another source also uses is asked for by its own id and counted under its own reporting unit")
    func qualifiedIDsAskedByTheirOwn() throws {
        let grassroots = Unit(id: "DB-1", name: "Đảng bộ A", kind: .grassroots)
        let cell = Unit(id: "CB-1", name: "Chi bộ A1", kind: .cell, parentID: "DB-1")
        let otherGrassroots = Unit(id: "DB-1", name: "Đảng bộ B", kind: .grassroots)
        let otherCell = Unit(id: "CB-1", name: "Chi bộ B1", kind: .cell, parentID: "DB-1")
        let sources = [
            ReportScope.Source(label: "A", organisation: Organisation(units: [grassroots, cell]), facts: []),
            ReportScope.Source(label: "B", organisation: Organisation(units: [otherGrassroots, otherCell]), facts: []),
        ]
        let merged = try ReportScope(sources: sources, unit: nil, today: DemoWardOnServer.today)
        #expect(merged.unitIDs == ["DB-1", "CB-1", "DB-1@2", "CB-1@2"])
        let request = QuotaReport.factsRequest(year: 2026, today: DemoWardOnServer.today)
        #expect(request.counting(in: merged, source: 0).countedUnder == ["DB-1": "DB-1", "CB-1": "DB-1"])
        #expect(request.counting(in: merged, source: 1).countedUnder == ["DB-1": "DB-1", "CB-1": "DB-1"], "the second source's own ids")
        let onlyB = try ReportScope(sources: sources, unit: "DB-1@2", today: DemoWardOnServer.today)
        #expect(request.counting(in: onlyB, source: 0).countedUnder == [:], "nothing of the first source is in scope")
        #expect(request.counting(in: onlyB, source: 1).countedUnder == ["DB-1": "DB-1", "CB-1": "DB-1"])
    }
}
