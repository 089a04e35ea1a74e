import Foundation
import HoSoDomain
import Testing

/// A server asked for a report's own scope (`ReportFactsRequest.counting(in:)`) counts each file under its
/// reporting unit and the new members apart, one field of the person at a time: the quota and period reports stay those of every
/// file's facts, for every scope, when reporting units nest, and for a unit under none.
@Suite("Files counted under their reporting units, new members apart")
struct ReportCountedUnderTests {
    static let today = CivilDate(year: 2026, month: 11, day: 23)!

    /// What a server gives for `request`: the files of the request's units only, each under the unit it
    /// names; when new members are counted apart, the files without their person and the profiles beside.
    static func counted(_ facts: [ReportFacts], _ request: ReportFactsRequest) -> CountedReportFacts {
        guard let under = request.countedUnder else { return CountedReportFacts(facts: facts) }
        let inScope = facts.filter { under[$0.unitID] != nil }
        let files = inScope.map { fact in
            var moved = fact
            moved.unitID = under[fact.unitID]!
            if request.countsNewMembersApart {
                (moved.ageAtAdmission, moved.sex, moved.education) = (nil, .male, EducationLevel.allCases[0])
                (moved.occupation, moved.ethnicity, moved.religion, moved.youthUnionMember) = ("", "", "", false)
            }
            return moved
        }
        guard request.countsNewMembersApart else { return CountedReportFacts(facts: files) }
        // One field of the person at a time, as the server's groupings give them.
        let newMembers = inScope.compactMap(NewMemberProfile.init).flatMap { whole in
            let told: [(inout NewMemberProfile) -> Void] = [
                { $0.age = whole.age }, { $0.sex = whole.sex }, { $0.education = whole.education }, { $0.occupation = whole.occupation },
                { $0.ethnicity = whole.ethnicity }, { $0.religion = whole.religion }, { $0.youthUnionMember = whole.youthUnionMember },
            ]
            return told.map { tell in
                var one = NewMemberProfile(admission: whole.admission, files: whole.files)
                tell(&one)
                return one
            }
        }
        return CountedReportFacts(facts: files, newMembers: newMembers)
    }

    /// The district-shaped demo; `nested`: a grassroots organisation moved under another, and a cell put
    /// straight under the district committee (under no reporting unit).
    static func organisation(nested: Bool) -> (Organisation, [ReportFacts]) {
        let demo = DemoOrganisation.generate(caseCount: 900, seed: 5, today: today)
        var units = demo.units
        if nested {
            for index in units.indices {
                if units[index].id == "DB-P2" { units[index].parentID = "DB-XH" }
                if units[index].id == "CB-P2-10" { units[index].parentID = "QU-3" }
            }
        }
        return (Organisation(units: units, members: demo.members), demo.cases.map(ReportFacts.init))
    }

    @Test("Each unit counts under the nearest reporting unit at or above it in the scope, else under itself; other units are not asked for")
    func unitsCountUnderTheirReportingUnit() throws {
        let (organisation, _) = Self.organisation(nested: true)
        func request(unit: String?) throws -> [UnitID: UnitID] {
            let scope = try ReportScope(sources: [.init(label: "x", organisation: organisation, facts: [])], unit: unit, today: Self.today)
            return try #require(QuotaReport.factsRequest(year: 2026, today: Self.today).counting(in: scope).countedUnder)
        }
        let everything = try request(unit: nil)
        #expect(everything.count == organisation.units.count)
        #expect(everything["CB-1"] == "DB-XH" && everything["DB-XH"] == "DB-XH" && everything["DU-XH"] == "DU-XH")
        #expect(everything["CB-P2-1"] == "DB-P2" && everything["DB-P2"] == "DB-P2", "the nearest reporting unit, not the one above it")
        #expect(everything["CB-P2-10"] == "CB-P2-10" && everything["QU-3"] == "QU-3", "under no reporting unit: itself")
        let ward = try request(unit: "DB-P2")
        #expect(Set(ward.keys) == Set((1...9).map { UnitID("CB-P2-\($0)") } + ["DB-P2"]))
        #expect(ward.values.allSatisfy { $0 == "DB-P2" })
        let cell = try request(unit: "CB-3")
        #expect(cell == ["CB-3": "CB-3"])
        #expect(QuotaReport.factsRequest(year: 2026, today: Self.today).countedUnder == nil, "a request without a scope counts every unit")
    }

    @Test("Quota and period reports from the files counted under their reporting units equal those from every file, nested or not")
    func reportsStayTheSame() throws {
        for nested in [false, true] {
            let (organisation, facts) = Self.organisation(nested: nested)
            for unit in [nil, "QU-3", "DU-XH", "DB-XH", "DB-P2", "CB-1", "CB-P2-10"] as [String?] {
                let bare = try ReportScope(sources: [.init(label: "x", organisation: organisation, facts: [])], unit: unit, today: Self.today)
                func scope(_ counted: CountedReportFacts) throws -> ReportScope {
                    try ReportScope(sources: [.init(label: "x", organisation: organisation, counted: counted)], unit: unit, today: Self.today)
                }
                let whole = try scope(CountedReportFacts(facts: facts))
                let label = "nested \(nested), unit \(unit ?? "all")"
                for year in [2025, 2026] {
                    let request = QuotaReport.factsRequest(year: year, today: Self.today).counting(in: bare)
                    #expect(!request.countsNewMembersApart)
                    #expect(QuotaReport.make(scope: try scope(Self.counted(facts, request)), year: year) == QuotaReport.make(scope: whole, year: year),
                            "quota \(year), \(label)")
                }
                for span in ReportPeriod.Span.allCases {
                    let period = ReportPeriod(span: span, year: 2026)
                    let request = PeriodReport.factsRequest(period: period, today: Self.today).counting(in: bare)
                    #expect(request.countsNewMembersApart)
                    let byProfile = PeriodReport.make(scope: try scope(Self.counted(facts, request)), period: period)
                    #expect(byProfile == PeriodReport.make(scope: whole, period: period), "period \(span), \(label)")
                    if unit == nil, span == .year { #expect(byProfile.newMembers > 0 && byProfile.meanAge != nil, "not trivially empty") }
                }
            }
        }
    }

    @Test("A file without admission has no profile; a profile keeps the admission, the age and the number of files")
    func profileOfFacts() throws {
        let (_, facts) = Self.organisation(nested: false)
        var admitted = try #require(facts.first { $0.admission != nil })
        admitted.files = 3
        let profile = try #require(NewMemberProfile(admitted))
        #expect(profile.admission == admitted.admission && profile.age == admitted.ageAtAdmission && profile.files == 3)
        #expect(profile.occupation == admitted.occupation && profile.sex == admitted.sex && profile.youthUnionMember == admitted.youthUnionMember)
        #expect(NewMemberProfile(try #require(facts.first { $0.admission == nil })) == nil)
    }
}
