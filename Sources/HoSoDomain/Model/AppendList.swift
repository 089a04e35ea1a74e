/// A list that grows at its end and shares what it held with the copies made before it grew: a file's
/// history and its notes. A save makes a new version of a file while the store still holds the old one;
/// with an `Array`, appending one entry to a history of a thousand copied the thousand (and releasing the
/// old version freed them one by one), so a save cost as much as the file was long (issue 15). Here an
/// append copies at most `chunkSize` elements and a few references, whatever the length.
///
/// The elements are, in order: `base` (the list as decoded, kept as one array: reading a file costs what
/// an `Array` costs), then full `chunks` of `chunkSize` elements that nothing changes once full, then
/// `tail`, the fewer than `chunkSize` elements appended since the last chunk filled. Copies share
/// `base` and the chunks; each has its own short tail.
public struct AppendList<Element: Sendable>: Sendable {
    /// `chunkSize` elements, never changed: copies of the list share it.
    final class Chunk: Sendable {
        let elements: [Element]
        init(_ elements: [Element]) { self.elements = elements }
    }

    static var chunkSize: Int { 32 }

    private(set) var base: [Element]
    private(set) var chunks: [Chunk]
    private(set) var tail: [Element]

    public init() {
        base = []
        chunks = []
        tail = []
    }

    /// The list holding `elements` as they are (not copied).
    public init(_ elements: [Element]) {
        base = elements
        chunks = []
        tail = []
    }

    private var chunked: Int { chunks.count * Self.chunkSize }

    /// The elements appended since the list was made: full chunks go aside, unchanged from then on.
    public mutating func append(_ element: Element) {
        tail.append(element)
        if tail.count == Self.chunkSize {
            chunks.append(Chunk(tail))
            tail = []
        }
    }

    public mutating func append<S: Sequence>(contentsOf elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    /// `body` with each part of the list in order, as a buffer of its elements. An element read through
    /// the list (or its iterator) is a copy, retaining each of its texts; a loop reading one field of each
    /// element through the buffers (a note's date) copies nothing: the check of a file with a long history
    /// is such loops.
    public func forEachPart(_ body: (UnsafeBufferPointer<Element>) throws -> Void) rethrows {
        try base.withUnsafeBufferPointer(body)
        for chunk in chunks { try chunk.elements.withUnsafeBufferPointer(body) }
        try tail.withUnsafeBufferPointer(body)
    }

    /// The elements as one array (a copy when the list has grown since it was made).
    public var array: [Element] {
        if chunks.isEmpty, tail.isEmpty { return base }
        var all = base
        all.reserveCapacity(count)
        for chunk in chunks { all += chunk.elements }
        all += tail
        return all
    }
}

extension AppendList: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { base.count + chunked + tail.count }
    public var count: Int { endIndex }
    public var isEmpty: Bool { base.isEmpty && chunks.isEmpty && tail.isEmpty }

    public subscript(position: Int) -> Element {
        get {
            if position < base.count { return base[position] }
            let offset = position - base.count
            if offset < chunked { return chunks[offset / Self.chunkSize].elements[offset % Self.chunkSize] }
            return tail[offset - chunked]
        }
        set {
            if position < base.count {
                base[position] = newValue
                return
            }
            let offset = position - base.count
            if offset < chunked {
                // A full chunk is shared and never changed: this list gets a changed copy of it.
                var elements = chunks[offset / Self.chunkSize].elements
                elements[offset % Self.chunkSize] = newValue
                chunks[offset / Self.chunkSize] = Chunk(elements)
                return
            }
            tail[offset - chunked] = newValue
        }
    }

    /// Walks the parts one after the other instead of finding each element's part.
    public struct Iterator: IteratorProtocol {
        private let list: AppendList
        private var part = 0
        private var current: IndexingIterator<[Element]>

        init(_ list: AppendList) {
            self.list = list
            current = list.base.makeIterator()
        }

        public mutating func next() -> Element? {
            while true {
                if let element = current.next() { return element }
                part += 1
                if part <= list.chunks.count {
                    current = list.chunks[part - 1].elements.makeIterator()
                } else if part == list.chunks.count + 1 {
                    current = list.tail.makeIterator()
                } else {
                    return nil
                }
            }
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        if chunks.isEmpty, tail.isEmpty { return try base.withUnsafeBufferPointer(body) }
        if base.isEmpty, chunks.isEmpty { return try tail.withUnsafeBufferPointer(body) }
        return nil
    }
}

extension AppendList: RangeReplaceableCollection {
    /// Appending (the one change a history sees) keeps what is shared; any other change makes the list
    /// one array again.
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Element {
        if subrange.isEmpty, subrange.lowerBound == endIndex {
            append(contentsOf: newElements)
            return
        }
        var all = array
        all.replaceSubrange(subrange, with: newElements)
        self = AppendList(all)
    }

    public mutating func reserveCapacity(_ n: Int) {}
}

extension AppendList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension AppendList: Equatable where Element: Equatable {
    public static func == (lhs: AppendList, rhs: AppendList) -> Bool {
        lhs.count == rhs.count && lhs.begins(with: rhs)
    }

    /// Whether the list begins with `prefix`: the parts both share are equal without a look at their
    /// elements (copies of one list share them), the rest is compared element by element.
    public func begins(with prefix: AppendList) -> Bool {
        guard prefix.count <= count else { return false }
        var position = 0
        if Self.sameArray(base, prefix.base) {
            position = prefix.base.count
            for (index, chunk) in prefix.chunks.enumerated() {
                guard index < chunks.count, chunks[index] === chunk else { break }
                position += Self.chunkSize
            }
        }
        var mine = self[position...].makeIterator()
        for element in prefix[position...] where mine.next() != element { return false }
        return true
    }

    private static func sameArray(_ a: [Element], _ b: [Element]) -> Bool {
        guard b.count <= a.count else { return false }
        if b.isEmpty { return true }
        return a.withUnsafeBufferPointer { left in b.withUnsafeBufferPointer { right in left.baseAddress == right.baseAddress } }
    }
}

extension AppendList: Decodable where Element: Decodable {
    /// Decoded as the array it is written as, and kept as that array.
    public init(from decoder: any Decoder) throws {
        self.init(try [Element](from: decoder))
    }
}

extension AppendList: Encodable where Element: Encodable {
    /// Written as a plain JSON array, the same bytes as the `Array` it replaces.
    public func encode(to encoder: any Encoder) throws {
        if chunks.isEmpty, tail.isEmpty { return try base.encode(to: encoder) }
        var container = encoder.unkeyedContainer()
        for element in self { try container.encode(element) }
    }
}
