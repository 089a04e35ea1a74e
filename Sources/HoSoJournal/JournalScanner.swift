import Foundation

/// Splits journal bytes into verified lines, telling a torn last line (a crash mid-append) from corruption.
struct JournalScanner {
    /// A complete, hash-verified line.
    struct Line {
        let entryBytes: ArraySlice<UInt8>
        let hash: String
        let lineNumber: Int
        let startOffset: Int64
        let endOffset: Int64
    }

    struct Result {
        var lines: [Line] = []
        /// Bytes after the last valid line: an interrupted append (no final newline, or zero-filled blocks
        /// after a power cut), ignored until the next save repairs it. A complete last line that fails its
        /// hash or layout is corruption, not a torn write: it throws like any other bad line.
        var tornBytes: Int = 0
    }

    /// Scans `bytes`, which start at byte `baseOffset` and line `baseLine` (0-based count of lines before).
    static func scan(_ bytes: [UInt8], baseOffset: Int64, baseLine: Int, path: String) throws(StoreError) -> Result {
        var result = Result()
        var start = 0
        var lineNumber = baseLine
        let newline = UInt8(ascii: "\n")
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: newline) else {
                result.tornBytes = bytes.count - start
                return result
            }
            lineNumber += 1
            let isLast = end == bytes.count - 1
            switch JournalLine.parse(bytes[start..<end]) {
            case .valid(let entry, let hash):
                result.lines.append(Line(entryBytes: entry, hash: hash, lineNumber: lineNumber, startOffset: baseOffset + Int64(start), endOffset: baseOffset + Int64(end + 1)))
            case .malformed where isLast && bytes[start..<end].contains(0), .hashMismatch where isLast && bytes[start..<end].contains(0):
                // A line is written by one append whose last byte is its only newline, so a killed process
                // leaves a line without one (handled above). A power cut before the fsync returned is the one
                // way to get the newline on disk while earlier blocks of the line stayed unwritten: those read
                // back as zero bytes, which the encoder never emits. That save was never reported, so it is torn.
                result.tornBytes = bytes.count - start
                return result
            case .malformed:
                throw StoreError.corruptFile(path: path, line: lineNumber, reason: "dòng không đúng định dạng nhật ký")
            case .hashMismatch:
                throw StoreError.corruptFile(path: path, line: lineNumber, reason: "nội dung không khớp mã băm (đã bị sửa?)")
            }
            start = end + 1
        }
        return result
    }
}

/// Turns a decoding failure into words and a place, without quoting any data.
enum DecodingFailure {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "không đọc được JSON" }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "JSON không hợp lệ (bị cắt ngang hoặc sai cú pháp)"
                : "giá trị không hợp lệ tại \(render(context.codingPath))"
        case .typeMismatch(_, let context):
            return "sai kiểu dữ liệu tại \(render(context.codingPath))"
        case .valueNotFound(_, let context):
            return "thiếu giá trị tại \(render(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "thiếu trường \"\(key.stringValue)\" tại \(render(context.codingPath))"
        @unknown default:
            return "không đọc được JSON"
        }
    }

    private static func render(_ path: [any CodingKey]) -> String {
        if path.isEmpty { return "gốc tệp" }
        return path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
    }
}
