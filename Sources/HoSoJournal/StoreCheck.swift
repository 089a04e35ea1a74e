#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One finding of `check()`.
public struct CheckProblem: Sendable, Equatable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: Sendable, Equatable {
        /// Left by a crash and repaired by the next save under the lock (a torn last line, a stale temp file).
        case repairable
        /// Needs a person: corruption, tampering, unsafe files or modes.
        case error
        /// Nothing to repair or restore, but worth knowing (the history before an offline restore lives in
        /// a `damaged-*` directory).
        case note
    }

    /// How bad it is.
    public let severity: Severity
    /// The file concerned.
    public let path: String
    /// The 1-based line, for journal segments.
    public let line: Int?
    /// What is wrong, in Vietnamese.
    public let message: String

    /// Text for a log or the `check` command.
    public var description: String {
        let label = switch severity {
        case .error: "LỖI"
        case .repairable: "sẽ tự sửa"
        case .note: "ghi chú"
        }
        return "\(label): \(placeAndMessage)"
    }

    /// `path:line: message`, without the severity.
    public var placeAndMessage: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}

extension JournalStore {
    /// Verifies the store in `directory` without opening it, under its lock: for a store that refuses to
    /// open, so that every finding is listed rather than the first refusal alone.
    public static func check(
        inDirectory directory: String, schemaVersion: Int, fileSystem: any FileSystem = .real, options: StoreOptions = .init()
    ) -> [CheckProblem] {
        let layout = StoreLayout(directory: directory)
        let files = DurableFiles(fileSystem: fileSystem)
        do {
            let lock = try StoreLock(directory: directory, files: files, timeout: options.lockTimeout)
            let nothingLoaded = StoreState<Value>(
                records: [:], seq: 0, lastHash: JournalLine.genesisHash, snapshotSeq: 0, snapshotInode: nil, segment: 1)
            let store = JournalStore(layout: layout, schemaVersion: schemaVersion, files: files, lock: lock, state: nothingLoaded, options: options)
            return store.check()
        } catch {
            return [CheckProblem(severity: .error, path: layout.lock, line: nil, message: error.message)]
        }
    }

    /// Verifies the whole store: modes, links, stray temp files, the snapshot, and the hash chain of every
    /// journal segment (history included). Takes the lock (bounded wait) so it never sees a save half-done.
    public func check() -> [CheckProblem] {
        do {
            return try withSaveLock { () throws(StoreError) -> [CheckProblem] in checkLocked() }
        } catch {
            return [CheckProblem(severity: .error, path: layout.lock, line: nil, message: error.message)]
        }
    }

    private func checkLocked() -> [CheckProblem] {
        var problems: [CheckProblem] = []
        func problem(_ severity: CheckProblem.Severity, _ path: String, _ line: Int? = nil, _ message: String) {
            problems.append(CheckProblem(severity: severity, path: path, line: line, message: message))
        }
        let fileSystem = files.fileSystem
        let owner = (try? fileSystem.status(ofPath: layout.directory))?.owner
        for directory in [layout.directory, layout.journalDirectory, layout.backupsDirectory] {
            guard let status = try? fileSystem.status(ofPath: directory) else {
                if directory != layout.backupsDirectory { problem(.error, directory, nil, "thiếu thư mục") }
                continue
            }
            if status.kind != .directory { problem(.error, directory, nil, "không phải thư mục") }
            if status.permissions != 0o700 { problem(.error, directory, nil, "quyền \(String(status.permissions, radix: 8)), phải là 700") }
            if let message = FileOwnership.problem(of: status, directoryOwner: owner, path: directory) { problem(.error, directory, nil, message) }
            for name in (try? fileSystem.contentsOfDirectory(directory)) ?? [] {
                let path = directory + "/" + name
                guard let file = try? fileSystem.status(ofPath: path) else { continue }
                if file.kind == .directory { continue }
                if let message = FileOwnership.problem(of: file, directoryOwner: owner, path: path) { problem(.error, path, nil, message) }
                if file.kind == .regular, let message = FileOwnership.unreadable(path, fileSystem: fileSystem) { problem(.error, path, nil, message) }
                if name.hasPrefix(DurableFiles.temporaryPrefix) {
                    problem(.repairable, path, nil, "tệp tạm còn sót sau khi chương trình bị dừng đột ngột")
                }
                if file.kind == .symbolicLink { problem(.error, path, nil, "là liên kết tượng trưng (symlink)") }
                if file.permissions != 0o600 { problem(.error, path, nil, "quyền \(String(file.permissions, radix: 8)), phải là 600") }
                let allowedLinks: UInt64 = directory == layout.backupsDirectory
                    ? ((try? fileSystem.status(ofPath: layout.snapshot)).map { $0.inode == file.inode ? 2 : 1 } ?? 1)
                    : 1 + (path == layout.snapshot ? inspection.backupLinks(to: file) : 0)
                if file.linkCount > allowedLinks { problem(.error, path, nil, "có \(file.linkCount) liên kết cứng") }
            }
        }
        var loader = StoreLoader<Value>(layout: layout, files: files)
        // What was committed is judged below, line by line, rather than as the load's one refusal.
        loader.verifyingCommittedEntries = false
        let committed = loader.committedPoint()
        var snapshotSeq = 0
        var snapshotHash = JournalLine.genesisHash
        do {
            let bytes = try loader.readSnapshotBytes()
            let snapshot = try loader.decodeSnapshot(bytes, path: layout.snapshot)
            snapshotSeq = snapshot.seq
            snapshotHash = snapshot.lastHash
            _ = try StoreLoader<Value>.index(snapshot.records, path: layout.snapshot)
            _ = try loader.load(schemaVersion: schemaVersion)
            if let reason = SnapshotIndex.problem(layout: layout, files: files, snapshot: bytes, paths: Value.indexedPaths) {
                problem(.repairable, layout.snapshotIndex, nil,
                        "chỉ mục \(reason): lệnh đọc vài hồ sơ sẽ đọc cả snapshot.json cho tới khi HoSo dựng lại chỉ mục "
                            + "(ở lần mở toàn bộ dữ liệu tới, hoặc lần gộp nhật ký tới)")
            } else if let reason = rebuiltIndexProblem {
                // `hoso check` opens the store whole first, which already wrote the index again.
                problem(.note, layout.snapshotIndex, nil, "chỉ mục \(reason): HoSo đã dựng lại khi mở toàn bộ dữ liệu để kiểm tra")
            }
        } catch {
            // The place and the reason, without the advice of the open error: check gives its own.
            if case .corruptFile(let path, let line, let reason) = error {
                problem(.error, path, line, reason)
            } else {
                problem(.error, layout.snapshot, nil, error.message)
            }
        }
        problems += checkHashChain(snapshotSeq: snapshotSeq, snapshotHash: snapshotHash, committed: committed)
        for backup in Self.inspectBackups(inDirectory: layout.directory, schemaVersion: schemaVersion, fileSystem: fileSystem) {
            guard let reason = backup.problem, !backup.olderFormat else { continue }
            problem(.error, layout.backupsDirectory + "/" + backup.backup.name, nil,
                    "bản sao lưu hỏng (\(reason)), không dùng được để khôi phục. Đừng khôi phục từ bản này; "
                        + "chuyển nó ra khỏi thư mục dữ liệu để HoSo không đề xuất nó nữa.")
        }
        return problems
    }

    /// Walks every segment in order: each line verifies, follows the previous one, and the chain agrees with the snapshot.
    private func checkHashChain(snapshotSeq: Int, snapshotHash: String, committed: CommittedPoint) -> [CheckProblem] {
        var problems: [CheckProblem] = []
        let names = ((try? files.fileSystem.contentsOfDirectory(layout.journalDirectory)) ?? [])
            .compactMap { name in StoreLayout.segmentNumber(name).map { (number: $0, name: name) } }
            .sorted { $0.number < $1.number }
        var previousHash = JournalLine.genesisHash
        var previousSeq = 0
        var sawSnapshotPoint = snapshotSeq == 0 && snapshotHash == JournalLine.genesisHash
        // After an offline restore the journal starts again at the restored snapshot, and the history
        // before it lives in `damaged-*/`; nil until the first line shows whether that happened.
        var historyStart: Int?
        let decoder = JSONDecoder()
        var tornTail: (path: String, line: Int)?
        for (position, segment) in names.enumerated() {
            let path = layout.journalDirectory + "/" + segment.name
            let bytes: [UInt8]
            do { bytes = try files.readAll(path) } catch {
                problems.append(CheckProblem(severity: .error, path: path, line: nil, message: StoreError.from(error).message))
                continue
            }
            let scanned: JournalScanner.Result
            do {
                scanned = try JournalScanner.scan(bytes, baseOffset: 0, baseLine: 0, path: path)
            } catch {
                if case .corruptFile(_, let line, let reason) = error {
                    problems.append(CheckProblem(severity: .error, path: path, line: line, message: reason))
                } else {
                    problems.append(CheckProblem(severity: .error, path: path, line: nil, message: error.message))
                }
                return problems
            }
            for line in scanned.lines {
                guard let header = try? decoder.decode(JournalEntryHeader.self, from: Data(line.entryBytes)) else {
                    problems.append(CheckProblem(severity: .error, path: path, line: line.lineNumber, message: "không đọc được nội dung dòng"))
                    return problems
                }
                if historyStart == nil {
                    historyStart = header.seq
                    if header.seq > 1 {
                        previousSeq = header.seq - 1
                        previousHash = header.prevHash
                        if snapshotSeq == previousSeq {
                            sawSnapshotPoint = true
                            if header.prevHash != snapshotHash {
                                problems.append(CheckProblem(severity: .error, path: path, line: line.lineNumber, message: "không nối tiếp snapshot.json (lastHash)"))
                            }
                        }
                    }
                }
                if header.seq != previousSeq + 1 || header.prevHash != previousHash {
                    problems.append(CheckProblem(severity: .error, path: path, line: line.lineNumber, message: "chuỗi băm bị đứt: dòng này không nối tiếp dòng trước (nhật ký đã bị sửa hoặc mất dòng)"))
                }
                previousSeq = header.seq
                previousHash = line.hash
                if header.seq == snapshotSeq {
                    sawSnapshotPoint = true
                    if line.hash != snapshotHash {
                        problems.append(CheckProblem(severity: .error, path: path, line: line.lineNumber, message: "không khớp với snapshot.json (lastHash)"))
                    }
                }
            }
            if scanned.tornBytes > 0 {
                if position == names.count - 1 {
                    tornTail = (path, scanned.lines.count + 1)
                } else {
                    problems.append(CheckProblem(severity: .error, path: path, line: scanned.lines.count + 1, message: "dòng cuối bị ghi dở ở đoạn nhật ký cũ"))
                }
            }
        }
        let reachedSeq = historyStart == nil ? snapshotSeq : previousSeq
        let reachedHash = historyStart == nil ? snapshotHash : previousHash
        let lost = committed.problem(reaching: reachedSeq, hash: reachedHash)
        if let tornTail {
            // A save cut by a crash never reached the head; a committed line cut in half did.
            let committedLine = (committed.head?.seq ?? 0) > reachedSeq
            problems.append(CheckProblem(
                severity: committedLine ? .error : .repairable, path: tornTail.path, line: tornTail.line,
                message: committedLine
                    ? "dòng cuối bị cắt dở nhưng là một lần lưu đã ghi xong (nhật ký bị cắt ngắn); không được tự sửa"
                    : "dòng cuối bị ghi dở (lần lưu bị ngắt); sẽ được cắt bỏ ở lần lưu sau"))
        }
        if let lost {
            problems.append(CheckProblem(severity: .error, path: layout.journalDirectory, line: nil, message: lost))
        }
        let firstKept = historyStart ?? snapshotSeq + 1
        if firstKept > 1 {
            if let damaged = damagedDirectories().last {
                // Moved aside by an offline restore, never deleted: the chain from here on still verifies.
                sawSnapshotPoint = sawSnapshotPoint || firstKept == snapshotSeq + 1
                problems.append(CheckProblem(severity: .note, path: layout.journalDirectory, line: nil,
                                             message: "nhật ký bắt đầu từ mục \(firstKept); lịch sử trước đó được giữ trong \(layout.directory)/\(damaged) từ lần khôi phục dữ liệu hỏng"))
            } else if historyStart != nil {
                problems.append(CheckProblem(severity: .error, path: layout.journalDirectory, line: nil,
                                             message: "thiếu các mục 1…\(firstKept - 1) ở đầu nhật ký (đã bị xoá?)"))
            }
        }
        if !sawSnapshotPoint {
            problems.append(CheckProblem(severity: .error, path: layout.snapshot, line: nil, message: "nhật ký không chứa mục \(snapshotSeq) mà snapshot dựa vào"))
        }
        return problems
    }
}
