import Foundation
import HoSoDomain
@testable import HoSoPostgres
import HoSoStorage
import HoSoTestSupport
import Testing

/// The demo ward on the server, with a clerk, a viewer and a mentor of the grassroots organisation, and a
/// clerk of the ward's committee above it (every unit), each connecting as their own PostgreSQL role.
struct DemoWardOnServer {
    let cluster: PostgresCluster
    let url: String
    let demo: DemoOrganisation
    let clerk: String
    let viewer: String
    let mentor: String
    let topClerk: String
    static let today = Fixtures.date("2026-11-23")

    /// `units` changes the demo's units before they are stored (to nest reporting units).
    init(cases: Int = 120, units: (inout [HoSoDomain.Unit]) -> Void = { _ in }) throws {
        cluster = try PostgresCluster.shared.get()
        url = try cluster.makeDatabase("reports")
        var generated = DemoOrganisation.generate(caseCount: cases, seed: 7, today: Self.today)
        units(&generated.units)
        demo = generated
        let suffix = String(UUID().uuidString.prefix(6)).lowercased()
        clerk = "thuky_" + suffix
        viewer = "captren_" + suffix
        mentor = "giupdo_" + suffix
        topClerk = "tkphuong_" + suffix
        let mentorMember = try #require(demo.cases.first { !$0.activeMentors.isEmpty }?.activeMentors.first?.memberID)
        // The ward's committee, or the district's when the demo grew into one.
        let top = try #require(demo.units.first { $0.parentID == nil }?.id)
        let people = [
            Account(id: "thuky", fullName: "Thư ký", systemUser: clerk, grants: [RoleGrant(.clerk, in: "DB-XH")]),
            Account(id: "captren", fullName: "Cán bộ cấp trên", systemUser: viewer, grants: [RoleGrant(.viewer, in: "DB-XH")]),
            Account(id: "giupdo", fullName: "Người giúp đỡ", systemUser: mentor, memberID: mentorMember, grants: [RoleGrant(.mentor, in: "DB-XH")]),
            Account(id: "tkphuong", fullName: "Thư ký Đảng ủy phường", systemUser: topClerk, grants: [RoleGrant(.clerk, in: top)]),
        ]
        _ = try ServerRepository.create(
            url: url, units: demo.units, members: demo.members, cases: demo.cases, accounts: people, actor: "Thư ký")
        for role in [clerk, viewer, mentor, topClerk] {
            try cluster.psql(url, "CREATE ROLE \(role) LOGIN; GRANT hoso_users TO \(role)")
        }
    }

    /// Takes a database back to version 6: the scope in generated columns again (each parsing the record), the units'
    /// parents indexed by an expression of the record, the policies, views and indexes on those columns made again,
    /// no room kept on the pages.
    static let withoutUpdatesInPlace = """
        DROP TRIGGER records_scope ON hoso.records; DROP FUNCTION hoso.fill_record_scope(), hoso.record_scope(text);
        ALTER TABLE hoso.records DROP COLUMN parent_id, DROP COLUMN unit_id CASCADE, DROP COLUMN mentors CASCADE, DROP COLUMN login CASCADE,
            RESET (fillfactor), ALTER COLUMN value SET COMPRESSION pglz;
        ALTER TABLE hoso.records
            ADD COLUMN unit_id text GENERATED ALWAYS AS (coalesce((value::jsonb)->'case'->>'unitID', (value::jsonb)->'member'->>'unitID',
                (value::jsonb)->'unit'->>'id')) STORED,
            ADD COLUMN mentors text[] GENERATED ALWAYS AS (hoso.active_mentors(value)) STORED,
            ADD COLUMN login text GENERATED ALWAYS AS ((value::jsonb)->'account'->>'systemUser') STORED;
        \(PostgresSchema.accessRules[7]); \(PostgresSchema.accessRules[8]); \(PostgresSchema.reportFacts[5]);
        \(PostgresSchema.reportFacts[2]); \(PostgresSchema.reportFacts[3]);
        \(PostgresSchema.readIndexes[0]); \(PostgresSchema.readIndexes[1]); \(PostgresSchema.readIndexes[2]);
        \(PostgresSchema.countedFacts[4]); \(PostgresSchema.countedFacts[5]); \(PostgresSchema.countedFacts[6]);
        \(PostgresSchema.countedInScope[0]); \(PostgresSchema.countedInScope[2]);
        """

    /// Takes a database back to version 5: without the command's lock with the head and the commit in one call.
    static let withoutCommitsInOneCall = withoutUpdatesInPlace + """
        DROP FUNCTION hoso.command_lock(bigint); DROP FUNCTION \(PostgresSchema.appendEntrySignature);
        """

    /// Takes a database back to version 4: without the count for a scope, the two indexes of version 5, and
    /// the units' walk of versions 2 to 4.
    static let withoutCountInScope = withoutCommitsInOneCall + """
        DROP FUNCTION hoso.report_count(text[], boolean, boolean, boolean, jsonb); DROP INDEX hoso.records_unit_parents, hoso.records_organisation;
        \(PostgresSchema.reportFacts[1]); ALTER FUNCTION hoso.units_for(text[]) VOLATILE;
        """

    /// Takes a database back to version 3: without the columns, the view and the index a report counts by.
    static let withoutCountedFacts = withoutCountInScope + """
        DROP VIEW hoso.report_counts; DROP FUNCTION hoso.report_units();
        ALTER TABLE hoso.records DROP COLUMN f_state, DROP COLUMN f_admission, DROP COLUMN f_recognition, DROP COLUMN f_removals,
            DROP COLUMN f_striking_off, DROP COLUMN f_person;
        """

    func url(as role: String) -> String {
        url.replacingOccurrences(of: PostgresCluster.superuser + "@", with: role + "@")
    }

    func psql(as role: String, _ sql: String) throws -> String {
        try cluster.psql(url(as: role), sql).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The four reports as JSON-comparable values, from `scope`.
    static func reports(_ scope: ReportScope, _ repository: Repository) -> [String: Data] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let pipeline = PipelineReport.make(scope: scope, rulebook: repository.rulebook, calendar: repository.calendar)
        return [
            "quota": try! encoder.encode(QuotaReport.make(scope: scope, year: 2026)),
            "rate": try! encoder.encode(RateReport.make(scope: scope, period: ReportPeriod(span: .year, year: 2026))),
            "period": try! encoder.encode(PeriodReport.make(scope: scope, period: ReportPeriod(span: .h1, year: 2026))),
            "pipeline": Data(ReportTextRenderer.render(pipeline.countsOnly).utf8),
        ]
    }
}

@Suite("Reports on the server: the files' facts, one query, and a viewer's figures")
struct PostgresReportTests {
    @Test("A viewer, who reads no file, gets the same figures as the clerk of the same unit, and as the files give")
    func viewerGetsTheClerksFigures() throws {
        let ward = try DemoWardOnServer()
        let viewer = try ServerRepository.open(url: ward.url(as: ward.viewer), readingCases: false)
        let clerk = try ServerRepository.open(url: ward.url(as: ward.clerk))
        #expect(try ServerRepository.open(url: ward.url(as: ward.viewer)).cases.isEmpty, "the viewer still reads no file")
        let viewerFacts = try viewer.reportFacts()
        #expect(viewerFacts.count == ward.demo.cases.count)
        #expect(try clerk.reportFacts() == viewerFacts)
        #expect(viewerFacts == clerk.cases.map(ReportFacts.init), "the facts stored are those the files give")
        let byViewer = DemoWardOnServer.reports(
            ReportScope(organisation: viewer.organisation, facts: viewerFacts, today: DemoWardOnServer.today), viewer)
        let fromFiles = DemoWardOnServer.reports(
            ReportScope(organisation: clerk.organisation, cases: clerk.cases, today: DemoWardOnServer.today), clerk)
        for name in ["quota", "rate", "period", "pipeline"] {
            #expect(byViewer[name] == fromFiles[name], "report \(name) differs")
        }
        let period = PeriodReport.make(
            scope: ReportScope(organisation: viewer.organisation, facts: viewerFacts, today: DemoWardOnServer.today),
            period: ReportPeriod(span: .year, year: 2026))
        #expect(period.newMembers > 0, "the demo admits members in 2026: the figures are not trivially empty")
    }

    @Test("psql as a viewer reads no case row, but reads the facts of its units' files, which hold no name; a mentor reads none")
    func psqlAsAViewer() throws {
        let ward = try DemoWardOnServer(cases: 40)
        #expect(try ward.psql(as: ward.viewer, "SELECT count(*) FROM hoso.records WHERE kind = 'case'") == "0")
        #expect(try ward.psql(as: ward.viewer, "SELECT count(*) FROM hoso.report_facts") == "40")
        let facts = try ward.psql(as: ward.viewer, "SELECT string_agg(facts, ' ') FROM hoso.report_facts")
        for file in ward.demo.cases {
            #expect(!facts.contains(file.person.fullName), "facts name \(file.id)")
            #expect(!facts.contains(file.person.citizenID))
        }
        #expect(throws: (any Error).self, "the facts are read through the view only") {
            try ward.psql(as: ward.viewer, "UPDATE hoso.report_facts SET facts = '{}'")
        }
        #expect(try ward.psql(as: ward.mentor, "SELECT count(*) FROM hoso.report_facts") == "0", "a mentor reads no report")
        // The columns a report counts by: the same files, no id, no name.
        #expect(try ward.psql(as: ward.viewer, "SELECT count(*) FROM hoso.report_counts") == "40")
        let counted = try ward.psql(as: ward.viewer, "SELECT string_agg(concat_ws(' ', report_counts.*), ' ') FROM hoso.report_counts")
        for file in ward.demo.cases {
            #expect(!counted.contains(file.person.fullName) && !counted.contains(file.id.rawValue), "counts name \(file.id)")
        }
        #expect(try ward.psql(as: ward.mentor, "SELECT count(*) FROM hoso.report_counts") == "0")
        #expect(throws: (any Error).self, "the counts are read through the view only") {
            try ward.psql(as: ward.viewer, "SELECT count(*) FROM hoso.records WHERE f_state IS NOT NULL AND kind = 'case' HAVING count(*) > 0 AND false; UPDATE hoso.report_counts SET f_state = 'x'")
        }
        #expect(try ward.psql(as: ward.clerk, "SELECT count(*) FROM hoso.report_facts") == "40")
        // The count for a scope (version 5): the same files, counted; none for a mentor, whatever scope they name.
        let everyUnit = "'{" + ward.demo.units.map { "\"\($0.id.rawValue)\": \"X\"" }.joined(separator: ", ") + "}'"
        for scope in ["NULL", everyUnit] {
            let sum = "SELECT coalesce(sum(files), 0) FROM hoso.report_count('{2026-01-01}', true, true, false, \(scope)) WHERE NOT profile"
            #expect(try ward.psql(as: ward.viewer, sum) == "40", "\(scope.prefix(20))")
            #expect(try ward.psql(as: ward.mentor, sum) == "0", "a mentor counts no file")
        }
        #expect(try ward.psql(as: ward.viewer, "SELECT DISTINCT unit FROM hoso.report_count('{2026-01-01}', false, false, false, \(everyUnit)) WHERE NOT profile") == "X",
                "each file under the unit the scope names")
    }

    @Test("A viewer's own function in the query sees only the facts the view gives (security barrier)")
    func noLeakThroughTheViewersOwnFunction() throws {
        let ward = try DemoWardOnServer(cases: 40)
        let role = "captren_cb1_" + String(UUID().uuidString.prefix(6)).lowercased()
        let owner = try ServerRepository.open(url: ward.url)
        try owner.save(
            account: Account(id: "captren.cb1", fullName: "Cấp trên chi bộ 1", systemUser: role, grants: [RoleGrant(.viewer, in: "CB-1")]),
            expectedRevision: nil, actor: "Thư ký", summary: "Thêm người dùng")
        try ward.cluster.psql(ward.url, "CREATE ROLE \(role) LOGIN; GRANT hoso_users TO \(role)")
        let own = ward.demo.cases.filter { $0.unitID == "CB-1" }.count
        #expect(own > 0 && own < 40)
        // A cheap function that shows every value it is given: without the barrier the planner may run it on
        // every row of the table before the view's own condition.
        let sql = """
            CREATE FUNCTION pg_temp.leak(text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE COST 0.0000001
            AS $$ BEGIN RAISE NOTICE 'leak %', $1; RETURN true; END $$;
            """
        // The facts, and the columns a report counts by (the state of each file, which a viewer must not see beyond their units).
        // And the count for a scope naming every unit: only the viewer's unit's files are counted, each once.
        let everyUnit = "'{" + ward.demo.units.map { "\"\($0.id.rawValue)\": \"\($0.id.rawValue)\"" }.joined(separator: ", ") + "}'"
        let counted = try ward.psql(as: role, "SELECT string_agg(DISTINCT unit, ' ') || ' ' || sum(files) FROM hoso.report_count('{2026-01-01}', false, false, false, \(everyUnit)) WHERE NOT profile")
        #expect(counted == "CB-1 \(own)", "\(counted)")
        for query in ["SELECT count(*) FROM hoso.report_facts WHERE pg_temp.leak(id)", "SELECT count(*) FROM hoso.report_counts WHERE pg_temp.leak(f_state)"] {
            let result = try ChildProcess.run(
                [PostgresCluster.binaries + "/psql", ward.url(as: role), "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql + query], mergingStandardError: true)
            #expect(result.status == 0, "\(result.standardOutput)")
            let leaked = result.standardOutput.components(separatedBy: "leak ").count - 1
            #expect(leaked == own, "the function saw \(leaked) rows, the viewer may count \(own): \(query)")
            #expect(result.standardOutput.contains("\n\(own)") || result.standardOutput.hasPrefix("\(own)"))
        }
    }

    @Test("Each report costs one statement on the server, whatever the number of files")
    func oneQueryPerReport() throws {
        let ward = try DemoWardOnServer(cases: 60)
        let repository = try ServerRepository.open(url: ward.url(as: ward.viewer), readingCases: false)
        let store = try #require(repository.store as? PostgresRecordStore<StoredItem>)
        #expect(repository.cases.isEmpty, "opened for a report, no file is read")
        for name in ["quota", "rate", "period", "pipeline"] {
            let before = store.statementsSent
            let scope = ReportScope(organisation: repository.organisation, facts: try repository.reportFacts(), today: DemoWardOnServer.today)
            _ = DemoWardOnServer.reports(scope, repository)[name]
            #expect(store.statementsSent - before == 1, "report \(name)")
        }
    }

    @Test("Quota and period reports counted by the server: the same figures as every file's facts, for a clerk and a viewer, in fewer rows")
    func countedByTheServer() throws {
        let ward = try DemoWardOnServer(cases: 200)
        let clerk = try ServerRepository.open(url: ward.url(as: ward.clerk))
        let viewer = try ServerRepository.open(url: ward.url(as: ward.viewer), readingCases: false)
        let store = try #require(viewer.store as? PostgresRecordStore<StoredItem>)
        func scope(_ repository: Repository, _ facts: [ReportFacts], today: CivilDate, unit: String?) throws -> ReportScope {
            try ReportScope(sources: [.init(label: "x", organisation: repository.organisation, facts: facts)], unit: unit, today: today)
        }
        for today in ["2026-11-23", "2026-06-30", "2026-01-01", "2025-03-15"].map(Fixtures.date) {
            for unit in [nil, "CB-1"] {
                // What a data directory counts: every file's facts.
                let files = clerk.cases.map(ReportFacts.init)
                for year in [2025, 2026, 2027] {
                    let before = store.statementsSent
                    let counted = try viewer.reportFacts(for: QuotaReport.factsRequest(year: year, today: today)).facts
                    #expect(store.statementsSent - before == 1, "one statement")
                    #expect(counted.count < files.count && counted.reduce(0) { $0 + $1.files } == files.count)
                    #expect(QuotaReport.make(scope: try scope(viewer, counted, today: today, unit: unit), year: year)
                            == QuotaReport.make(scope: try scope(clerk, files, today: today, unit: unit), year: year), "quota \(year) on \(today)")
                }
                for span in ReportPeriod.Span.allCases {
                    for year in [2025, 2026] {
                        let period = ReportPeriod(span: span, year: year)
                        let counted = try viewer.reportFacts(for: PeriodReport.factsRequest(period: period, today: today)).facts
                        #expect(counted.reduce(0) { $0 + $1.files } == files.count)
                        let byServer = PeriodReport.make(scope: try scope(viewer, counted, today: today, unit: unit), period: period)
                        #expect(byServer == PeriodReport.make(scope: try scope(clerk, files, today: today, unit: unit), period: period),
                                "period \(span) \(year) on \(today), unit \(unit ?? "all")")
                    }
                }
            }
        }
        let period = PeriodReport.make(
            scope: try scope(viewer, try viewer.reportFacts(for: PeriodReport.factsRequest(period: ReportPeriod(span: .year, year: 2026), today: DemoWardOnServer.today)).facts,
                             today: DemoWardOnServer.today, unit: nil),
            period: ReportPeriod(span: .year, year: 2026))
        #expect(period.newMembers > 0 && period.movements.allSatisfy { $0.current != nil }, "the figures are not trivially empty")
        #expect(try ServerRepository.open(url: ward.url(as: ward.mentor), readingCases: false)
            .reportFacts(for: QuotaReport.factsRequest(year: 2026, today: DemoWardOnServer.today)).facts.isEmpty, "a mentor counts no file")
    }

    @Test("Counted for a report's scope: each file under its reporting unit, new members apart; the figures of every file's facts, nested units included")
    func countedForTheScope() throws {
        for nested in [false, true] {
            // A district: two grassroots organisations; nested, the second under the first and one of its cells
            // under the district committee (under no reporting unit).
            let ward = try DemoWardOnServer(cases: 600) { units in
                guard nested else { return }
                for index in units.indices {
                    if units[index].id == "DB-P2" { units[index].parentID = "DB-XH" }
                    if units[index].id == "CB-P2-2" { units[index].parentID = "QU-3" }
                }
            }
            let owner = try ServerRepository.open(url: ward.url(as: ward.topClerk))
            let counter = try ServerRepository.open(url: ward.url(as: ward.topClerk), readingCases: false)
            let store = try #require(counter.store as? PostgresRecordStore<StoredItem>)
            let files = owner.cases.map(ReportFacts.init)
            for today in ["2026-11-23", "2026-05-15"].map(Fixtures.date) {
                for unit in [nil, "QU-3", "DB-XH", "DB-P2", "CB-1", "CB-P2-2"] as [String?] {
                    func scope(_ counted: CountedReportFacts) throws -> ReportScope {
                        try ReportScope(sources: [.init(label: "x", organisation: owner.organisation, counted: counted)], unit: unit, today: today)
                    }
                    let bare = try scope(CountedReportFacts(facts: []))
                    let whole = try scope(CountedReportFacts(facts: files))
                    let label = "nested \(nested), unit \(unit ?? "all") on \(today)"
                    let inScope = files.filter { bare.unitIDs.contains($0.unitID) }
                    for year in [2025, 2026] {
                        let before = store.statementsSent
                        let counted = try counter.reportFacts(for: QuotaReport.factsRequest(year: year, today: today).counting(in: bare))
                        #expect(store.statementsSent - before == 1, "one statement")
                        #expect(counted.newMembers == nil && counted.facts.reduce(0) { $0 + $1.files } == inScope.count, "\(label)")
                        #expect(QuotaReport.make(scope: try scope(counted), year: year) == QuotaReport.make(scope: whole, year: year), "quota \(year), \(label)")
                    }
                    for span in ReportPeriod.Span.allCases {
                        let period = ReportPeriod(span: span, year: 2026)
                        let before = store.statementsSent
                        let counted = try counter.reportFacts(for: PeriodReport.factsRequest(period: period, today: today).counting(in: bare))
                        #expect(store.statementsSent - before == 1, "one statement")
                        let newMembers = try #require(counted.newMembers, "new members counted apart")
                        #expect(counted.facts.reduce(0) { $0 + $1.files } == inScope.count, "\(label)")
                        #expect(newMembers.reduce(0) { $0 + $1.files } == 7 * inScope.filter { $0.admission != nil }.count, "every new member by each of 7 fields")
                        #expect(newMembers.allSatisfy { [$0.age == nil, $0.sex == nil, $0.education == nil, $0.occupation == nil, $0.ethnicity == nil,
                                                         $0.religion == nil, $0.youthUnionMember == nil].filter { !$0 }.count == 1 }, "one field each")
                        #expect(counted.facts.allSatisfy { $0.ageAtAdmission == nil && $0.occupation.isEmpty }, "the files' rows carry no person")
                        let byServer = PeriodReport.make(scope: try scope(counted), period: period)
                        #expect(byServer == PeriodReport.make(scope: whole, period: period), "period \(span), \(label)")
                        if unit == nil, span == .year, today.month == 11 { #expect(byServer.newMembers > 0, "not trivially empty") }
                    }
                }
            }
            // Counted under 2 grassroots organisations (3 units under none when nested), not under 12 cells.
            let everything = try ReportScope(sources: [.init(label: "x", organisation: owner.organisation, facts: [])], unit: nil, today: DemoWardOnServer.today)
            let counted = try counter.reportFacts(for: QuotaReport.factsRequest(year: 2026, today: DemoWardOnServer.today).counting(in: everything))
            #expect(Set(counted.facts.map(\.unitID)) == (nested ? ["DB-XH", "DB-P2", "CB-P2-2"] : ["DB-XH", "DB-P2"]))
        }
    }

    @Test("A report's scope goes to the server as a JSON object that keeps every unit id as it is")
    func scopeAsJSON() throws {
        let odd: [UnitID: UnitID] = ["CB \"1\"": "DB\\X", "tab\there": "ĐB-Ẩ", "CB-2": "CB-2"]
        let text = PostgresRecordStore<StoredItem>.jsonObject(odd)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(parsed == ["CB \"1\"": "DB\\X", "tab\there": "ĐB-Ẩ", "CB-2": "CB-2"], "\(text)")
    }

    @Test("A date is sent as the first day of its span: the day before the first bound, each bound, and nothing past the last")
    func spansOfARequest() throws {
        let request = ReportFactsRequest(
            spans: [(Fixtures.date("2026-01-01"), Fixtures.date("2026-06-30")), (Fixtures.date("2025-01-01"), Fixtures.date("2025-06-30"))],
            readsEveryEvent: false, readsPeople: false)
        #expect(request.dayBoundaries.map(\.iso) == ["2025-01-01", "2025-07-01", "2026-01-01", "2026-07-01"])
        #expect(request.day(ofSpan: 0)?.iso == "2024-12-31")
        #expect(request.day(ofSpan: 1)?.iso == "2025-01-01")
        #expect(request.day(ofSpan: 4)?.iso == "2026-07-01")
        #expect(request.day(ofSpan: 5) == nil)
        let row: [String?] = ["CB-1", "official", "3", nil, nil, nil, "31\tfemale\tupperSecondary\tGiáo viên\tKinh\tKhông\t1", "4"]
        let facts = try #require(ReportFacts(countedRow: row, request: request))
        #expect(facts.files == 4 && facts.admission?.iso == "2026-01-01" && facts.recognition == nil && facts.ageAtAdmission == 31)
        #expect(facts.sex == .female && facts.occupation == "Giáo viên" && facts.youthUnionMember)
        #expect(ReportFacts(countedRow: ["CB-1", "official", "9", nil, nil, nil, nil, "1"], request: request) == nil, "a span that is not there")
        #expect(ReportFacts(countedRow: ["CB-1", "noSuchState", nil, nil, nil, nil, nil, "1"], request: request) == nil)
        // Removals come as their spans, each once.
        let removed = try #require(ReportFacts(countedRow: ["CB-1", "removed", nil, nil, "1,3", nil, nil, "2"], request: request))
        #expect(removed.removals.map(\.iso) == ["2025-01-01", "2026-01-01"] && removed.files == 2)
        #expect(ReportFacts(countedRow: ["CB-1", "removed", nil, nil, "2025-03-01", nil, nil, "2"], request: request) == nil, "a date, not a span")
        // New members counted apart: no unit, no state, one field of the person (its position and value).
        func told(_ field: String?, _ value: String?) -> [String?] { [nil, nil, "3", nil, nil, nil, nil, "5", field, value] }
        #expect(NewMemberProfile(countedRow: told("1", "31"), request: request) == NewMemberProfile(admission: Fixtures.date("2026-01-01"), age: 31, files: 5))
        #expect(NewMemberProfile(countedRow: told("4", "Gi\\táo viên"), request: request)?.occupation == "Gi\táo viên", "unescaped")
        #expect(NewMemberProfile(countedRow: told("7", "1"), request: request)?.youthUnionMember == true)
        #expect(NewMemberProfile(countedRow: told("2", "female"), request: request)?.sex == .female)
        #expect(NewMemberProfile(countedRow: told("3", "university"), request: request)?.education == .university)
        #expect(NewMemberProfile(countedRow: told(nil, nil), request: request) == nil, "no field told")
        #expect(NewMemberProfile(countedRow: told("2", "other"), request: request) == nil)
        #expect(NewMemberProfile(countedRow: told("8", "1"), request: request) == nil, "no eighth field")
        #expect(ReportFacts(countedRow: told("1", "31"), request: request) == nil, "a row of new members is no file")
    }

    @Test("A commit writes the file's facts with it and their hash into the journal's chain; a psql edit of the facts is found by check")
    func factsFollowEveryCommit() throws {
        let ward = try DemoWardOnServer(cases: 20)
        let repository = try ServerRepository.open(url: ward.url(as: ward.clerk))
        var file = try #require(repository.cases.first { $0.state == .nominated || $0.state.isCandidate })
        let revision = try #require(repository.revision(of: file.id))
        file.person.occupation = "Kỹ sư phần mềm"
        try repository.save(file, expectedRevision: revision, actor: "Thư ký", summary: "Sửa nghề nghiệp")
        let stored = try #require(try repository.reportFacts().first { $0.caseID == file.id })
        #expect(stored.occupation == "Kỹ sư phần mềm")
        #expect(stored == ReportFacts(try #require(repository.caseFile(file.id))))
        #expect(repository.check().errors.isEmpty, "\(repository.check().errors)")
        // The save's journal entry names the hash of exactly the facts the server holds.
        let id = "case/\(file.id.rawValue)"
        let factsHash = try ward.cluster.psql(ward.url, "SELECT encode(sha256(convert_to(facts, 'UTF8')), 'hex') FROM hoso.records WHERE id = '\(id)'")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(factsHash.count == 64)
        let entry = try ward.cluster.psql(ward.url, "SELECT entry FROM hoso.journal ORDER BY seq DESC LIMIT 1")
        #expect(entry.contains("\"factsHash\":\"\(factsHash)\",\"id\":\"\(id)\""), "\(entry)")
        try ward.cluster.psql(ward.url, "UPDATE hoso.records SET facts = replace(facts, 'Kỹ sư phần mềm', 'Nông dân') WHERE id = '\(id)'")
        let problems = try ServerRepository.open(url: ward.url).check().errors
        #expect(problems.contains { $0.contains("Số liệu báo cáo của bản ghi \(id) (cột facts) khác với nhật ký (đã bị sửa ngoài HoSo)") },
                "\(problems)")
        // Facts removed are found the same way.
        try ward.cluster.psql(ward.url, "UPDATE hoso.records SET facts = NULL WHERE id = '\(id)'")
        #expect(try ServerRepository.open(url: ward.url).check().errors.contains { $0.contains("bản ghi \(id) (cột facts) khác với nhật ký") })
    }

    @Test("A database of version 1 (no facts) migrates on open: every file gets its facts, and check stays clean")
    func versionOneMigrates() throws {
        let ward = try DemoWardOnServer(cases: 30)
        try ward.cluster.psql(
            ward.url,
            """
            \(DemoWardOnServer.withoutCountedFacts)
            DROP VIEW hoso.report_facts; ALTER TABLE hoso.records DROP COLUMN facts; DROP INDEX hoso.records_accounts, hoso.records_units;
            DROP POLICY hoso_backups ON hoso.backups; DROP FUNCTION hoso.is_clerk_of_everything();
            CREATE POLICY hoso_backups ON hoso.backups USING ((SELECT hoso.is_clerk())) WITH CHECK ((SELECT hoso.is_clerk()));
            UPDATE hoso.meta SET value = '1' WHERE key = 'schemaVersion'
            """)
        #expect(try ward.cluster.psql(ward.url, "SELECT count(*) FROM hoso.records WHERE kind = 'case'").hasPrefix("30"))
        do {
            _ = try ServerRepository.open(url: ward.url(as: ward.clerk))
            Issue.record("a role that does not own the tables upgraded them")
        } catch {
            #expect(error.message.contains("chỉ người sở hữu các bảng (vai trò đã chạy hoso init hoặc hoso migrate) nâng cấp được"),
                    "\(error.message)")
        }
        _ = try ServerRepository.open(url: ward.url)
        #expect(try ward.cluster.psql(ward.url, "SELECT value FROM hoso.meta WHERE key = 'schemaVersion'").hasPrefix("\(PostgresSchema.version)"))
        let repository = try ServerRepository.open(url: ward.url(as: ward.clerk))
        #expect(try repository.reportFacts() == repository.cases.map(ReportFacts.init))
        #expect(repository.check().errors.isEmpty, "\(repository.check().errors)")
        #expect(try ServerRepository.open(url: ward.url(as: ward.viewer), readingCases: false).reportFacts().count == 30)
    }

    @Test("A database of version 2 gets the indexes of version 3 and the counted columns of version 4 on open; its reports and check stay the same")
    func versionTwoMigrates() throws {
        let ward = try DemoWardOnServer(cases: 20)
        let before = try ServerRepository.open(url: ward.url(as: ward.clerk), readingCases: false).reportFacts()
        let request = PeriodReport.factsRequest(period: ReportPeriod(span: .year, year: 2026), today: DemoWardOnServer.today)
        let countedBefore = try ServerRepository.open(url: ward.url(as: ward.clerk), readingCases: false).reportFacts(for: request).facts
        try ward.cluster.psql(
            ward.url,
            """
            \(DemoWardOnServer.withoutCountedFacts)
            DROP INDEX hoso.records_accounts, hoso.records_units, hoso.records_case_facts;
            ALTER FUNCTION hoso.units_for(text[]) STABLE; UPDATE hoso.meta SET value = '2' WHERE key = 'schemaVersion'
            """)
        _ = try ServerRepository.open(url: ward.url)
        let indexes = try ward.cluster.psql(ward.url, "SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'hoso'")
        for index in ["records_accounts", "records_case_facts", "records_units"] { #expect(indexes.contains(index), "\(indexes)") }
        #expect(try ward.cluster.psql(ward.url, "SELECT provolatile FROM pg_proc WHERE proname = 'units_for'").hasPrefix("v"))
        #expect(try ward.cluster.psql(ward.url, "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relid = 'hoso.records'::regclass")
            .hasPrefix("t"), "the rewritten table is vacuumed, so that the count reads its index")
        let repository = try ServerRepository.open(url: ward.url(as: ward.clerk))
        #expect(try repository.reportFacts() == before)
        #expect(before == repository.cases.map(ReportFacts.init))
        #expect(Set(try repository.reportFacts(for: request).facts.map(\.line)) == Set(countedBefore.map(\.line)), "the columns filled for every file")
        #expect(repository.check().errors.isEmpty, "\(repository.check().errors)")
    }

    @Test("A database of version 4 gets versions 5 to 7 on open (by its owner only): the count for a scope, the indexes, the units' walk; the same figures and a clean check")
    func versionFourMigrates() throws {
        let ward = try DemoWardOnServer(cases: 200)
        let today = DemoWardOnServer.today
        func figures(_ role: String) throws -> (quota: QuotaReport, period: PeriodReport) {
            let repository = try ServerRepository.open(url: ward.url(as: role), readingCases: false)
            let bare = try ReportScope(sources: [.init(label: "x", organisation: repository.organisation, facts: [])], unit: nil, today: today)
            func scope(_ request: ReportFactsRequest) throws -> ReportScope {
                try ReportScope(sources: [.init(label: "x", organisation: repository.organisation, counted: try repository.reportFacts(for: request.counting(in: bare)))],
                                unit: nil, today: today)
            }
            let period = ReportPeriod(span: .year, year: 2026)
            return (QuotaReport.make(scope: try scope(QuotaReport.factsRequest(year: 2026, today: today)), year: 2026),
                    PeriodReport.make(scope: try scope(PeriodReport.factsRequest(period: period, today: today)), period: period))
        }
        let before = try figures(ward.viewer)
        #expect(before.period.newMembers > 0, "not trivially empty")
        try ward.cluster.psql(ward.url, DemoWardOnServer.withoutCountInScope + "UPDATE hoso.meta SET value = '4' WHERE key = 'schemaVersion'")
        #expect(try ward.cluster.psql(ward.url, "SELECT to_regprocedure('hoso.report_count(text[], boolean, boolean, boolean, jsonb)') IS NULL").hasPrefix("t"))
        do {
            _ = try ServerRepository.open(url: ward.url(as: ward.clerk))
            Issue.record("a role that does not own the tables upgraded them")
        } catch {
            #expect(error.message.contains("ở định dạng 4, bản HoSo này dùng định dạng \(PostgresSchema.version)"), "\(error.message)")
        }
        _ = try ServerRepository.open(url: ward.url)
        #expect(try ward.cluster.psql(ward.url, "SELECT value FROM hoso.meta WHERE key = 'schemaVersion'").hasPrefix("\(PostgresSchema.version)"))
        let indexes = try ward.cluster.psql(ward.url, "SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'hoso'")
        for index in ["records_organisation", "records_unit_parents"] { #expect(indexes.contains(index), "\(indexes)") }
        #expect(try ward.cluster.psql(ward.url, "SELECT array_to_string(proconfig, ' ') FROM pg_proc WHERE proname = 'units_for'").contains("enable_hashjoin=off"))
        // The organisation and each unit's parent are found through their indexes.
        let plan = try ward.cluster.psql(ward.url, "EXPLAIN SELECT id FROM hoso.records WHERE kind <> 'case'")
        #expect(plan.contains("records_organisation"), "\(plan)")
        let after = try figures(ward.viewer)
        #expect(after.quota == before.quota && after.period == before.period)
        #expect(try figures(ward.clerk).period == before.period, "the clerk of the same unit counts the same")
        let mentor = try ServerRepository.open(url: ward.url(as: ward.mentor), readingCases: false)
        #expect(try mentor.reportFacts(for: QuotaReport.factsRequest(year: 2026, today: today)).facts.isEmpty, "a mentor counts no file")
        let clerk = try ServerRepository.open(url: ward.url(as: ward.clerk))
        #expect(clerk.cases.count == 200, "the clerk still reads the unit's files (row-level security walks the units)")
        #expect(clerk.check().errors.isEmpty, "\(clerk.check().errors)")
        // A newer HoSo's tables are refused by this one, as every version's are.
        try ward.cluster.psql(ward.url, "UPDATE hoso.meta SET value = '\(PostgresSchema.version + 1)' WHERE key = 'schemaVersion'")
        #expect(throws: RepositoryError.self) { try ServerRepository.open(url: ward.url) }
    }

    @Test("A repository opened for a report refuses to save a file it did not read")
    func reportViewSavesNoFile() throws {
        let ward = try DemoWardOnServer(cases: 10)
        let full = try ServerRepository.open(url: ward.url(as: ward.clerk))
        let file = try #require(full.cases.first)
        let partial = try ServerRepository.open(url: ward.url(as: ward.clerk), readingCases: false)
        #expect(throws: RepositoryError.self) {
            try partial.save(file, expectedRevision: 1, actor: "Thư ký", summary: "Thử")
        }
    }
}
