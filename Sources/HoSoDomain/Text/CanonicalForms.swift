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

    /// The decomposition of a letter the table covers, or nil when Foundation must decide.
    @inline(__always)
    static func parts(of scalar: Unicode.Scalar) -> [Unicode.Scalar]? {
        slot(of: scalar).flatMap { table[$0] }
    }

    /// The canonical decomposition (NFD) of `text`, as scalars.
    static func decomposed(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                scalars.append(scalar)
            } else if let parts = parts(of: scalar) {
                scalars.append(contentsOf: parts)
            } else {
                return Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
            }
        }
        return scalars
    }

    /// The canonical composition (NFC) of `text`.
    static func composed(_ text: String) -> String {
        let known = text.unicodeScalars.allSatisfy { scalar in scalar.isASCII || parts(of: scalar) != nil }
        return known ? text : text.precomposedStringWithCanonicalMapping
    }
}
