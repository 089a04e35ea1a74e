import Crypto
import Foundation
import HoSoDomain
import HoSoJournal

/// `report-facts.tsv`: each file's report facts as of one revision, kept in the data directory so that a
/// report reads them instead of decoding every file (585 MB at 100,000 files, three seconds).
///
/// Derived data, never trusted further than it can be checked: a line is used only for the revision it
/// names (a file saved since is read again), a file whose last line does not match the hash of the
/// bytes before it (torn, edited, another HoSo's format) is not used at all, and `hoso check` compares
/// what it holds with the files. Text, one item a line (docs/storage-format.md):
/// ```
/// hoso-report-facts 1 <the store's seq when written>
/// <revision>\t<the facts as ReportFacts.line writes them>   (one line per file, in id order)
/// check <sha256 hex of every byte before this line>
/// ```
struct ReportFactsFile {
    static let fileName = "report-facts.tsv"
    private static let magic = "hoso-report-facts 1"

    struct Line: Equatable {
        /// The record's id (`case/HS-0001`).
        let id: String
        let revision: Int
        let facts: ReportFacts
    }

    /// The store's `seq` when the file was written.
    let seq: Int
    /// The lines, in id order (one per id).
    let lines: [Line]

    static func path(in directory: String) -> String { directory + "/" + fileName }

    /// The file in `directory`; nil when there is none or it cannot be used (see the type).
    static func read(in directory: String, fileSystem: any FileSystem = .real) -> ReportFactsFile? {
        guard let bytes = try? DurableFiles(fileSystem: fileSystem).readAll(path(in: directory)) else { return nil }
        return parse(bytes)
    }

    /// The store's `seq` the file in `directory` says it was written at, from its first line alone (not
    /// checked: enough to see it is not the current one; a damaged file is remade by the next report that
    /// reads it); nil when there is none.
    static func sequence(in directory: String, fileSystem: any FileSystem = .real) -> Int? {
        guard let bytes = try? DurableFiles(fileSystem: fileSystem).readPrefix(path(in: directory), count: 64),
              let end = bytes.firstIndex(of: UInt8(ascii: "\n"))
        else { return nil }
        let header = String(decoding: bytes[..<end], as: UTF8.self)
        guard header.hasPrefix(magic + " ") else { return nil }
        return Int(header.dropFirst(magic.count + 1))
    }

    /// The lines kept for the records `ids` (`case/HS-0001`), found by their place in the id order without
    /// parsing the others (the file is still checked whole); nil when the file cannot be used. An id kept
    /// for no line is left out.
    static func read(in directory: String, only ids: some Sequence<String>, fileSystem: any FileSystem = .real) -> ReportFactsFile? {
        guard let bytes = try? DurableFiles(fileSystem: fileSystem).readAll(path(in: directory)),
              let (seq, texts) = checkedLines(bytes)
        else { return nil }
        let prefix = StoredItem.id(CaseID("")).utf8.count
        var found: [Line] = []
        for id in ids {
            let wanted = Array(id.utf8.dropFirst(prefix))
            var (low, high) = (texts.startIndex, texts.endIndex)
            while low < high {
                let middle = (low + high) / 2
                guard let caseID = caseIDField(texts[middle]) else { return nil }
                if caseID.lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
            }
            guard low < texts.endIndex, caseIDField(texts[low]).map({ $0.elementsEqual(wanted) }) == true else { continue }
            guard let line = parseLine(texts[low]), line.id == id else { return nil }
            found.append(line)
        }
        return ReportFactsFile(seq: seq, lines: found)
    }

    /// The case id of a line (`<revision>\t<format>\t<case id>\t…`), as stored.
    private static func caseIDField(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let tab = UInt8(ascii: "\t")
        guard let first = text.firstIndex(of: tab), let second = text[(first + 1)...].firstIndex(of: tab) else { return nil }
        let rest = text[(second + 1)...]
        return rest[..<(rest.firstIndex(of: tab) ?? rest.endIndex)]
    }

    /// The `seq` of the header and the lines after it, once the `check` line matches every byte above it.
    private static func checkedLines(_ bytes: [UInt8]) -> (seq: Int, lines: [ArraySlice<UInt8>])? {
        let newline = UInt8(ascii: "\n")
        guard bytes.last == newline else { return nil }
        let checkStart = bytes[..<(bytes.endIndex - 1)].lastIndex(of: newline).map { $0 + 1 } ?? 0
        guard String(decoding: bytes[checkStart..<(bytes.endIndex - 1)], as: UTF8.self) == "check " + hex(bytes[..<checkStart]) else {
            return nil
        }
        var lines = bytes[..<checkStart].split(separator: newline)[...]
        guard let headerLine = lines.popFirst() else { return nil }
        let header = String(decoding: headerLine, as: UTF8.self)
        guard header.hasPrefix(magic + " "), let seq = Int(header.dropFirst(magic.count + 1)) else { return nil }
        return (seq, Array(lines))
    }

    static func parse(_ bytes: [UInt8]) -> ReportFactsFile? {
        guard let (seq, texts) = checkedLines(bytes) else { return nil }
        // 100,000 lines at 100,000 files: read in chunks on every core.
        let chunkCount = Swift.max(1, Swift.min(texts.count / 512, ProcessInfo.processInfo.activeProcessorCount * 4))
        let decoded = DecodedChunks(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (texts.count * chunk / chunkCount)..<(texts.count * (chunk + 1) / chunkCount)
            var result: [Line] = []
            result.reserveCapacity(range.count)
            for text in texts[range] {
                guard let line = parseLine(text) else {
                    decoded.set(chunk, nil)
                    return
                }
                result.append(line)
            }
            decoded.set(chunk, result)
        }
        var ordered: [Line] = []
        ordered.reserveCapacity(texts.count)
        for chunk in 0..<chunkCount {
            guard let chunkLines = decoded.get(chunk) else { return nil }
            for line in chunkLines {
                // Strictly in id order, as written: no id twice.
                if let last = ordered.last, !(last.id < line.id) { return nil }
                ordered.append(line)
            }
        }
        return ReportFactsFile(seq: seq, lines: ordered)
    }

    /// `<revision>\t<facts line>`; nil when it is not one.
    private static func parseLine(_ text: ArraySlice<UInt8>) -> Line? {
        guard let tab = text.firstIndex(of: UInt8(ascii: "\t")), tab > text.startIndex, tab - text.startIndex < 19,
              text[..<tab].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let revision = Int(String(decoding: text[..<tab], as: UTF8.self)), revision >= 1,
              let facts = text[(tab + 1)...].withUnsafeBufferPointer({ ReportFacts(lineBytes: $0) })
        else { return nil }
        return Line(id: StoredItem.id(facts.caseID), revision: revision, facts: facts)
    }

    /// The file's bytes for `lines` (in id order) as of the store's `seq`.
    static func encode(_ lines: [Line], seq: Int) -> [UInt8] {
        var bytes = Array("\(magic) \(seq)\n".utf8)
        for line in lines.sorted(by: { $0.id < $1.id }) {
            bytes += "\(line.revision)\t\(line.facts.line)\n".utf8
        }
        bytes += "check \(hex(bytes))\n".utf8
        return bytes
    }

    /// Removes the file (a history it was kept for is being replaced); one that is not there is fine.
    static func remove(in directory: String, fileSystem: any FileSystem = .real) {
        try? fileSystem.unlink(path(in: directory))
    }

    /// Writes the file whole (a new file renamed over the old, so a reader meets one or the other). Failing
    /// to write it is not an error: the next report reads the files instead.
    static func write(_ lines: [Line], seq: Int, in directory: String, fileSystem: any FileSystem = .real) {
        let bytes = encode(lines, seq: seq)
        try? DurableFiles(fileSystem: fileSystem).replaceDurably(path(in: directory), with: bytes, temporaryIn: directory)
    }

    /// What `hoso check` says of the kept facts beside `computed` (the lines made from every file now):
    /// nil when none are kept or every line kept for a file's current revision is what the file gives.
    static func disagreement(in directory: String, with computed: [Line], fileSystem: any FileSystem = .real) -> String? {
        guard (try? fileSystem.status(ofPath: path(in: directory))) != nil else { return nil }
        guard let kept = read(in: directory, fileSystem: fileSystem) else {
            return "không đọc được (hỏng, bị cắt, hoặc do phiên bản HoSo khác ghi)"
        }
        let byID = Dictionary(computed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let differing = kept.lines.filter { line in
            guard let current = byID[line.id], current.revision == line.revision else { return false }
            return current.facts != line.facts
        }
        guard !differing.isEmpty else { return nil }
        let named = differing.prefix(5).map { String($0.id.dropFirst(StoredItem.id(CaseID("")).count)) }.joined(separator: ", ")
        return "số liệu giữ sẵn của \(differing.count) hồ sơ (\(named)\(differing.count > 5 ? ", …" : "")) khác với chính hồ sơ: "
            + "tệp đã bị sửa ngoài HoSo, nên các báo cáo lập từ nó có thể đã sai"
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    private static func hex(_ bytes: [UInt8]) -> String { hex(bytes[...]) }
}

/// The lines each chunk decoded (nil: one did not decode), filled from several threads.
private final class DecodedChunks: @unchecked Sendable {
    // Unchecked: every slot is written once, under `lock`, and read after `concurrentPerform` returns.
    private let lock = NSLock()
    private var chunks: [[ReportFactsFile.Line]?]

    init(count: Int) {
        chunks = Array(repeating: nil, count: count)
    }

    func set(_ chunk: Int, _ lines: [ReportFactsFile.Line]?) {
        lock.withLock { chunks[chunk] = lines }
    }

    func get(_ chunk: Int) -> [ReportFactsFile.Line]? {
        lock.withLock { chunks[chunk] }
    }
}
