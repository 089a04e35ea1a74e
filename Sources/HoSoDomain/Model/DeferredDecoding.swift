import Foundation

/// A decoder that may hand a value over undecoded, with a closure that decodes it when it is first
/// needed. The store's loader is one: a file's history is two thirds of its bytes, and only a file that
/// is opened needs it, so a list of ten thousand files should not pay for ten thousand histories.
public protocol DeferringDecoder: Decoder {
    /// A closure decoding the value at this decoder's position later, or nil to decode it now.
    func deferredDecoding<T: Decodable & Sendable>(of type: T.Type) -> (@Sendable () throws -> T)?
}

/// A value decoded on first use, once, whichever thread asks first; copies of the owner share it.
final class DeferredCell<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case ready(Value)
        case pending(@Sendable () throws -> Value)
        /// Decoding failed: kept so every reader sees the same failure and nothing is decoded twice.
        case unreadable(String)
    }

    private let lock = NSLock()
    private var state: State

    init(_ value: Value) { state = .ready(value) }

    init(pending decode: @escaping @Sendable () throws -> Value) { state = .pending(decode) }

    /// The value, decoding it now if nobody has.
    func get() -> Result<Value, DeferredDecodingFailure> {
        lock.withLock {
            switch state {
            case .ready(let value):
                return .success(value)
            case .unreadable(let reason):
                return .failure(DeferredDecodingFailure(reason: reason))
            case .pending(let decode):
                do {
                    let value = try decode()
                    state = .ready(value)
                    return .success(value)
                } catch {
                    let reason = (error as? DeferredDecodingFailure)?.reason ?? String(describing: error)
                    state = .unreadable(reason)
                    return .failure(DeferredDecodingFailure(reason: reason))
                }
            }
        }
    }

    /// Appends `elements` to the decoded list where it is; false (nothing done) when it is not decoded.
    /// For a holder of the only reference to this cell: copies share the cell, and would all see it grow.
    func appendInPlace(_ elements: [Value.Element]) -> Bool where Value: RangeReplaceableCollection {
        lock.withLock {
            guard case .ready(var list) = state else { return false }
            // The cell lets go of the list first, so that it is held once and grows without a copy.
            state = .unreadable("")
            list += elements
            state = .ready(list)
            return true
        }
    }

    /// Whether the value has been decoded (or was given decoded); for tests of the loader's laziness.
    var isDecoded: Bool {
        lock.withLock {
            if case .ready = state { return true }
            return false
        }
    }
}

/// Why a deferred value could not be decoded, in words that name the place in the stored file.
public struct DeferredDecodingFailure: Error, Sendable, Equatable {
    public let reason: String

    public init(reason: String) { self.reason = reason }
}

/// A part of a file as stored (its history, its background checks): decoded when first read (see
/// `DeferringDecoder`), encoded as the plain value, so the stored bytes are the same whether or not it
/// was ever decoded.
struct DeferredField<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    private var cell: DeferredCell<Value>
    /// For a list not read yet that elements were appended to: the appends, as an `AppendChain` of its
    /// type (see `appending`); nil otherwise.
    private let appended: (any Sendable)?

    init(_ value: Value) {
        cell = DeferredCell(value)
        appended = nil
    }

    init(from decoder: any Decoder) throws {
        if let deferring = decoder as? any DeferringDecoder, let decode = deferring.deferredDecoding(of: Value.self) {
            cell = DeferredCell(pending: decode)
        } else {
            cell = DeferredCell(try Value(from: decoder))
        }
        appended = nil
    }

    /// Encoding an unreadable part fails rather than writing an empty one: a compaction or backup must
    /// never turn "could not read" into "had none".
    func encode(to encoder: any Encoder) throws {
        try cell.get().get().encode(to: encoder)
    }

    /// The value, or `empty` when it cannot be read (`problem` then says why).
    func value(or empty: Value) -> Value { (try? cell.get().get()) ?? empty }

    var problem: String? {
        if case .failure(let failure) = cell.get() { return failure.reason }
        return nil
    }

    var isDecoded: Bool { cell.isDecoded }

    /// The value, or the failure that kept it from being read.
    var result: Result<Value, DeferredDecodingFailure> { cell.get() }

    /// Whether both are one part (copies of one file): equal without reading either.
    func isSame(as other: DeferredField) -> Bool { cell === other.cell }

    /// This part with `elements` after its last element; a part not read yet stays unread until it is.
    /// Appends to an unread part are linked, not nested: a file saved a thousand times since the last
    /// compaction (a thousand journal patches applied at load) reads its list once, in one pass, where each
    /// append copying or wrapping the one before made reading it quadratic.
    func appending(_ elements: [Value.Element]) -> DeferredField where Value: RangeReplaceableCollection, Value.Element: Sendable {
        if cell.isDecoded, case .success(var value) = cell.get() {
            value.append(contentsOf: elements)
            return DeferredField(value)
        }
        let previous = appended as? AppendChain<Value>
        let link = AppendChain(root: previous?.root ?? cell, previous: previous, elements: elements)
        return DeferredField(cell: DeferredCell(pending: { 
            var list = try link.root.get().get()
            list.append(contentsOf: link.appendedInOrder())
            return list
        }), appended: link)
    }

    /// `appending`, in place: a decoded list held by this part alone grows where it is (a journal's
    /// patches applied one after another to a file read once), instead of being copied at each append.
    mutating func append(_ elements: [Value.Element]) where Value: RangeReplaceableCollection, Value.Element: Sendable {
        if appended == nil, isKnownUniquelyReferenced(&cell), cell.appendInPlace(elements) { return }
        self = appending(elements)
    }

    private init(cell: DeferredCell<Value>, appended: (any Sendable)? = nil) {
        self.cell = cell
        self.appended = appended
    }

    static func == (lhs: DeferredField, rhs: DeferredField) -> Bool {
        if lhs.cell === rhs.cell { return true }
        switch (lhs.cell.get(), rhs.cell.get()) {
        case (.success(let left), .success(let right)): return left == right
        case (.failure(let left), .failure(let right)): return left == right
        default: return false
        }
    }
}

/// Elements appended to a list not read yet, one link per append, newest last; `root` is the list as
/// stored. Immutable, so copies of a file share their common links.
final class AppendChain<Value: RangeReplaceableCollection & Sendable>: Sendable where Value.Element: Sendable {
    let root: DeferredCell<Value>
    let previous: AppendChain?
    let elements: [Value.Element]

    init(root: DeferredCell<Value>, previous: AppendChain?, elements: [Value.Element]) {
        self.root = root
        self.previous = previous
        self.elements = elements
    }

    /// Every appended element, oldest first.
    func appendedInOrder() -> [Value.Element] {
        var links: [AppendChain] = []
        var link: AppendChain? = self
        while let current = link {
            links.append(current)
            link = current.previous
        }
        var all: [Value.Element] = []
        all.reserveCapacity(links.reduce(0) { $0 + $1.elements.count })
        for link in links.reversed() { all += link.elements }
        return all
    }
}
