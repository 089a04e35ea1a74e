import Foundation

/// Tab-separated or comma-separated text as spreadsheets write it: RFC 4180 quoting, CRLF or LF line
/// ends, an optional UTF-8 byte-order mark.
public enum DelimitedText {
    /// One record: its cells and the line of the file it starts on (1-based), for error messages.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var cells: [String]
    }

    /// The delimiter a table most likely uses: tab if any line has one, else ';' when it outnumbers ','.
    public static func guessDelimiter(_ text: String) -> Character {
        if text.contains("\t") { return "\t" }
        let semicolons = text.filter { $0 == ";" }.count
        let commas = text.filter { $0 == "," }.count
        return semicolons > commas ? ";" : ","
    }

    /// Splits `text` into records. Quotes are honoured for any delimiter, so a pasted cell may contain one.
    public static func records(_ text: String, delimiter: Character) -> [Record] {
        var input = Substring(text)
        if input.first == "\u{FEFF}" { input = input.dropFirst() }
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var atCellStart = true
        var line = 1
        var recordLine = 1
        var iterator = input.makeIterator()
        var pending: Character?

        func finishRecord() {
            cells.append(cell)
            records.append(Record(line: recordLine, cells: cells))
            cells = []
            cell = ""
            atCellStart = true
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        cell.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"" where atCellStart:
                inQuotes = true
                atCellStart = false
            case delimiter:
                cells.append(cell)
                cell = ""
                atCellStart = true
            case "\n", "\r\n", "\r":
                finishRecord()
                line += 1
                recordLine = line
            default:
                cell.append(character)
                atCellStart = false
            }
        }
        if !cell.isEmpty || !cells.isEmpty { finishRecord() }
        return records
    }
}
