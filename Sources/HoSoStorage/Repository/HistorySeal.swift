import Crypto
import Foundation
import HoSoDomain

/// The chain of seals over a file's history: each entry's seal is SHA-256 of the previous seal and the
/// entry's own fields. HoSo only ever appends to a history, so any other change to it — an entry
/// edited, removed or inserted by hand in the data files — breaks the chain where it happened.
/// Anyone able to write the files could recompute the chain; it tells a careless or hidden edit from
/// HoSo's own, the file modes and backups do the rest (docs/threat-model.md).
enum HistorySeal {
    /// Seals the entries that have none yet (the ones this save adds, at the end): only those are read and
    /// changed, so a save costs the same whatever the length of the history.
    static func sealed(_ file: CaseFile) -> CaseFile {
        var history = file.history
        var first = history.endIndex
        while first > history.startIndex, history[first - 1].seal == nil { first -= 1 }
        guard first < history.endIndex else { return file }
        var previous = first > history.startIndex ? history[first - 1].seal ?? "" : ""
        for index in first..<history.endIndex {
            let seal = seal(of: history[index], after: previous)
            history[index].seal = seal
            previous = seal
        }
        var file = file
        file.history = history
        return file
    }

    /// The 1-based position of the first entry whose seal is missing or does not match, or nil when the
    /// chain holds. Every entry has one: the store seals each entry it saves, and the migration to schema
    /// version 2 sealed those saved before seals existed, so an entry without one was edited by hand.
    static func firstBrokenEntry(of file: CaseFile) -> Int? {
        var previous = ""
        for (index, entry) in file.history.enumerated() {
            guard let stored = entry.seal, stored == seal(of: entry, after: previous) else { return index + 1 }
            previous = stored
        }
        return nil
    }

    /// Schema 1 → 2: seals the history entries saved before seals existed (the records are otherwise
    /// unchanged; version 2 also means the snapshot carries `recordsHash`, which the migration writes).
    static let sealingMigration = Migration(from: 1) { value in
        guard value["type"] == .string("case"), case .array(let history)? = value["case"]?["history"],
              history.contains(where: { $0["seal"] == nil }) else { return value }
        let item = try JSONDecoder().decode(StoredItem.self, from: try JSONEncoder().encode(value))
        guard case .caseFile(let file) = item else { return value }
        return try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(StoredItem.caseFile(sealed(file))))
    }

    private static func seal(of entry: HoSoDomain.HistoryEntry, after previous: String) -> String {
        // Fields joined by separators that cannot occur in stored text (control characters are refused).
        var text = [previous, "\(entry.date.year)-\(entry.date.month)-\(entry.date.day)", entry.actor, entry.action, entry.summary].joined(separator: "\u{1F}")
        for change in entry.changes {
            text += "\u{1E}" + [change.field, change.before, change.after].joined(separator: "\u{1F}")
        }
        return SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
