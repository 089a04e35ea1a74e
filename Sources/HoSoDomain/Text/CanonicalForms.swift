import Foundation

/// NFD and NFC of the texts HoSo stores, without a trip through Foundation's normaliser for each one.
///
/// Names and units are kept composed (NFC) and are made of ASCII and precomposed Latin letters. For such
/// a text the decomposed form is the concatenation of each scalar's decomposition, and the composed
/// form is the text itself: with no combining mark in the input there is nothing to reorder or compose.
/// Anything else (a combining mark, a letter outside the table) goes to Foundation, so the results are
/// always exactly Foundation's. Building keys for 100,000 files spent most of its time normalising.
enum CanonicalForms {
    /// The blocks of precomposed Latin letters the table covers: Latin-1 Supplement to Latin Extended-B
    /// (ă, đ, ơ, ư…) and Latin Extended Additional (ạ, ế, ữ…), every letter of Vietnamese. The blocks
    /// between them (IPA, Greek, Cyrillic…) are left to Foundation: covering them made the table ten
    /// times longer to build, on the first frame of the application, for letters names do not use.
    static let latin: ClosedRange<UInt32> = 0xC0...0x24F
    static let latinAdditional: ClosedRange<UInt32> = 0x1E00...0x1EFF

    /// Decompositions of the letters of `latin` then `latinAdditional` that are their own NFC, nil
    /// where Foundation must decide.
    private static let table: [[Unicode.Scalar]?] = (Array(latin) + Array(latinAdditional)).map { value in
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

    /// The position of `scalar` in tables laid out like `table`, or nil outside the covered blocks.
    @inline(__always)
    static func slot(of scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if latin.contains(value) { return Int(value - latin.lowerBound) }
        if latinAdditional.contains(value) { return latin.count + Int(value - latinAdditional.lowerBound) }
        return nil
    }

    /// Every scalar the table decomposes, for tables built on top of it.
    static var coveredScalars: [Unicode.Scalar] {
        (Array(latin) + Array(latinAdditional)).compactMap { value in
            Unicode.Scalar(value).flatMap { scalar in slot(of: scalar).flatMap { table[$0] } == nil ? nil : scalar }
        }
    }

    /// The canonical decomposition (NFD) of `text`, as scalars.
    static func decomposed(_ text: String) -> [Unicode.Scalar] {
        decomposedNotingComposition(text).scalars
    }

    /// The NFD of `text`, and whether `text` is its own NFC: true when the table decomposed it (the
    /// condition `composed` checks), so a caller needing both asks once.
    static func decomposedNotingComposition(_ text: String) -> (scalars: [Unicode.Scalar], isComposed: Bool) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        let table = table  // once, not once per letter
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                scalars.append(scalar)
            } else if let parts = slot(of: scalar).flatMap({ table[$0] }) {
                scalars.append(contentsOf: parts)
            } else {
                let decomposed = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
                return (decomposed, text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
            }
        }
        return (scalars, true)
    }

    /// The canonical composition (NFC) of `text`.
    static func composed(_ text: String) -> String {
        let table = table
        let known = text.unicodeScalars.allSatisfy { scalar in scalar.isASCII || slot(of: scalar).flatMap({ table[$0] }) != nil }
        return known ? text : text.precomposedStringWithCanonicalMapping
    }
}
