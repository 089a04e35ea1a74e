import Foundation

/// The six Vietnamese tones, in the order dictionaries list them.
enum VietnameseTone: UInt8, Sendable, CaseIterable {
    case ngang = 0
    case huyen
    case hoi
    case nga
    case sac
    case nang

    /// The tone carried by this combining mark, or `nil` when the mark is not a tone.
    init?(combiningMark scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0300: self = .huyen
        case 0x0309: self = .hoi
        case 0x0303: self = .nga
        case 0x0301: self = .sac
        case 0x0323: self = .nang
        default: return nil
        }
    }
}

/// The letters of the alphabet as a Vietnamese reads them, reduced from Unicode scalars.
///
/// Working on canonically decomposed text means one small table serves NFC and NFD input alike:
/// every precomposed vowel (ệ, ử, ặ…) arrives as an ASCII base followed by its marks.
enum VietnameseLetters {
    /// The alphabet in dictionary order; f j w z sit where the Latin alphabet puts them so loan words
    /// and foreign names still sort sensibly.
    static let alphabet: [Character] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
        "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]

    /// Vowel marks that make a distinct letter rather than a tone.
    enum VowelMark: Sendable {
        case breve, circumflex, horn

        init?(combiningMark scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x0306: self = .breve
            case 0x0302: self = .circumflex
            case 0x031B: self = .horn
            default: return nil
            }
        }
    }

    /// Đ and đ do not decompose, and the look-alike eth (Ð U+00D0, ð U+00F0) is what some legacy
    /// Vietnamese encodings turn into, so all four count as đ.
    static func isDWithStroke(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0110, 0x0111, 0x00D0, 0x00F0: return true
        default: return false
        }
    }

    /// The position of a lowercase ASCII letter with an optional vowel mark in `alphabet`, or `nil`
    /// when the pair is not a Vietnamese letter (the mark is then ignored by the caller).
    static func rank(ofASCIILowercase base: UInt8, mark: VowelMark?) -> Int? {
        let letter: Character
        switch (base, mark) {
        case (_, nil): letter = Character(Unicode.Scalar(base))
        case (UInt8(ascii: "a"), .breve): letter = "ă"
        case (UInt8(ascii: "a"), .circumflex): letter = "â"
        case (UInt8(ascii: "e"), .circumflex): letter = "ê"
        case (UInt8(ascii: "o"), .circumflex): letter = "ô"
        case (UInt8(ascii: "o"), .horn): letter = "ơ"
        case (UInt8(ascii: "u"), .horn): letter = "ư"
        default: return nil
        }
        return rankByLetter[letter]
    }

    static let rankOfDWithStroke = rankByLetter["đ"]!

    private static let rankByLetter: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) }
    )

    /// The ASCII value of a letter lowered to a–z, or `nil` for anything else.
    static func asciiLowercaseLetter(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x61...0x7A: return UInt8(scalar.value)
        case 0x41...0x5A: return UInt8(scalar.value + 0x20)
        default: return nil
        }
    }

    /// The text with tone marks removed but letters such as ă, ơ and đ kept, in NFC.
    static func removingTones(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars
        where VietnameseTone(combiningMark: scalar) == nil {
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}
