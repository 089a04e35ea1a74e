#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoStorage
import HoSoTestSupport
import Testing

/// Files the store cannot trust are named in the error and nothing is written.
@Suite struct BadFileTests {
    /// A store with records in its snapshot and three lines in its current journal segment.
    static func makeStore(_ temporary: TemporaryDirectory) throws -> [String: TestValue] {
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try store.commit([change("a", nil, "a1"), change("b", nil, "b1")], actor: "An")
        try store.compact()
        try store.commit([change("a", 1, "a2")], actor: "An")
        try store.commit([change("b", 1, "b2")], actor: "An")
        try store.commit([change("c", nil, "c1")], actor: "An")
        return values(store)
    }

    static func currentSegment(_ temporary: TemporaryDirectory) -> String {
        temporary.store + "/journal/000002.jsonl"
    }

    /// Opens the damaged store, expecting `expected`, and proves no file was touched.
    static func expectRefusal(_ temporary: TemporaryDirectory, sourceLocation: SourceLocation = #_sourceLocation, _ expected: (StoreError) -> Bool) -> StoreError? {
        let before = fileFingerprints(temporary.store)
        let error = expectStoreError({ () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }, sourceLocation: sourceLocation)
        if let error {
            #expect(expected(error), "\(error)", sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
            // The random temporary path may contain "a2" or "b1" itself.
            let message = error.message.replacingOccurrences(of: temporary.path, with: "")
            #expect(!message.contains("a2") && !message.contains("b1"), "no record contents in messages", sourceLocation: sourceLocation)
        }
        #expect(fileFingerprints(temporary.store) == before, "nothing written", sourceLocation: sourceLocation)
        return error
    }

    static func editSnapshot(_ temporary: TemporaryDirectory, _ edit: (String) -> String) {
        let path = temporary.store + "/snapshot.json"
        writeFile(path, Array(edit(String(decoding: readFile(path), as: UTF8.self)).utf8))
    }

    @Test func truncatedSnapshot() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        let path = temporary.store + "/snapshot.json"
        writeFile(path, Array(readFile(path).prefix(200)))
        let error = Self.expectRefusal(temporary) { if case .corruptFile(let file, nil, _) = $0 { file.hasSuffix("snapshot.json") } else { false } }
        #expect(error?.message.contains("snapshot.json") == true)
        #expect(error?.message.contains("khôi phục") == true)
    }

    @Test func wrongTypeNamesThePlace() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        Self.editSnapshot(temporary) { $0.replacingOccurrences(of: "\"revision\":1", with: "\"revision\":\"1\"") }
        let error = Self.expectRefusal(temporary) { if case .corruptFile(_, _, let reason) = $0 { reason.contains("records[0].revision") } else { false } }
        #expect(error?.message.contains("sai kiểu dữ liệu") == true)
    }

    @Test func duplicateIds() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        Self.editSnapshot(temporary) { $0.replacingOccurrences(of: "\"id\":\"b\"", with: "\"id\":\"a\"") }
        // Past the records hash (recomputed, as someone who knows the format would), the ids are still checked.
        rehashSnapshotRecords(temporary.store + "/snapshot.json")
        _ = Self.expectRefusal(temporary) { if case .corruptFile(_, _, let reason) = $0 { reason.contains("a bị trùng") } else { false } }
    }

    @Test func newerSchemaVersionIsRefusedBeforeAnythingElse() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        // Also an unknown field a newer program might add: the version gate must come first.
        Self.editSnapshot(temporary) { $0.replacingOccurrences(of: "\"schemaVersion\":1", with: "\"schemaVersion\":7,\"newThing\":[1]") }
        let error = Self.expectRefusal(temporary) { $0 == .newerSchemaVersion(path: temporary.store + "/snapshot.json", found: 7, supported: 1) }
        #expect(error?.message.contains("cập nhật chương trình") == true)
    }

    @Test func symlinkedSnapshot() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        let path = temporary.store + "/snapshot.json"
        #expect(rename(path, temporary.path + "/elsewhere.json") == 0)
        #expect(symlink(temporary.path + "/elsewhere.json", path) == 0)
        _ = Self.expectRefusal(temporary) { $0 == .unsafeFile(path: path, reason: .symbolicLink) }
    }

    @Test func hardLinkedSnapshot() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        let path = temporary.store + "/snapshot.json"
        #expect(link(path, temporary.path + "/copy.json") == 0)
        _ = Self.expectRefusal(temporary) { $0 == .unsafeFile(path: path, reason: .hardLinked(count: 2)) }
    }

    @Test func readableByOthers() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        let path = temporary.store + "/snapshot.json"
        #expect(chmod(path, 0o644) == 0)
        _ = Self.expectRefusal(temporary) { $0 == .insecurePermissions(path: path, permissions: 0o644) }
    }

    @Test func corruptMiddleJournalLineIsNamed() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        _ = try Self.makeStore(temporary)
        let segment = Self.currentSegment(temporary)
        var lines = String(decoding: readFile(segment), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        lines[1] = lines[1].replacingOccurrences(of: "b2", with: "b9")
        writeFile(segment, Array((lines.joined(separator: "\n") + "\n").utf8))
        let error = Self.expectRefusal(temporary) { $0 == .corruptFile(path: segment, line: 2, reason: "nội dung không khớp mã băm (đã bị sửa?)") }
        #expect(error?.message.contains("000002.jsonl, dòng 2") == true)
    }

    @Test func tornLastLineIsIgnoredAndRepairedOnlyByTheNextSave() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let saved = try Self.makeStore(temporary)
        let segment = Self.currentSegment(temporary)
        let complete = readFile(segment)
        // What a crash mid-append leaves: the first part of a line, no newline.
        let lastLine = complete.dropLast().split(separator: UInt8(ascii: "\n")).last ?? []
        writeFile(segment, complete + Array(lastLine.prefix(lastLine.count / 2)))
        let before = fileFingerprints(temporary.store)
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(values(store) == saved, "no complete line was dropped")
        #expect(fileFingerprints(temporary.store) == before, "opening wrote nothing")
        #expect(store.check().map(\.severity) == [.repairable])
        try store.commit([change("d", nil, "d1")], actor: "An")
        #expect(store.check().isEmpty, "the save cut the torn tail off under the lock")
        let reopened = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(reopened.records == store.records)
        #expect(readFile(segment).starts(with: complete))
    }

    @Test func missingStoreIsNamed() {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let error = expectStoreError { () throws(StoreError) in _ = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1) }
        #expect(error == .notAStore(path: temporary.store))
    }
}

/// Editing history is detected: the hash chain breaks where the journal was changed.
@Suite struct HashChainTests {
    @Test func editingAJournalLineIsReportedByCheck() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let store = try TestStore.create(at: temporary.store, schemaVersion: 1)
        try store.commit([change("a", nil, "kết quả thẩm tra: đạt")], actor: "An")
        try store.commit([change("b", nil, "b1")], actor: "An")
        try store.commit([change("c", nil, "c1")], actor: "An")
        try store.compact()   // the lines are now history, never replayed on open
        #expect(store.check().isEmpty)
        let segment = temporary.store + "/journal/000001.jsonl"
        let original = readFile(segment)
        let text = String(decoding: original, as: UTF8.self)

        // A plain edit of the content: the line's own hash no longer matches.
        writeFile(segment, Array(text.replacingOccurrences(of: "đạt", with: "không đạt").utf8))
        let edited = store.check()
        #expect(edited.contains { $0.severity == .error && $0.path == segment && $0.line == 1 }, "\(edited)")

        // A careful forger also recomputes that line's hash: the next line's prevHash gives it away.
        var lines = text.split(separator: "\n").map(String.init)
        let prefix = "{\"entry\":"
        let entry = String(lines[0].dropFirst(prefix.count).dropLast(75)).replacingOccurrences(of: "đạt", with: "không đạt")
        lines[0] = prefix + entry + ",\"hash\":\"" + sha256Hex(Array(entry.utf8)) + "\"}"
        writeFile(segment, Array((lines.joined(separator: "\n") + "\n").utf8))
        let forged = store.check()
        #expect(forged.contains { $0.severity == .error && $0.path == segment && $0.line == 2 && $0.message.contains("chuỗi băm") }, "\(forged)")

        writeFile(segment, original)
        #expect(store.check().isEmpty)
    }

    func sha256Hex(_ bytes: [UInt8]) -> String {
        // Recomputed with the system tool so the test does not share the store's hashing code.
        let path = NSTemporaryDirectory() + "/hoso-hash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        writeFile(path, bytes)
        defer { unlink(path) }
        let output = path + ".out"
        let child = ChildProcessShell.run("sha256sum '\(path)' > '\(output)'")
        defer { unlink(output) }
        #expect(child == 0)
        return String(String(decoding: readFile(output), as: UTF8.self).prefix(64))
    }
}

/// `system(3)`-like helper via posix_spawn of /bin/sh.
enum ChildProcessShell {
    static func run(_ command: String) -> Int32 {
        var pid: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xff
    }
}

/// Under umask 0 (in a child process: umask is process-wide), every directory is 0700 and every file 0600.
@Suite struct ModeTests {
    @Test func modesAreExplicitWhateverTheUmask() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let child = ChildProcess.spawn(["modes", temporary.store], outputPath: temporary.path + "/out")
        #expect(child.wait() == 0, "\(child.reportedLines())")
        #expect(child.reportedLines() == ["ok"])
        var checked = 0
        let enumerator = FileManager.default.enumerator(atPath: temporary.store)
        #expect(permissions(temporary.store) == 0o700)
        while let relative = enumerator?.nextObject() as? String {
            let path = temporary.store + "/" + relative
            var status = stat()
            #expect(lstat(path, &status) == 0)
            let isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
            #expect(permissions(path) == (isDirectory ? 0o700 : 0o600), "\(relative)")
            checked += 1
        }
        #expect(checked >= 8)
        #expect(FileManager.default.fileExists(atPath: temporary.store + "/backups"))
        let store = try TestStore.open(at: temporary.store, supportedSchemaVersion: 1)
        #expect(store.check().isEmpty)
    }
}
