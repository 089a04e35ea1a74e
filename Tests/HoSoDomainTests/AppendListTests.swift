import Foundation
@testable import HoSoDomain
import Testing

/// `AppendList`: a file's history and notes, which grow with every save and must not be copied by one.
@Suite struct AppendListTests {
    static let size = AppendList<Int>.chunkSize

    /// A list decoded as `decoded`, then grown by `appended` appends.
    static func grown(decoded: Int, appended: Int) -> AppendList<Int> {
        var list = AppendList(Array(0..<decoded))
        for value in decoded..<(decoded + appended) { list.append(value) }
        return list
    }

    @Test(arguments: [(0, 0), (0, 1), (5, 0), (0, 32), (3, 31), (3, 32), (3, 100), (1000, 1000)])
    func holdsTheElementsInOrderHoweverItGrew(decoded: Int, appended: Int) {
        let list = Self.grown(decoded: decoded, appended: appended)
        let expected = Array(0..<(decoded + appended))
        #expect(list.count == expected.count)
        #expect(list.isEmpty == expected.isEmpty)
        #expect(Array(list) == expected)
        #expect(list.array == expected)
        #expect(expected.indices.allSatisfy { list[$0] == expected[$0] })
        #expect(Array(list.reversed()) == Array(expected.reversed()))
        #expect(list.last == expected.last)
        #expect(list.tail.count < Self.size)
        var parts: [Int] = []
        list.forEachPart { parts += $0 }
        #expect(parts == expected)
    }

    @Test func anAppendToACopyLeavesTheOriginalAsItWasAndSharesWhatItHeld() throws {
        let original = Self.grown(decoded: 1000, appended: 100)
        var copy = original
        copy.append(-1)
        #expect(Array(original) == Array(0..<1100))
        #expect(Array(copy) == Array(0..<1100) + [-1])
        // What the original held is shared, not copied: the decoded array and every full chunk.
        #expect(original.base.withUnsafeBufferPointer { $0.baseAddress } == copy.base.withUnsafeBufferPointer { $0.baseAddress })
        #expect(original.chunks.count == 3)
        for (mine, theirs) in zip(original.chunks, copy.chunks) { #expect(mine === theirs) }
    }

    @Test(arguments: [10, 1000 + 40, 1000 + 99])
    func changingAnElementOfACopyLeavesTheOriginalAsItWas(position: Int) {
        let original = Self.grown(decoded: 1000, appended: 100)
        var copy = original
        copy[position] = -7
        #expect(original[position] == position)
        #expect(copy[position] == -7)
        #expect(copy.count == 1100)
        #expect(Array(copy).enumerated().allSatisfy { $0.offset == position ? $0.element == -7 : $0.element == $0.offset })
    }

    @Test func equalListsAreEqualWhateverTheirShapeAndDifferentOnesAreNot() {
        let appended = Self.grown(decoded: 0, appended: 200)
        let decoded = AppendList(Array(0..<200))
        #expect(appended == decoded)
        #expect(decoded == appended)
        var changed = decoded
        changed[150] = 0
        #expect(changed != appended)
        #expect(appended != Self.grown(decoded: 0, appended: 199))
    }

    @Test func beginsWithItsPrefixesOnly() {
        let before = Self.grown(decoded: 40, appended: 70)
        var after = before
        after.append(contentsOf: [1, 2, 3])
        #expect(after.begins(with: before))
        #expect(after.begins(with: AppendList(Array(0..<110))))
        #expect(after.begins(with: []))
        #expect(!before.begins(with: after))
        var other = AppendList(Array(0..<110))
        other[64] = 9
        #expect(!after.begins(with: other))
        // A prefix sharing the decoded part but not the chunks is compared element by element.
        var sibling = AppendList(before.base)
        sibling.append(contentsOf: [40, 41, -1])
        #expect(!after.begins(with: sibling))
        sibling[42] = 42
        #expect(after.begins(with: sibling))
    }

    @Test func changesOtherThanAppendingGiveTheSameListAsAnArrayWould() {
        var list = Self.grown(decoded: 10, appended: 60)
        var array = Array(0..<70)
        list.remove(at: 5)
        array.remove(at: 5)
        list.insert(-3, at: 40)
        array.insert(-3, at: 40)
        list.removeAll { $0.isMultiple(of: 7) }
        array.removeAll { $0.isMultiple(of: 7) }
        #expect(Array(list) == array)
        list.removeAll()
        #expect(list.isEmpty)
    }

    @Test func isWrittenAsThePlainArrayItReplacesAndReadBack() throws {
        let list = Self.grown(decoded: 3, appended: 70)
        let encoder = JSONEncoder()
        #expect(try encoder.encode(list) == encoder.encode(Array(0..<73)))
        #expect(try encoder.encode(AppendList(Array(0..<3))) == encoder.encode([0, 1, 2]))
        let read = try JSONDecoder().decode(AppendList<Int>.self, from: encoder.encode(list))
        #expect(read == list)
        #expect(read.chunks.isEmpty && read.tail.isEmpty)
    }
}
