import Foundation

/// Vietnamese text as the clerks type it: one stored form, one search form.
public enum VietnameseText {
    /// The one sentence every refusal of control characters uses, so the audit log can recognise it.
    public static let controlCharacterRefusal =
        "Nội dung có ký tự điều khiển (ví dụ mã thoát ESC của terminal) không được phép; hãy gõ lại bằng chữ thường."

    /// The longest free text a file takes in one field (a note, a task, a reason, an opinion): about two
    /// typed pages. A longer one is almost always a paste gone wrong, and every copy of the file, its
    /// journal line and each backup would carry it.
    public static let longestFreeText = 4_000
    /// The longest one-line field (a name, an address, an occupation, a number, an issuer).
    public static let longestLine = 200

    /// The refusal of the first text of `texts` longer than `longest` characters, naming its length; nil
    /// when none is.
    public static func lengthRefusal(_ texts: [String], longest: Int) -> String? {
        guard let long = texts.first(where: { $0.count > longest }) else { return nil }
        return "Nội dung dài quá \(grouped(longest)) ký tự (đang có \(grouped(long.count)) ký tự). Chưa ghi gì. "
            + "Hãy ghi ngắn hơn, hoặc chia thành nhiều lần ghi."
    }

    /// `number` with its thousands grouped by dots, as Vietnamese writes them ("20.000").
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position).isMultiple(of: 3) { result.append(".") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    /// The canonical composed form (NFC) in which every stored string is kept, so that equal names
    /// written with composed or decomposed accents become equal strings byte for byte.
    public static func normalized(_ s: String) -> String {
        CanonicalForms.composed(s)
    }

    /// The search form: lowercase, without tones or vowel marks, đ as d, runs of whitespace as one
    /// space and no space at either end ("  Nguyễn  Văn Á " → "nguyen van a").
    public static func folded(_ s: String) -> String {
        String(decoding: foldedUTF8(s), as: UTF8.self)
    }

    /// `folded(s)` as UTF-8 bytes, which is what search keys keep.
    ///
    /// Text of ASCII and the precomposed letters of `CanonicalForms` (every name and unit HoSo stores)
    /// is folded a scalar at a time from a table; anything else goes through the scalar properties. The
    /// table is made by folding each letter the general way, so both give the same bytes: building the
    /// search keys of 10,000 files spent half of the list's index in the property lookups.
    static func foldedUTF8(_ s: String) -> [UInt8] {
        if let fast = foldedUTF8Fast([s]) { return fast }
        var result: [UInt8] = []
        result.reserveCapacity(s.utf8.count)
        appendFolded(s, to: &result)
        return result
    }

    /// `parts` folded and joined as `appendFolded` joins them, read from their UTF-8 and written into
    /// one buffer; nil when a part has a letter outside the table (the general way decides then). A
    /// search key is made for every file of a list: this is most of it.
    static func foldedUTF8Fast(_ parts: [String]) -> [UInt8]? {
        let letters = foldedPacked  // once, not once per letter
        var fits = true
        // No letter folds to more bytes than it takes (the table leaves out those that would), so the
        // folded parts and the spaces between them fit in this.
        let capacity = parts.reduce(parts.count) { $0 + $1.utf8.count }
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            for part in parts {
                let written = part.utf8.withContiguousStorageIfAvailable { utf8 -> Int? in
                    appendFolded(utf8, to: buffer, at: count, letters: letters)
                } ?? nil
                guard let written else {
                    fits = false
                    count = 0
                    return
                }
                count = written
            }
        }
        return fits ? bytes : nil
    }

    /// Folds `utf8` into `buffer` after its first `start` bytes (after a space when both are non-empty),
    /// as `appendFolded` does; the new count, or nil for a letter outside the table.
    private static func appendFolded(_ utf8: UnsafeBufferPointer<UInt8>, to buffer: UnsafeMutableBufferPointer<UInt8>,
                                     at start: Int, letters: [UInt32]) -> Int? {
        var count = start
        var pendingSpace = start > 0
        var index = 0
        while index < utf8.count {
            let lead = utf8[index]
            if lead < 0x80 {
                index += 1
                if isASCIIWhitespace(UInt32(lead)) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                buffer[count] = lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead
                count += 1
                continue
            }
            // Valid UTF-8 (a String's): a lead byte, then continuation bytes. The table's letters take two
            // or three.
            let value: UInt32
            if lead >= 0xC2, lead <= 0xDF, index + 1 < utf8.count {
                value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                index += 2
            } else if lead >= 0xE0, lead <= 0xEF, index + 2 < utf8.count {
                value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                index += 3
            } else {
                return nil
            }
            guard let scalar = Unicode.Scalar(value), let slot = CanonicalForms.slot(of: scalar), letters[slot] != 0 else { return nil }
            if pendingSpace {
                buffer[count] = 0x20
                count += 1
                pendingSpace = false
            }
            let packed = letters[slot]
            for byte in 0..<Int(packed >> 24) {
                buffer[count] = UInt8(truncatingIfNeeded: packed >> (8 * UInt32(byte)))
                count += 1
            }
        }
        return count
    }

    /// `foldedLetters` packed for the fast path: the length in the top byte, up to three bytes below;
    /// 0 for a letter that folds to more bytes than it takes in UTF-8, or to nothing.
    private static let foldedPacked: [UInt32] = {
        var table = [UInt32](repeating: 0, count: foldedLetters.count)
        for scalar in CanonicalForms.coveredScalars {
            guard let slot = CanonicalForms.slot(of: scalar), let bytes = foldedLetters[slot],
                  !bytes.isEmpty, bytes.count <= String(scalar).utf8.count, bytes.count <= 3 else { continue }
            table[slot] = UInt32(bytes.count) << 24 | bytes.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
        }
        return table
    }()

    /// Appends `folded(s)` to `bytes`, after a space when both are non-empty: so the parts of a text
    /// joined with spaces fold, part after part into one buffer, to the folded text.
    static func appendFolded(_ s: String, to bytes: inout [UInt8]) {
        let start = bytes.count
        var pendingSpace = !bytes.isEmpty
        var emitted = false
        let (single, multiple) = (foldedLetter, foldedLetters)  // once, not once per letter
        for scalar in s.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if isASCIIWhitespace(value) {
                    pendingSpace = emitted || start > 0
                    continue
                }
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(VietnameseLetters.asciiLowercaseLetter(scalar) ?? UInt8(value))
                emitted = true
            } else if let slot = CanonicalForms.slot(of: scalar), single[slot] != 0 || multiple[slot] != nil {
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                if single[slot] != 0 { bytes.append(single[slot]) } else { bytes.append(contentsOf: multiple[slot]!) }
                emitted = true
            } else {
                bytes.removeSubrange(start...)
                let general = foldedByProperties(s)
                if !general.isEmpty {
                    if start > 0 { bytes.append(0x20) }
                    bytes.append(contentsOf: general.utf8)
                }
                return
            }
        }
    }

    /// The folded bytes of each letter `CanonicalForms` decomposes, by its slot; nil elsewhere, and for a
    /// letter that folds to nothing (none does; the general way then decides).
    private static let foldedLetters: [[UInt8]?] = {
        var table = [[UInt8]?](repeating: nil, count: CanonicalForms.latin.count + CanonicalForms.latinAdditional.count)
        for scalar in CanonicalForms.coveredScalars {
            let bytes = Array(foldedByProperties(String(scalar)).utf8)
            if let slot = CanonicalForms.slot(of: scalar), !bytes.isEmpty { table[slot] = bytes }
        }
        return table
    }()

    /// The same for the letters that fold to one byte (Vietnamese letters fold to ASCII), 0 for the others:
    /// a byte appended instead of an array.
    private static let foldedLetter: [UInt8] = foldedLetters.map { $0?.count == 1 ? $0![0] : 0 }

    /// The general way of `folded`: scalar by scalar of the decomposed text, asking Unicode's properties.
    static func foldedByProperties(_ s: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in CanonicalForms.decomposed(s) {
            if isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if isMark(scalar) { continue }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            if VietnameseLetters.isDWithStroke(scalar) {
                result.append("d")
            } else if let ascii = VietnameseLetters.asciiLowercaseLetter(scalar) {
                result.append(Unicode.Scalar(ascii))
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Whether every whitespace-separated word of `query` occurs, folded, somewhere in the folded
    /// `text`; an empty query matches everything. To search many texts, precompute `SearchKey`s.
    public static func matches(_ text: String, query: String) -> Bool {
        SearchKey(text).matches(FoldedQuery(query))
    }

    /// Unicode's mark categories. No scalar before U+0300 is a mark and the combining diacritical marks
    /// (U+0300–U+036F, every Vietnamese tone and vowel mark) all are, so names never reach the property table.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        if scalar.value <= 0x36F { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Unicode's White_Space, answered without the property table before U+1680 (where the only
    /// whitespace outside ASCII is U+0085 and U+00A0): every letter and mark of Vietnamese.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return isASCIIWhitespace(value) }
        if value < 0x1680 { return value == 0x85 || value == 0xA0 }
        return scalar.properties.isWhitespace
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII part of White_Space.
    @inline(__always)
    private static func isASCIIWhitespace(_ value: UInt32) -> Bool {
        value == 0x20 || (0x09...0x0D).contains(value)
    }
}
