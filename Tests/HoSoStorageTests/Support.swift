#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoStorage
import Testing

/// The record type of the storage tests; the crash child uses the same JSON shape.
struct TestValue: JournalValue {
    var text: String
    var counter: Int
}

typealias TestStore = JournalStore<TestValue>

/// A fresh directory under the system temp dir, removed by `remove()`; every test gets its own.
struct TemporaryDirectory {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "/hoso-storage-test-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The store directory inside it.
    var store: String { path + "/data" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

func change(_ id: String, _ expected: Int?, _ text: String, _ counter: Int = 0) -> RecordChange<TestValue> {
    RecordChange(id: id, expectedRevision: expected, newValue: TestValue(text: text, counter: counter), summary: "sửa \(id)")
}

/// Values only, to compare states across store instances.
func values(_ store: TestStore) -> [String: TestValue] {
    store.records.mapValues(\.value)
}

/// Bytes and modification time of every file under `directory`, to prove nothing was written.
func fileFingerprints(_ directory: String) -> [String: String] {
    var result: [String: String] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return result }
    while let relative = enumerator.nextObject() as? String {
        let path = directory + "/" + relative
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { continue }
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        result[relative] = "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_size) \(bytes.hashValue) \(bytes.count)"
    }
    return result
}

func readFile(_ path: String) -> [UInt8] {
    (try? Array(Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
}

func permissions(_ path: String) -> UInt32 {
    var status = stat()
    guard lstat(path, &status) == 0 else { return 0 }
    return UInt32(status.st_mode) & 0o777
}

/// Runs an expression that must throw a `StoreError`, returning it.
func expectStoreError(_ body: () throws(StoreError) -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> StoreError? {
    do {
        try body()
        Issue.record("expected a StoreError", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}
