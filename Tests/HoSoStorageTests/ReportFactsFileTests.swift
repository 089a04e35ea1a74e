import Foundation
import HoSoApplication
import HoSoDomain
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// A report on a data directory reads the facts kept in `report-facts.tsv` for the files not saved since,
/// and reads only the files saved since (`Repository.reportFacts()` on a repository opened without files).
/// What it must not change: the figures, whatever happened to the kept file.
@Suite struct ReportFactsFileTests {
    static let today = Fixtures.date("2026-11-23")

    /// The repository a report opens: every file left unread.
    static func withoutFiles(_ directory: String) throws -> Repository {
        try Repository.open(at: directory, readingCasesWhere: { _ in false })
    }

    static func factsOfEveryFile(_ directory: String) throws -> [ReportFacts] {
        try Repository.open(at: directory).cases.map(ReportFacts.init)
    }

    static func keptPath(_ directory: String) -> String { directory + "/" + ReportFactsFile.fileName }

    /// Without a kept file, a few files are read one by one, many by reading the store whole.
    @Test(arguments: [60, Repository.unreadFilesWorthReadingAlone + 40])
    func aReportWithoutFilesGivesTheFactsOfEveryFileAndKeepsThem(cases: Int) throws {
        let (temporary, _, files) = try DeferredPartsTests.demoStore(cases: cases)
        defer { temporary.remove() }
        #expect(!FileManager.default.fileExists(atPath: Self.keptPath(temporary.store)))

        let facts = try Self.withoutFiles(temporary.store).reportFacts()
        #expect(facts == files.map(ReportFacts.init))
        let kept = try #require(ReportFactsFile.read(in: temporary.store))
        #expect(kept.lines.map(\.facts) == facts)
        #expect(kept.lines.map(\.id) == files.map { StoredItem.id($0.id) })
    }

    /// The quota and period reports ask for what they count; a directory answers with every file's facts,
    /// kept or read, as for any report.
    @Test func aReportThatSaysWhatItCountsGetsEveryFilesFactsFromADirectory() throws {
        let (temporary, _, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let request = QuotaReport.factsRequest(year: 2026, today: Self.today)
        #expect(try Self.withoutFiles(temporary.store).reportFacts(for: request).facts == files.map(ReportFacts.init))
        #expect(try Self.withoutFiles(temporary.store).reportFacts(for: request).facts == files.map(ReportFacts.init), "from the kept file")
    }

    @Test func filesSavedAddedSinceAreReadAgainAndTheRestComeFromTheKeptFile() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        _ = try Self.withoutFiles(temporary.store).reportFacts()

        // A kept line edited so that only reading it gives its figures (the hash made anew, as a writer would).
        let untouched = try #require(files.last)
        try Self.rewriteKept(temporary.store) { line in
            guard line.id == StoredItem.id(untouched.id) else { return line }
            var facts = line.facts
            facts.occupation = "Nghề ghi sẵn"
            return ReportFactsFile.Line(id: line.id, revision: line.revision, facts: facts)
        }
        // Saved since: a note, a new name, a new file.
        let service = CaseService(repository: created)
        let noted = try #require(files.first { !$0.state.isTerminal })
        try service.edit(.addNote(text: "Nhận xét."), on: noted.id, date: Self.today, actor: "Thư ký")
        var renamed = try #require(files.first { !$0.state.isTerminal && $0.id != noted.id })
        renamed.person.occupation = "Kỹ sư mới"
        try created.save(renamed, expectedRevision: created.revision(of: renamed.id), actor: "Thư ký", summary: "Sửa nghề nghiệp")
        var person = untouched.person
        person.fullName = "Người Mới Thêm"
        let added = try service.addCase(person: person, unit: untouched.unitID, source: .youthUnion, date: Self.today, actor: "Thư ký")

        let facts = try Self.withoutFiles(temporary.store).reportFacts()
        let truth = try Self.factsOfEveryFile(temporary.store)
        #expect(facts.map(\.caseID) == truth.map(\.caseID))
        #expect(facts.first { $0.caseID == renamed.id }?.occupation == "Kỹ sư mới")
        #expect(facts.first { $0.caseID == added.id } == truth.first { $0.caseID == added.id })
        #expect(facts.first { $0.caseID == noted.id } == truth.first { $0.caseID == noted.id })
        // The unsaved file's figures came from the kept line, not from the file.
        #expect(facts.first { $0.caseID == untouched.id }?.occupation == "Nghề ghi sẵn")
        #expect(facts.filter { $0.caseID != untouched.id } == truth.filter { $0.caseID != untouched.id })
        // Kept again with the files read now.
        #expect(try #require(ReportFactsFile.read(in: temporary.store)).lines.count == files.count + 1)
    }

    @Test func checkFindsAKeptLineThatDisagreesWithItsFileAndWritesTheFileAnew() throws {
        let (temporary, _, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        _ = try Self.withoutFiles(temporary.store).reportFacts()
        let edited = try #require(files.first)
        try Self.rewriteKept(temporary.store) { line in
            guard line.id == StoredItem.id(edited.id) else { return line }
            var facts = line.facts
            facts.state = .official
            return ReportFactsFile.Line(id: line.id, revision: line.revision, facts: facts)
        }

        let report = try Repository.open(at: temporary.store).check()
        let note = try #require(report.notes.first { $0.contains(ReportFactsFile.fileName) })
        #expect(note.contains("số liệu giữ sẵn của 1 hồ sơ (\(edited.id.rawValue)) khác với chính hồ sơ"))
        #expect(note.contains("HoSo đã ghi lại tệp"))
        #expect(report.errors.isEmpty)
        // Written anew: the next report and the next check agree with the files.
        #expect(try Self.withoutFiles(temporary.store).reportFacts() == files.map(ReportFacts.init))
        #expect(try Repository.open(at: temporary.store).check().notes.allSatisfy { !$0.contains(ReportFactsFile.fileName) })
    }

    @Test(arguments: ["cut short", "hash", "another format"])
    func aKeptFileThatCannotBeUsedIsNotUsed(damage: String) throws {
        let (temporary, _, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        _ = try Self.withoutFiles(temporary.store).reportFacts()
        let path = Self.keptPath(temporary.store)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        switch damage {
        case "cut short": text = String(text.prefix(text.count / 2))
        case "hash": text = text.replacingOccurrences(of: edgeOccupation(files), with: "Nghề bị sửa")
        default: text = text.replacingOccurrences(of: "\tF1\t", with: "\tF9\t")
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ReportFactsFile.read(in: temporary.store) == nil)

        #expect(try Self.withoutFiles(temporary.store).reportFacts() == files.map(ReportFacts.init))
        #expect(try Repository.open(at: temporary.store).check().notes.contains { $0.contains("không đọc được") } == false,
                "a report wrote it anew before the check")
    }

    @Test func checkSaysWhenTheKeptFileCannotBeRead() throws {
        let (temporary, _, _) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        try "hoso-report-facts 1 0\n".write(toFile: Self.keptPath(temporary.store), atomically: true, encoding: .utf8)
        let report = try Repository.open(at: temporary.store).check()
        #expect(report.notes.contains { $0.contains(ReportFactsFile.fileName) && $0.contains("không đọc được") })
        #expect(ReportFactsFile.read(in: temporary.store) != nil)
    }

    /// A damaged store replaced by a backup reuses the revision numbers of the history it replaces: the
    /// facts kept for that history go with it, and a file kept further on than the store is not used.
    @Test func factsOfAHistoryReplacedByABackupAreNotUsed() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        let backup = try created.backup()
        let changed = try #require(files.first { !$0.state.isTerminal })
        let units = Array(Set(files.map(\.unitID))).sorted { $0.rawValue < $1.rawValue }
        let (oldUnit, newUnit) = (try #require(units.first { $0 != changed.unitID }), try #require(units.last { $0 != changed.unitID }))
        #expect(oldUnit != newUnit)
        /// A change the facts show but a read without files does not read the file for (its unit).
        func move(_ id: CaseID, to unit: UnitID, in repository: Repository) throws {
            var file = try #require(repository.caseFile(id))
            file.unitID = unit
            try repository.save(file, expectedRevision: repository.revision(of: id), actor: "Thư ký", summary: "Chuyển chi bộ")
        }
        // The old history: two saves after the backup, then a report keeps its facts.
        try move(changed.id, to: oldUnit, in: created)
        try move(try #require(files.last { $0.id != changed.id }).id, to: oldUnit, in: created)
        _ = try Self.withoutFiles(temporary.store).reportFacts()
        let keptBefore = try #require(ReportFactsFile.read(in: temporary.store))

        try Data("hỏng".utf8).write(to: URL(fileURLWithPath: temporary.store + "/snapshot.json"))
        #expect(try Repository.restore(at: temporary.store, fromBackup: backup.name, actor: "Thư ký") != .replayed)
        #expect(!FileManager.default.fileExists(atPath: Self.keptPath(temporary.store)))

        // The new history: one save gives the file the revision number it had in the old one.
        let restored = try Repository.open(at: temporary.store)
        try move(changed.id, to: newUnit, in: restored)
        // The old facts put back by hand: written further on than the store is now, they are not used.
        try Data(ReportFactsFile.encode(keptBefore.lines, seq: keptBefore.seq)).write(to: URL(fileURLWithPath: Self.keptPath(temporary.store)))
        let facts = try Self.withoutFiles(temporary.store).reportFacts()
        #expect(facts.first { $0.caseID == changed.id }?.unitID == newUnit)
        #expect(facts == (try Self.factsOfEveryFile(temporary.store)))
    }

    /// The terminal application draws its first frame from the kept facts, and only when they come cheaply:
    /// never by reading the store whole (it reads the files behind that frame anyway).
    @Test func theFactsWithoutReadingFilesComeOnlyFromTheKeptFileAndAFewFilesSavedSince() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        #expect(try created.factsWithoutReadingFiles() == nil, "a repository that read its files has no use for them")
        // Nothing kept: a few files are read one by one (and their facts kept), as for a report.
        #expect(try Self.withoutFiles(temporary.store).factsWithoutReadingFiles() == files.map(ReportFacts.init))
        #expect(FileManager.default.fileExists(atPath: Self.keptPath(temporary.store)))
        #expect(try Self.withoutFiles(temporary.store).factsWithoutReadingFiles() == files.map(ReportFacts.init), "from the kept file")

        // One file saved since: read alone, its new facts given.
        var moved = try #require(files.first { !$0.state.isTerminal })
        moved.person.occupation = "Kỹ sư mới"
        try created.save(moved, expectedRevision: created.revision(of: moved.id), actor: "Thư ký", summary: "Sửa nghề nghiệp")
        let facts = try #require(try Self.withoutFiles(temporary.store).factsWithoutReadingFiles())
        #expect(facts.first { $0.caseID == moved.id }?.occupation == "Kỹ sư mới")
        #expect(facts == (try Self.factsOfEveryFile(temporary.store)))
    }

    /// The first frame does not wait for the kept file to be written again (every line of it, 0.4 s at
    /// 100,000 files): it takes the facts of a file saved since and leaves the file to the read behind it.
    @Test func theFirstFrameTakesTheFactsOfAFileSavedSinceWithoutWritingTheKeptFile() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        created.keepReportFacts()
        var moved = try #require(files.first { !$0.state.isTerminal })
        moved.person.occupation = "Kỹ sư mới"
        try created.save(moved, expectedRevision: created.revision(of: moved.id), actor: "Thư ký", summary: "Sửa nghề nghiệp")
        let keptBefore = try Data(contentsOf: URL(fileURLWithPath: Self.keptPath(temporary.store)))
        let facts = try #require(try Self.withoutFiles(temporary.store).factsWithoutReadingFiles(keeping: false))
        #expect(facts.first { $0.caseID == moved.id }?.occupation == "Kỹ sư mới")
        #expect(facts == (try Self.factsOfEveryFile(temporary.store)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: Self.keptPath(temporary.store))) == keptBefore, "written again")
        // A report keeps them (the default).
        _ = try Self.withoutFiles(temporary.store).factsWithoutReadingFiles()
        #expect(try Data(contentsOf: URL(fileURLWithPath: Self.keptPath(temporary.store))) != keptBefore)
    }

    /// 256 files, or a hundredth of a large store (a file read alone costs what a whole read spends on 20).
    @Test func theFilesWorthReadingAloneGrowWithTheStore() {
        #expect(Repository.unreadFilesWorthReadingAlone(among: 1_000) == 256)
        #expect(Repository.unreadFilesWorthReadingAlone(among: 25_600) == 256)
        #expect(Repository.unreadFilesWorthReadingAlone(among: 100_000) == 1_000)
    }

    @Test func tooManyFilesToReadGiveNoFactsWithoutReadingFiles() throws {
        let (temporary, _, _) = try DeferredPartsTests.demoStore(cases: Repository.unreadFilesWorthReadingAlone + 40)
        defer { temporary.remove() }
        #expect(try Self.withoutFiles(temporary.store).factsWithoutReadingFiles() == nil)
        #expect(!FileManager.default.fileExists(atPath: Self.keptPath(temporary.store)), "nothing read to keep them")
    }

    @Test func tooManyFilesSavedSinceTheFactsWereKeptGiveNoFactsWithoutReadingFiles() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore(cases: Repository.unreadFilesWorthReadingAlone + 40)
        defer { temporary.remove() }
        created.keepReportFacts()
        let changed = files.prefix(Repository.unreadFilesWorthReadingAlone + 1).map { file in
            var file = file
            file.person.occupation = "Nghề mới"
            return (file: file, expectedRevision: created.revision(of: file.id))
        }
        try created.save(changed, actor: "Thư ký", summary: "Sửa nghề nghiệp")
        // In the snapshot, the files are left unread by an open without files (a journal line of whole
        // files is read on the way).
        try created.compact()
        #expect(try Self.withoutFiles(temporary.store).factsWithoutReadingFiles() == nil)
    }

    /// Kept when the store moved on since they were written; left alone (not written again) when not.
    @Test func keepingTheFactsWritesOnlyWhenTheStoreMovedOn() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        created.keepReportFacts()
        let path = Self.keptPath(temporary.store)
        let first = try #require(ReportFactsFile.read(in: temporary.store))
        #expect(first.lines.map(\.facts) == files.map(ReportFacts.init))
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
        created.keepReportFacts()
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode, "not written again")

        var noted = try #require(files.first { !$0.state.isTerminal })
        noted.person.occupation = "Kỹ sư mới"
        try created.save(noted, expectedRevision: created.revision(of: noted.id), actor: "Thư ký", summary: "Sửa nghề nghiệp")
        created.keepReportFacts()
        let second = try #require(ReportFactsFile.read(in: temporary.store))
        #expect(second.seq > first.seq)
        #expect(second.lines.map(\.facts) == (try Self.factsOfEveryFile(temporary.store)))
        #expect(ReportFactsFile.sequence(in: temporary.store) == second.seq)

        // A repository opened without its files keeps nothing: it has not the files to make them from.
        try? FileManager.default.removeItem(atPath: path)
        try Self.withoutFiles(temporary.store).keepReportFacts()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// `case list` looks the lines of its files up by id, without parsing the others: it must find exactly
    /// the lines a whole parse finds, the first and the last included, and none for an id not kept.
    @Test func linesLookedUpByIdAreTheLinesOfTheWholeFile() throws {
        let (temporary, created, files) = try DeferredPartsTests.demoStore()
        defer { temporary.remove() }
        created.keepReportFacts()
        let whole = try #require(ReportFactsFile.read(in: temporary.store))
        let ids = whole.lines.map(\.id)
        let all = try #require(ReportFactsFile.read(in: temporary.store, only: ids))
        #expect(all.lines == whole.lines && all.seq == whole.seq)
        let some = [ids[ids.count - 1], "case/HS-0000", ids[0], ids[ids.count / 2], "case/ZZ-9999", "case/HS-00015"]
        let found = try #require(ReportFactsFile.read(in: temporary.store, only: some))
        #expect(found.lines.map(\.id) == [ids[ids.count - 1], ids[0], ids[ids.count / 2]])
        #expect(found.lines.map(\.facts) == [files.last, files.first, files[files.count / 2]].map { ReportFacts($0!) })
        // A damaged file gives nothing to look up.
        let path = Self.keptPath(temporary.store)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\tF1\t", with: "\tF2\t").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ReportFactsFile.read(in: temporary.store, only: ids) == nil)
    }

    /// An occupation some file has, to damage a line without recomputing the hash.
    private func edgeOccupation(_ files: [CaseFile]) -> String {
        files.map(\.person.occupation).first { !$0.isEmpty } ?? "Giáo viên"
    }

    /// Rewrites the kept file with `change` applied to each line, hashed anew (what a writer of the format does).
    static func rewriteKept(_ directory: String, _ change: (ReportFactsFile.Line) -> ReportFactsFile.Line) throws {
        let kept = try #require(ReportFactsFile.read(in: directory))
        let bytes = ReportFactsFile.encode(kept.lines.map(change), seq: kept.seq)
        try Data(bytes).write(to: URL(fileURLWithPath: keptPath(directory)))
    }
}
