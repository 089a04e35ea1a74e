// A child process for the storage tests: it saves in a loop and reports each save the store
// confirmed on stdout, so a parent that kills it with SIGKILL knows what must have survived.
//
//   hoso-crash-child crash DIR            new records plus updates of one shared record, forever
//   hoso-crash-child edit DIR NAME COUNT  COUNT edits of shared and own records, reporting conflicts
//   hoso-crash-child modes DIR            creates a store under umask 0 and exercises every writer
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HoSoJournal

/// The record type the tests use.
struct TestValue: JournalValue {
    var text: String
    var counter: Int
}

/// Writes a line straight to fd 1: no buffering, so what was reported is what the parent reads.
func report(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        if written < 0 { if errno == EINTR { continue } else { exit(3) } }
        offset += written
    }
}

func fail(_ error: StoreError) -> Never {
    report("error \(error.message)")
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    report("usage: hoso-crash-child crash|edit|modes DIR [NAME COUNT]")
    exit(64)
}
// Umask 0 everywhere: every mode the store leaves must come from the store itself.
umask(0)
let directory = arguments[2]
let options = StoreOptions(lockTimeout: .seconds(10), compactionThresholdBytes: 64 << 10, compactionThresholdEntries: 25)

func openStore() -> JournalStore<TestValue> {
    do {
        return try JournalStore<TestValue>.open(at: directory, supportedSchemaVersion: 1, options: options)
    } catch {
        fail(error)
    }
}

switch arguments[1] {
case "crash":
    let store = openStore()
    let pid = getpid()
    var counter = 0
    while true {
        counter += 1
        let id = "c-\(pid)-\(counter)"
        let shared = store.record(id: "shared")
        let changes = [
            RecordChange(id: id, expectedRevision: nil, newValue: TestValue(text: String(repeating: "x", count: Int.random(in: 10...900)), counter: counter), summary: "tạo"),
            RecordChange(id: "shared", expectedRevision: shared?.revision, newValue: TestValue(text: "by \(pid)", counter: counter), summary: "sửa"),
        ]
        do {
            let saved = try store.commit(changes, actor: "child-\(pid)")
            report("ok \(store.sequence) \(id) \(saved[1].revision)")
        } catch {
            fail(error)
        }
    }
case "edit":
    guard arguments.count >= 5, let count = Int(arguments[4]) else { exit(64) }
    let name = arguments[3]
    let store = openStore()
    for step in 1...count {
        let id = step % 3 == 0 ? "own-\(name)-\(step % 7)" : "shared-\(step % 2)"
        do {
            if step % 5 == 0 { try store.refresh() }
            let current = store.record(id: id)
            // The clerk's think time between reading a record and saving it: the window for conflicts.
            usleep(UInt32.random(in: 0...1_500))
            let saved = try store.commit([RecordChange(id: id, expectedRevision: current?.revision, newValue: TestValue(text: name, counter: step), summary: "sửa")], actor: name)
            report("ok \(id) \(saved[0].revision)")
        } catch {
            if case .conflict(let conflictId, _, _, _, _) = error {
                report("conflict \(conflictId)")
            } else {
                fail(error)
            }
        }
    }
case "modes":
    do {
        let store = try JournalStore<TestValue>.create(at: directory, schemaVersion: 1, options: options)
        for step in 1...60 {
            try store.commit([RecordChange(id: "r\(step % 10)", expectedRevision: store.record(id: "r\(step % 10)")?.revision, newValue: TestValue(text: "v", counter: step), summary: "sửa")], actor: "modes")
        }
        try store.compact()
        let backup = try store.backup()
        try store.restore(fromBackup: backup.name, actor: "modes")
        report("ok")
    } catch {
        fail(error)
    }
default:
    exit(64)
}
