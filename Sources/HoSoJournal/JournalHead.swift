#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `journal/head`: the sequence number and hash of the last committed entry, rewritten in place after
/// every commit so that a journal cut short (a segment truncated or deleted) is told from one that never
/// got further.
///
/// It is written *after* the entry's line is synced, with one `pwrite` and no `fsync`: the line is the
/// commit; the head only remembers it. After a power cut it may therefore lag behind the journal (it is
/// then not judged beyond what it says), but it can never be ahead of it. Readers read it *before* the
/// journal, so a save that lands between the two reads never makes it look ahead either.
///
/// Content: `{"seq":N,"hash":"…","check":"…"}` padded with spaces to 127 bytes and a newline. `check` is
/// the first 16 hex digits of SHA-256 of `"N:hash"`: a head written half (a short write, a full disk)
/// fails it and is ignored rather than taken for a mismatch.
struct JournalHead: Sendable, Equatable {
    /// The last committed entry.
    let seq: Int
    /// Its hash.
    let hash: String

    static let fileName = "head"
    static let size = 128

    private struct Stored: Codable {
        let seq: Int
        let hash: String
        let check: String
    }

    private static func checksum(seq: Int, hash: String) -> String {
        String(JournalLine.sha256Hex(Array("\(seq):\(hash)".utf8)).prefix(16))
    }

    /// The file's bytes.
    func encoded() -> [UInt8] {
        var bytes = Array(#"{"seq":\#(seq),"hash":"\#(hash)","check":"\#(Self.checksum(seq: seq, hash: hash))"}"#.utf8)
        if bytes.count < Self.size - 1 { bytes += repeatElement(UInt8(ascii: " "), count: Self.size - 1 - bytes.count) }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The head in `bytes`, or nil when they are not one whole, self-consistent head.
    static func parse(_ bytes: [UInt8]) -> JournalHead? {
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(bytes)), stored.seq >= 0,
              stored.hash.utf8.count == 64, stored.check == checksum(seq: stored.seq, hash: stored.hash)
        else { return nil }
        return JournalHead(seq: stored.seq, hash: stored.hash)
    }
}

extension StoreLayout {
    /// `journal/head` (see `JournalHead`).
    var journalHead: String { journalDirectory + "/" + JournalHead.fileName }
}

extension DurableFiles {
    /// The head on disk; nil when there is none or it is not whole (never judged then).
    func readJournalHead(_ layout: StoreLayout) -> JournalHead? {
        guard let bytes = try? readPrefix(layout.journalHead, count: JournalHead.size * 2) else { return nil }
        return JournalHead.parse(bytes)
    }

    /// Rewrites the head in place (created 0600 the first time); failures are ignored: the commit it
    /// follows is already durable, and a head that lags is only judged less.
    func writeJournalHead(_ head: JournalHead, layout: StoreLayout) {
        let path = layout.journalHead
        let bytes = head.encoded()
        let descriptor: Int32
        if let opened = try? fileSystem.open(path, flags: O_WRONLY | O_NOFOLLOW, mode: 0) {
            descriptor = opened
        } else {
            guard let created = try? fileSystem.open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600) else { return }
            try? fileSystem.setPermissions(created, 0o600, path: path)
            descriptor = created
        }
        defer { try? fileSystem.close(descriptor, path: path) }
        _ = bytes.withUnsafeBytes { buffer in try? fileSystem.write(descriptor, buffer, at: 0, path: path) }
    }
}
