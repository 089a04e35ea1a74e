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
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if isASCIIWhitespace(value) {
                    pendingSpace = !result.isEmpty
                    continue
                }
                if pendingSpace {
                    result.append(0x20)
                    pendingSpace = false
                }
                result.append(VietnameseLetters.asciiLowercaseLetter(scalar) ?? UInt8(value))
            } else if let slot = CanonicalForms.slot(of: scalar), let bytes = foldedLetters[slot] {
                if pendingSpace {
                    result.append(0x20)
                    pendingSpace = false
                }
                result.append(contentsOf: bytes)
            } else {
                return Array(foldedByProperties(s).utf8)
            }
        }
        return result
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

    /// Unicode's White_Space, answered without the property table for ASCII.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? isASCIIWhitespace(scalar.value) : scalar.properties.isWhitespace
    }

    /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII part of White_Space.
    @inline(__always)
    private static func isASCIIWhitespace(_ value: UInt32) -> Bool {
        value == 0x20 || (0x09...0x0D).contains(value)
    }
}
