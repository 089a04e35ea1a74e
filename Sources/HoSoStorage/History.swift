import Foundation

/// One past change of a record, read from the journal: who, when, what (without the value).
public struct HistoryEntry: Sendable, Equatable {
    /// Journal sequence number of the batch.
    public let seq: Int
    /// When, ISO-8601 UTC.
    public let time: String
    /// Who.
    public let actor: String
    /// The record's revision before the change (nil: created).
    public let revisionBefore: Int?
    /// The revision the change produced.
    public let revision: Int
    /// What changed, as the caller described it.
    public let summary: String
    /// True when the change removed the record (a restore from backup).
    public let removed: Bool
}

/// The parts of a journal entry history needs, readable whatever the record type or schema version.
private struct HistoryLine: Decodable {
    struct Change: Decodable {
        let id: String
        let revisionBefore: Int?
        let revision: Int
        let summary: String
        let value: JSONValue?
    }
    let seq: Int
    let time: String
    let actor: String
    let changes: [Change]
}

extension JournalStore {
    /// Every change of record `id`, oldest first, from all journal segments (they are kept forever).
    ///
    /// Reads the whole journal: meant for a case's history screen, not for a list.
    public func history(of id: String) throws(StoreError) -> [HistoryEntry] {
        try withInstanceMutex { () throws(StoreError) -> [HistoryEntry] in
            let names: [String]
            do throws(FileSystemError) {
                names = try files.fileSystem.contentsOfDirectory(layout.journalDirectory)
            } catch {
                throw StoreError.from(error)
            }
            let segments = names.compactMap(StoreLayout.segmentNumber).sorted()
            let decoder = JSONDecoder()
            var entries: [HistoryEntry] = []
            for number in segments {
                let path = layout.segment(number)
                let bytes: [UInt8]
                do throws(FileSystemError) { bytes = try files.readAll(path) } catch { throw StoreError.from(error) }
                let scanned = try JournalScanner.scan(bytes, baseOffset: 0, baseLine: 0, path: path)
                for line in scanned.lines where line.entryBytes.containsSubsequence(Array(id.utf8)) {
                    let entry: HistoryLine
                    do {
                        entry = try decoder.decode(HistoryLine.self, from: Data(line.entryBytes))
                    } catch {
                        throw StoreError.corruptFile(path: path, line: line.lineNumber, reason: DecodingFailure.describe(error))
                    }
                    for change in entry.changes where change.id == id {
                        entries.append(HistoryEntry(seq: entry.seq, time: entry.time, actor: entry.actor, revisionBefore: change.revisionBefore, revision: change.revision, summary: change.summary, removed: change.value == nil))
                    }
                }
            }
            return entries
        }
    }
}

extension ArraySlice where Element == UInt8 {
    /// A cheap pre-filter so history does not decode lines that cannot mention the record.
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if endIndex - found < needle.count { return false }
            if self[found..<(found + needle.count)].elementsEqual(needle) { return true }
            index = found + 1
        }
        return false
    }
}
