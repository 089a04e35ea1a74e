#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoApplication
import HoSoDomain
@testable import HoSoJournal
@testable import HoSoStorage
import HoSoTestSupport
import Testing

/// Passphrase attempts are counted under the store's lock, and a sign-in whose attempt cannot be
/// recorded is refused (issue 14, item 4).
@Suite("Sign-in attempts: counted under the lock, refused when not recorded", .serialized)
struct SignInAttemptTests {
    static let rightPassphrase = "mat-khau-giup-do"

    @Test("Fifteen wrong passphrases at once, each from its own store instance, lock the person once; the right one after is refused")
    func concurrentWrongPassphrasesReachTheLock() throws {
        let (workspace, _, _, mentor) = try PeopleAndSignInTests().workspace()
        defer { workspace.remove() }
        let attempts = 15
        // One repository per attempt, opened before any of them starts: fifteen processes that all read
        // the count before the first wrote it.
        let repositories = try (0..<attempts).map { _ in try Repository.open(at: workspace.directory) }
        let messages = SharedValue([String]())
        let finished = DispatchGroup()
        for index in 0..<attempts {
            finished.enter()
            let repository = repositories[index]
            Thread.detachNewThread {
                do {
                    _ = try SignIn(repository: repository, systemUser: "lan").account(requested: mentor.id) { "sai-\(index)" }
                    messages.withLock { $0.append("ACCEPTED") }
                } catch {
                    messages.withLock { $0.append((error as? SignInRefusal)?.message ?? "\(error)") }
                }
                finished.leave()
            }
        }
        finished.wait()
        let all = messages.withLock { $0 }
        #expect(all.count == attempts)
        #expect(all.filter { $0.contains("lần 1/3") }.count == 1, "\(all)")
        #expect(all.filter { $0.contains("lần 2/3") }.count == 1, "\(all)")
        #expect(all.filter { $0.contains("Sai mật khẩu lần thứ 3") }.count == 1, "\(all)")
        #expect(all.filter { $0.contains("đang bị tạm khóa") }.count == attempts - 3, "\(all)")
        let reopened = try Repository.open(at: workspace.directory)
        #expect(reopened.accounts[mentor.id]?.lockedUntil != nil)
        do {
            _ = try SignIn(repository: reopened, systemUser: "lan").account(requested: mentor.id) { Self.rightPassphrase }
            Issue.record("the right passphrase was accepted after fifteen wrong ones")
        } catch {
            #expect(error.message.contains("đang bị tạm khóa"))
        }
        let kinds = AuditLog.events(inDirectory: workspace.directory).map(\.kind)
        #expect(kinds.filter { $0 == .wrongPassphrase }.count == 3)
        #expect(kinds.filter { $0 == .locked }.count == attempts - 3 + 1 + 1)
    }

    /// A workspace whose sign-in counts attempts, and writes the audit log, on a disk where every write fails with ENOSPC.
    func fullDisk() throws -> (RepositoryWorkspace, Account, FaultInjectingFileSystem, SignIn) {
        let (workspace, repository, _, mentor) = try PeopleAndSignInTests().workspace()
        let disk = FaultInjectingFileSystem()
        let store = try JournalStore<StoredItem>.open(at: workspace.directory, supportedSchemaVersion: Repository.schemaVersion, fileSystem: disk)
        disk.failEvery(.write, with: ENOSPC)
        return (workspace, mentor, disk, SignIn(repository: repository, systemUser: "lan", now: Date(), attemptStore: store, fileSystem: disk))
    }

    @Test("A wrong passphrase whose count cannot be written (ENOSPC) is refused as not recorded, and nothing is counted")
    func wrongPassphraseOnAFullDiskIsRefused() throws {
        let (workspace, mentor, _, signIn) = try fullDisk()
        defer { workspace.remove() }
        for attempt in 1...4 {
            do {
                _ = try signIn.account(requested: mentor.id) { "sai-\(attempt)" }
                Issue.record("a wrong passphrase was accepted")
            } catch {
                #expect(error.message.contains("Không ghi lại được lần đăng nhập này nên HoSo từ chối đăng nhập"), "\(error.message)")
                #expect(error.message.contains("giải phóng dung lượng"))
                #expect(!error.message.contains("lần \(attempt)/3"))
            }
        }
        #expect(try Repository.open(at: workspace.directory).accounts[mentor.id]?.failedAttempts == 0)
    }

    @Test("The right passphrase is refused too when its sign-in cannot be written to the audit log (ENOSPC): no answer without a trace")
    func rightPassphraseOnAFullDiskIsRefused() throws {
        let (workspace, mentor, disk, signIn) = try fullDisk()
        defer { workspace.remove() }
        do {
            _ = try signIn.account(requested: mentor.id) { Self.rightPassphrase }
            Issue.record("a sign-in that left no trace was accepted")
        } catch {
            #expect(error.message.contains("Không ghi lại được lần đăng nhập này"), "\(error.message)")
        }
        disk.reset()
        #expect(try signIn.account(requested: mentor.id) { Self.rightPassphrase }.id == mentor.id)
    }

    @Test("The audit log continues a short write instead of leaving half a line")
    func auditLogContinuesShortWrites() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let disk = FaultInjectingFileSystem()
        // Calls of an append: stat of the folder, open, fstat, write…
        disk.arm(atCall: 3, .shortWrite)
        try AuditLog.append(
            AuditEvent(kind: .wrongPassphrase, account: "hung", systemUser: "lan"), inDirectory: directory.path, fileSystem: disk)
        #expect(disk.faultedOperation == .write)
        let events = AuditLog.events(inDirectory: directory.path)
        #expect(events.map(\.kind) == [.wrongPassphrase])
    }
}

/// A value shared between threads of a test.
final class SharedValue<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
