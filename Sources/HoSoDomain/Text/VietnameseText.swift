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
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in CanonicalForms.decomposed(s) {
            if scalar.properties.isWhitespace {
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

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
