import Foundation
@testable import HoSoDomain
import Testing

/// The collation keys built without allocations per word and without the letter dictionary must be the
/// weights the straightforward version below builds (the version before, asking Unicode's properties and
/// Foundation's normaliser for everything), on names, units and every letter of the table.
@Suite struct TextCollationWeightsTests {
    static func referenceKey(forFullName fullName: String) -> [UInt32] {
        let words = ReferenceCollationWeights.decomposedWords(of: fullName)
        var weights = ReferenceCollationWeights()
        if let given = words.last { weights.appendWord(decomposed: given) }
        if words.count > 1 {
            weights.appendWord(decomposed: words[0])
            for middle in words[1..<(words.count - 1)] { weights.appendWord(decomposed: middle) }
        }
        return weights.weights
    }

    static func referenceKey(forText text: String) -> [UInt32] {
        var weights = ReferenceCollationWeights()
        for word in ReferenceCollationWeights.decomposedWords(of: text) { weights.appendWord(decomposed: word) }
        return weights.weights
    }

    static var inputs: [String] {
        var inputs = TextCollationTests.namesInOrder + TextCanonicalFormsTests.samples + [
            "Chi bộ 2", "Chi bộ 10", "Chi bộ 010", "Khu phố 3A", "Nguyễn  Văn\tAn ", "Ông Ích Khiêm", "ĐẶNG THỊ Ư", "Ngô Thị Ơn",
            "Lê-Văn O'Neil", "Trần 1985", "Ω Ä ç", "Hoa\u{300}", "e\u{302}\u{301}x", "a\u{306}\u{323}", "o\u{31B}\u{300}",
        ]
        let demo = DemoOrganisation.generate(caseCount: 300, seed: 5, today: CivilDate(year: 2026, month: 11, day: 23)!)
        inputs += demo.cases.map(\.person.fullName) + demo.units.map(\.name) + demo.members.map(\.fullName)
        for value in UInt32(0x20)...0x24F {
            if let scalar = Unicode.Scalar(value) { inputs.append("x" + String(scalar) + "a b" + String(scalar)) }
        }
        for value in UInt32(0x1E00)...0x1EFF {
            if let scalar = Unicode.Scalar(value) { inputs.append(String(scalar) + "n " + String(scalar)) }
        }
        return inputs
    }

    @Test func namesAndTextsGetTheReferenceWeightsAndTieBreaks() {
        var disagreements: [String] = []
        for text in Self.inputs {
            if VietnameseCollation.unmemoisedSortKey(forFullName: text).weights != Self.referenceKey(forFullName: text) {
                disagreements.append("name \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            let key = VietnameseCollation.sortKey(forText: text)
            if key.weights != Self.referenceKey(forText: text) {
                disagreements.append("text \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            if key.composedBytes != Array(text.precomposedStringWithCanonicalMapping.utf8) || key.originalBytes != Array(text.utf8) {
                disagreements.append("tie-breaks \(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(disagreements == [])
    }
}

/// The weights as built before they were made faster, kept as the reference they must match.
private struct ReferenceCollationWeights {
    private(set) var weights: [UInt32] = []

    static let separator: UInt32 = 0
    private static let punctuationBase: UInt32 = 0x100
    private static let digitBase: UInt32 = 0x200
    private static let letterBase: UInt32 = 0x300
    private static let otherBase: UInt32 = 0x1000

    /// Appends one word (a run of non-whitespace scalars, canonically decomposed).
    mutating func appendWord(decomposed scalars: some Sequence<Unicode.Scalar>) {
        var bases: [UInt32] = []
        var tones: [UInt32] = []
        var pendingLetter: UInt8?
        var pendingMark: VietnameseLetters.VowelMark?
        var digitRun: [UInt32] = []

        func flushLetter() {
            guard let letter = pendingLetter else { return }
            let rank = VietnameseLetters.rank(ofASCIILowercase: letter, mark: pendingMark)
                ?? VietnameseLetters.rank(ofASCIILowercase: letter, mark: nil)!
            bases.append(Self.letterBase + UInt32(rank))
            pendingLetter = nil
            pendingMark = nil
        }
        // Numbers compare by value ("Chi bộ 2" before "Chi bộ 10"): the digit count goes first.
        func flushDigits() {
            guard !digitRun.isEmpty else { return }
            let significant = digitRun.drop { $0 == 0 }
            bases.append(Self.digitBase + UInt32(min(significant.count, 0xFF)))
            bases.append(contentsOf: significant.map { Self.digitBase + $0 })
            digitRun.removeAll(keepingCapacity: true)
        }

        for scalar in scalars {
            if [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory) {
                if let tone = VietnameseTone(combiningMark: scalar) {
                    tones.append(UInt32(tone.rawValue))
                } else if pendingLetter != nil, let mark = VietnameseLetters.VowelMark(combiningMark: scalar) {
                    pendingMark = mark
                }
                continue  // Marks foreign to Vietnamese (cedilla, umlaut…) only matter in the tie-break.
            }
            flushLetter()
            if let ascii = VietnameseLetters.asciiLowercaseLetter(scalar) {
                flushDigits()
                pendingLetter = ascii
            } else if ("0"..."9").contains(scalar) {
                digitRun.append(scalar.value - 0x30)
            } else {
                flushDigits()
                bases.append(Self.weight(ofNonLetter: scalar))
            }
        }
        flushLetter()
        flushDigits()

        weights.append(contentsOf: bases)
        weights.append(Self.separator)
        weights.append(contentsOf: tones)
        weights.append(Self.separator)
    }

    private static func weight(ofNonLetter scalar: Unicode.Scalar) -> UInt32 {
        if VietnameseLetters.isDWithStroke(scalar) {
            return letterBase + UInt32(VietnameseLetters.rankOfDWithStroke)
        }
        if scalar.isASCII { return punctuationBase + scalar.value }
        let lowered = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        return otherBase + lowered.value
    }

    /// The words of `text` (split on whitespace), canonically decomposed.
    static func decomposedWords(of text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
