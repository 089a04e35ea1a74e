import Foundation

/// Turns words into a flat array of weights whose plain lexicographic order is the Vietnamese
/// dictionary order, so that sorting compares integers instead of re-reading accents every time.
///
/// Each word becomes `[base weights…, 0, tone weights…, 0]`. Base letters come first so that "an"
/// and "ăn" differ before any tone is looked at; tones only decide between words with the same
/// letters. The zero separators are smaller than every weight, so a shorter word sorts first at
/// either level and the next word is only reached when the whole word is equal.
///
/// Multi-letter consonants (ch, gh, kh, ng, ngh, nh, ph, qu, th, tr) get no weight of their own:
/// modern dictionaries (and the Ministry's lists) file them as their letters in sequence, so "nh"
/// is simply n followed by h.
struct CollationWeights {
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
            if VietnameseText.isMark(scalar) {
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
        for scalar in CanonicalForms.decomposed(text) {
            if VietnameseText.isWhitespace(scalar) {
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
