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
    /// Reused from word to word: a key is built for every file of a list, and arrays made per word were
    /// a third of the cost.
    private var tones: [UInt32] = []
    private var digitRun: [UInt32] = []

    static let separator: UInt32 = 0
    private static let punctuationBase: UInt32 = 0x100
    private static let digitBase: UInt32 = 0x200
    private static let letterBase: UInt32 = 0x300
    private static let otherBase: UInt32 = 0x1000

    /// Room for the weights of `scalars` scalars in `words` words.
    init(reservingFor scalars: Int = 0, words: Int = 0) {
        weights.reserveCapacity(scalars + 2 * words)
        tones.reserveCapacity(8)
    }

    /// Appends one word (a run of non-whitespace scalars, canonically decomposed): its base weights go
    /// straight to `weights`, its tones after them.
    mutating func appendWord(decomposed scalars: some Sequence<Unicode.Scalar>) {
        tones.removeAll(keepingCapacity: true)
        digitRun.removeAll(keepingCapacity: true)
        var pendingLetter: UInt8?
        var pendingMark: VietnameseLetters.VowelMark?

        for scalar in scalars {
            if VietnameseText.isMark(scalar) {
                if let tone = VietnameseTone(combiningMark: scalar) {
                    tones.append(UInt32(tone.rawValue))
                } else if pendingLetter != nil, let mark = VietnameseLetters.VowelMark(combiningMark: scalar) {
                    pendingMark = mark
                }
                continue  // Marks foreign to Vietnamese (cedilla, umlaut…) only matter in the tie-break.
            }
            if let letter = pendingLetter {
                weights.append(Self.letterBase + Self.rank(of: letter, mark: pendingMark))
                pendingLetter = nil
                pendingMark = nil
            }
            if let ascii = VietnameseLetters.asciiLowercaseLetter(scalar) {
                flushDigits()
                pendingLetter = ascii
            } else if ("0"..."9").contains(scalar) {
                digitRun.append(scalar.value - 0x30)
            } else {
                flushDigits()
                weights.append(Self.weight(ofNonLetter: scalar))
            }
        }
        if let letter = pendingLetter { weights.append(Self.letterBase + Self.rank(of: letter, mark: pendingMark)) }
        flushDigits()

        weights.append(Self.separator)
        weights.append(contentsOf: tones)
        weights.append(Self.separator)
    }

    /// The weights of `text` when it is made of ASCII and letters of the `CanonicalForms` table, nil
    /// otherwise (`words(of:)` and `appendWord` decide then). Its words go in the order written, or for a
    /// full name the given name first, then the family name, then the middle names.
    ///
    /// Such text is its own NFC, and the weights of each of its letters are those `appendWord` gives the
    /// letter's decomposition, worked out once per letter: no text is decomposed, no letter is looked up
    /// twice. Keys for the names of 10,000 files spent most of their time decomposing them.
    static func composedWeights(of text: String, asFullName: Bool) -> [UInt32]? {
        let letters = letterWeights  // once, not once per letter
        let capacity = text.utf8.count + 1
        // The scalars and the words' bounds on the stack: a key is made for every file of a list.
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: capacity) { scalars -> [UInt32]? in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: capacity / 2 + 1) { words -> [UInt32]? in
                var count = 0
                var wordCount = 0
                var start: Int?
                for scalar in text.unicodeScalars {
                    let value = scalar.value
                    if value < 0x80, value == 0x20 || (0x09...0x0D).contains(value) {
                        if let first = start {
                            words[wordCount] = first..<count
                            wordCount += 1
                        }
                        start = nil
                        continue
                    }
                    guard value < 0x80 || CanonicalForms.slot(of: scalar).map({ letters[$0] != nil }) == true else { return nil }
                    if start == nil { start = count }
                    scalars[count] = scalar
                    count += 1
                }
                if let first = start {
                    words[wordCount] = first..<count
                    wordCount += 1
                }
                var weights: [UInt32] = []
                weights.reserveCapacity(2 * count + 2 * wordCount)
                func append(_ word: Range<Int>) {
                    appendComposedWord(UnsafeBufferPointer(rebasing: scalars[word]), letters: letters, to: &weights)
                }
                if asFullName {
                    if wordCount > 0 { append(words[wordCount - 1]) }
                    if wordCount > 1 {
                        append(words[0])
                        for middle in 1..<(wordCount - 1) { append(words[middle]) }
                    }
                } else {
                    for word in 0..<wordCount { append(words[word]) }
                }
                return weights
            }
        }
    }

    /// `appendWord` for a word of ASCII and table letters, not decomposed: its base weights, then (a
    /// second look at the word) its tones. An ASCII letter takes no mark here (a combining mark is not
    /// in the table), so it needs no waiting for one; a run of digits is read at once.
    private static func appendComposedWord(_ word: UnsafeBufferPointer<Unicode.Scalar>, letters: [LetterWeight?],
                                           to weights: inout [UInt32]) {
        var index = 0
        while index < word.count {
            let scalar = word[index]
            let value = scalar.value
            if value >= 0x80 {
                weights.append(letters[CanonicalForms.slot(of: scalar)!]!.base)
            } else if let ascii = VietnameseLetters.asciiLowercaseLetter(scalar) {
                weights.append(letterBase + rank(of: ascii, mark: nil))
            } else if (0x30...0x39).contains(value) {
                // Numbers compare by value ("Chi bộ 2" before "Chi bộ 10"): the count of significant
                // digits first, then the digits.
                var end = index
                while end < word.count, (0x30...0x39).contains(word[end].value) { end += 1 }
                var first = index
                while first < end, word[first].value == 0x30 { first += 1 }
                weights.append(digitBase + UInt32(min(end - first, 0xFF)))
                for digit in first..<end { weights.append(digitBase + word[digit].value - 0x30) }
                index = end
                continue
            } else {
                weights.append(punctuationBase + value)
            }
            index += 1
        }
        weights.append(separator)
        for scalar in word where scalar.value >= 0x80 {
            let letter = letters[CanonicalForms.slot(of: scalar)!]!
            if letter.toneCount > 0 { weights.append(UInt32(letter.firstTone)) }
            if letter.toneCount > 1 { weights.append(UInt32(letter.secondTone)) }
        }
        weights.append(separator)
    }

    /// What one precomposed letter adds to a word: one base weight and up to two tones.
    struct LetterWeight: Sendable {
        let base: UInt32
        let toneCount: UInt8
        let firstTone: UInt8
        let secondTone: UInt8
    }

    /// By the slot of `CanonicalForms`: the weights `appendWord` gives each letter's decomposition; nil
    /// for a letter that would not fit `LetterWeight` (none does; the general way then decides).
    private static let letterWeights: [LetterWeight?] = {
        var table = [LetterWeight?](repeating: nil, count: CanonicalForms.latin.count + CanonicalForms.latinAdditional.count)
        for scalar in CanonicalForms.coveredScalars {
            var single = CollationWeights()
            single.appendWord(decomposed: CanonicalForms.decomposed(String(scalar)))
            let parts = single.weights.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 1, parts[1].count <= 2, let slot = CanonicalForms.slot(of: scalar) else { continue }
            let tones = Array(parts[1])
            table[slot] = LetterWeight(base: parts[0].first!, toneCount: UInt8(tones.count),
                                       firstTone: tones.first.map(UInt8.init) ?? 0, secondTone: tones.dropFirst().first.map(UInt8.init) ?? 0)
        }
        return table
    }()

    /// Numbers compare by value ("Chi bộ 2" before "Chi bộ 10"): the digit count goes first.
    private mutating func flushDigits() {
        guard !digitRun.isEmpty else { return }
        let significant = digitRun.drop { $0 == 0 }
        weights.append(Self.digitBase + UInt32(min(significant.count, 0xFF)))
        for digit in significant { weights.append(Self.digitBase + digit) }
        digitRun.removeAll(keepingCapacity: true)
    }

    /// The rank of an ASCII lowercase letter with the vowel mark that followed it; a mark the letter
    /// cannot take is ignored. From a table of `VietnameseLetters.rank`, which looks letters up by
    /// `Character` (a string hash per letter of every name).
    private static func rank(of letter: UInt8, mark: VietnameseLetters.VowelMark?) -> UInt32 {
        UInt32(ranks[Int(letter - UInt8(ascii: "a")) * 4 + markSlot(mark)])
    }

    private static func markSlot(_ mark: VietnameseLetters.VowelMark?) -> Int {
        switch mark {
        case nil: 0
        case .breve?: 1
        case .circumflex?: 2
        case .horn?: 3
        }
    }

    private static let ranks: [UInt8] = (UInt8(ascii: "a")...UInt8(ascii: "z")).flatMap { letter in
        [nil, .breve, .circumflex, .horn].map { (mark: VietnameseLetters.VowelMark?) in
            UInt8(VietnameseLetters.rank(ofASCIILowercase: letter, mark: mark) ?? VietnameseLetters.rank(ofASCIILowercase: letter, mark: nil)!)
        }
    }

    private static func weight(ofNonLetter scalar: Unicode.Scalar) -> UInt32 {
        if VietnameseLetters.isDWithStroke(scalar) {
            return letterBase + UInt32(VietnameseLetters.rankOfDWithStroke)
        }
        if scalar.isASCII { return punctuationBase + scalar.value }
        let lowered = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        return otherBase + lowered.value
    }

    /// The canonically decomposed scalars of `text` and the ranges of its words (split on whitespace),
    /// in one array rather than an array per word; and whether `text` is its own NFC.
    static func words(of text: String) -> (scalars: [Unicode.Scalar], words: [Range<Int>], isComposed: Bool) {
        let (scalars, isComposed) = CanonicalForms.decomposedNotingComposition(text)
        var words: [Range<Int>] = []
        words.reserveCapacity(4)
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if VietnameseText.isWhitespace(scalar) {
                if let first = start { words.append(first..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start { words.append(first..<scalars.count) }
        return (scalars, words, isComposed)
    }
}
