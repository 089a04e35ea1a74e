import Foundation
import HoSoStorage
import Testing

/// A save costs one appended line, whatever the number of records; prints the measured timings.
@Suite struct TimingTests {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Bytes written and calls made by one single-record save, and the average save time in milliseconds,
    /// in a store already holding `recordCount` records of ~1 KB.
    static func measure(recordCount: Int, in temporary: TemporaryDirectory, label: String) throws -> (bytes: Int, calls: Int, milliseconds: Double) {
        let directory = temporary.path + "/" + label
        let store = try TestStore.create(at: directory, schemaVersion: 1)
        let filler = String(repeating: "Lý lịch, quá trình công tác, nhận xét. ", count: 24)
        for batch in stride(from: 0, to: recordCount, by: 1_000) {
            try store.commit((batch..<min(batch + 1_000, recordCount)).map { change("r\($0)", nil, filler, $0) }, actor: "nạp")
        }
        try store.commit([change("r0", store.record(id: "r0")?.revision, filler, -1)], actor: "An")
        let compaction = try seconds { try store.compact() }
        let saves = 100
        let perSave = try seconds {
            for step in 0..<saves {
                let id = "r\(step * 7 % recordCount)"
                try store.commit([change(id, store.record(id: id)?.revision, filler, step)], actor: "An")
            }
        } / Double(saves) * 1_000
        let open = try seconds { _ = try TestStore.open(at: directory, supportedSchemaVersion: 1) }
        let idleRefresh = try seconds { for _ in 0..<1_000 { _ = try store.refresh() } }
        let poll = seconds { for _ in 0..<1_000 { _ = store.hasExternalChanges() } }
        let recorder = FaultInjectingFileSystem()
        let recorded = try TestStore.open(at: directory, supportedSchemaVersion: 1, fileSystem: recorder)
        recorder.reset()
        try recorded.commit([change("r1", recorded.record(id: "r1")?.revision, filler, 1)], actor: "An")
        print("timing \(label): \(recordCount) records: save \(String(format: "%.2f", perSave)) ms, open \(String(format: "%.3f", open)) s, compact \(String(format: "%.3f", compaction)) s, idle refresh \(String(format: "%.1f", idleRefresh * 1_000)) µs, hasExternalChanges \(String(format: "%.1f", poll * 1_000)) µs")
        return (recorder.bytesWritten, recorder.recordedCalls.count, perSave)
    }

    @Test func saveCostDoesNotGrowWithTheNumberOfRecords() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.remove() }
        let small = try Self.measure(recordCount: 1_000, in: temporary, label: "small")
        // HOSO_TIMING_RECORDS=100000 measures the target size (slower; not the default).
        let largeCount = ProcessInfo.processInfo.environment["HOSO_TIMING_RECORDS"].flatMap(Int.init) ?? 20_000
        let large = try Self.measure(recordCount: largeCount, in: temporary, label: "large")
        // Timings vary with other load on the disk (fsync); the work done must not.
        #expect(large.bytes == small.bytes && large.bytes < 4_096, "a save must not rewrite the whole store: \(small.bytes) vs \(large.bytes) bytes")
        #expect(large.calls == small.calls)
        // Milliseconds are printed above, not asserted: speed is measured by `hoso bench`, never by a unit test.
    }
}
