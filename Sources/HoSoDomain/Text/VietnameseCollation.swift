import Foundation

/// Sorting people and words the way a Vietnamese reader expects.
///
/// Letters follow the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
/// with f j w z where the Latin alphabet puts them). Each word is compared by its letters first,
/// then by its tone: ngang, huyền, hỏi, ngã, sắc, nặng. Case is ignored until the final tie-break,
/// which uses the text itself so that the order is total. NFC and NFD input sort alike.
public enum VietnameseCollation {
    /// A precomputed key: comparing two keys is a comparison of integer arrays, cheap enough to sort
    /// 100,000 names.
    public struct SortKey: Hashable, Comparable, Sendable {
        let weights: [UInt32]
        /// The text as given: its bytes separate canonically equal texts stored in different forms.
        let text: String
        /// The NFC of `text` when it differs: its bytes separate texts that differ only in case or in
        /// tone placement (hòa, hoà). Keys keep the strings, not copies of their bytes: a list builds
        /// one key per file.
        let composed: String?

        /// `isComposed`: whether `text` is its own NFC, as found while decomposing it.
        init(weights: [UInt32], text: String, isComposed: Bool) {
            self.weights = weights
            self.text = text
            let normalized = isComposed ? nil : VietnameseText.normalized(text)
            composed = normalized.flatMap { $0.utf8.elementsEqual(text.utf8) ? nil : $0 }
        }

        /// The NFC text's bytes, for tests.
        var composedBytes: [UInt8] { Array((composed ?? text).utf8) }
        /// The text's bytes, for tests.
        var originalBytes: [UInt8] { Array(text.utf8) }

        public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            order(lhs, rhs) ?? false
        }

        /// `true` when `a` sorts first, `false` when `b` does, `nil` when the keys are equal: one pass
        /// where `a < b || (!(b < a) && tieBreak)` takes two.
        public static func order(_ a: SortKey, _ b: SortKey) -> Bool? {
            if let order = a.weights.withUnsafeBufferPointer({ x in b.weights.withUnsafeBufferPointer { compare(x, $0) } }) {
                return order
            }
            if let order = compareBytes(a.composed ?? a.text, b.composed ?? b.text) { return order }
            return compareBytes(a.text, b.text)
        }

        /// Keys are equal when their weights and the bytes of their texts are (`String`'s own equality
        /// is canonical equivalence, which would make an NFD text equal to its NFC form).
        public static func == (a: SortKey, b: SortKey) -> Bool {
            a.weights == b.weights && a.text.utf8.elementsEqual(b.text.utf8)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(weights)
            for byte in text.utf8 { hasher.combine(byte) }
        }

        private static func compareBytes(_ a: String, _ b: String) -> Bool? {
            var (a, b) = (a, b)
            return a.withUTF8 { x in b.withUTF8 { compare(x, $0) } }
        }

        /// `true` when `a` sorts first, `false` when `b` does, `nil` when they are equal.
        private static func compare<Element: FixedWidthInteger>(_ a: UnsafeBufferPointer<Element>, _ b: UnsafeBufferPointer<Element>) -> Bool? {
            let common = min(a.count, b.count)
            var index = 0
            while index < common {
                if a[index] != b[index] { return a[index] < b[index] }
                index += 1
            }
            return a.count == b.count ? nil : a.count < b.count
        }
    }

    /// The key of a full name "Family Middle… Given": given name first, then family, then middle names.
    public static func sortKey(forFullName fullName: String) -> SortKey {
        memo.key(for: fullName, asFullName: true) { makeKey(forFullName: fullName) }
    }

    /// The key of a full name, built afresh: for texts that rarely repeat, such as the names of the files
    /// of a list, where remembering them would only push out the units and mentors that do repeat.
    public static func unmemoisedSortKey(forFullName fullName: String) -> SortKey {
        makeKey(forFullName: fullName)
    }

    private static func makeKey(forFullName fullName: String) -> SortKey {
        if let weights = CollationWeights.composedWeights(of: fullName, asFullName: true) {
            return SortKey(weights: weights, text: fullName, isComposed: true)
        }
        let (scalars, words, isComposed) = CollationWeights.words(of: fullName)
        var weights = CollationWeights(reservingFor: scalars.count, words: words.count)
        if let given = words.last {
            weights.appendWord(decomposed: scalars[given])
        }
        if words.count > 1 {
            weights.appendWord(decomposed: scalars[words[0]])
            for middle in words[1..<(words.count - 1)] {
                weights.appendWord(decomposed: scalars[middle])
            }
        }
        return SortKey(weights: weights.weights, text: fullName, isComposed: isComposed)
    }

    /// The key of ordinary text (a unit, a place): words in the order written.
    public static func sortKey(forText text: String) -> SortKey {
        memo.key(for: text, asFullName: false) { makeKey(forText: text) }
    }

    private static func makeKey(forText text: String) -> SortKey {
        if let weights = CollationWeights.composedWeights(of: text, asFullName: false) {
            return SortKey(weights: weights, text: text, isComposed: true)
        }
        let (scalars, words, isComposed) = CollationWeights.words(of: text)
        var weights = CollationWeights(reservingFor: scalars.count, words: words.count)
        for word in words {
            weights.appendWord(decomposed: scalars[word])
        }
        return SortKey(weights: weights.weights, text: text, isComposed: isComposed)
    }

    /// Keys already built: the lists build one per file for its unit and its mentors, a few texts that
    /// repeat across every file (and sharing one key also shares its arrays). Emptied when full.
    private static let memo = KeyMemo()

    private final class KeyMemo: @unchecked Sendable {
        private let lock = NSLock()
        private var keys: [Entry: SortKey] = [:]
        private static let capacity = 4_096

        /// By bytes: `String` equality is canonical equivalence, and an NFD name must keep its own tie-break.
        private struct Entry: Hashable {
            let bytes: [UInt8]
            let asFullName: Bool
        }

        func key(for text: String, asFullName: Bool, make: () -> SortKey) -> SortKey {
            let entry = Entry(bytes: Array(text.utf8), asFullName: asFullName)
            if let known = lock.withLock({ keys[entry] }) { return known }
            let key = make()
            lock.withLock {
                if keys.count >= Self.capacity { keys.removeAll(keepingCapacity: true) }
                keys[entry] = key
            }
            return key
        }
    }

    /// Whether the person named `a` is listed before the person named `b`.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        sortKey(forFullName: a) < sortKey(forFullName: b)
    }

    /// The dictionary order of two ordinary texts.
    public static func compareWords(_ a: String, _ b: String) -> ComparisonResult {
        let keyA = sortKey(forText: a)
        let keyB = sortKey(forText: b)
        if keyA < keyB { return .orderedAscending }
        if keyB < keyA { return .orderedDescending }
        return .orderedSame
    }
}
