import Foundation

/// NFD and NFC of the texts HoSo stores, without a trip through Foundation's normaliser for each one.
///
/// Names and units are kept composed (NFC) and are made of ASCII and precomposed Latin letters. For such
/// a text the decomposed form is the concatenation of each scalar's decomposition, and the composed
/// form is the text itself: with no combining mark in the input there is nothing to reorder or compose.
/// Anything else (a combining mark, a letter outside the table) goes to Foundation, so the results are
/// always exactly Foundation's. Building keys for 100,000 files spent most of its time normalising.
enum CanonicalForms {
    /// Decompositions of the precomposed letters from U+00C0 to U+1EFF that are their own NFC, indexed
    /// by `scalar - first`; nil where Foundation must decide.
    private static let first: UInt32 = 0xC0
    private static let last: UInt32 = 0x1EFF
    private static let table: [[Unicode.Scalar]?] = (first...last).map { value in
        guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .uppercaseLetter
            || scalar.properties.generalCategory == .lowercaseLetter
        else { return nil }
        let text = String(scalar)
        guard text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar]) else { return nil }
        let decomposed = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        // Starting with a starter, a letter's marks can never be reordered with those of its neighbours.
        guard decomposed.first?.properties.canonicalCombiningClass == .notReordered else { return nil }
        return decomposed
    }

    /// The canonical decomposition (NFD) of `text`, as scalars.
    static func decomposed(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                scalars.append(scalar)
            } else if (first...last).contains(scalar.value), let parts = table[Int(scalar.value - first)] {
                scalars.append(contentsOf: parts)
            } else {
                return Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
            }
        }
        return scalars
    }

    /// The canonical composition (NFC) of `text`.
    static func composed(_ text: String) -> String {
        let known = text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII || ((first...last).contains(scalar.value) && table[Int(scalar.value - first)] != nil)
        }
        return known ? text : text.precomposedStringWithCanonicalMapping
    }
}
