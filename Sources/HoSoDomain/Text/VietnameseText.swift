import Foundation

/// Vietnamese text as the clerks type it: one stored form, one search form.
public enum VietnameseText {
    /// The one sentence every refusal of control characters uses, so the audit log can recognise it.
    public static let controlCharacterRefusal =
        "Nội dung có ký tự điều khiển (ví dụ mã thoát ESC của terminal) không được phép; hãy gõ lại bằng chữ thường."

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
        var result: [UInt8] = []
        result.reserveCapacity(s.utf8.count)
        appendFolded(s, to: &result)
        return result
    }

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
