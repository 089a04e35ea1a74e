/// A failure of the repository, with the Vietnamese message a clerk reads.
public struct RepositoryError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// Another terminal changed the record since it was read: reload and redo the edit.
    public let isConflict: Bool
    /// The underlying store error, when there is one (for tests and logs; never shown raw).
    public let storeError: StoreError?

    public init(message: String, isConflict: Bool = false, storeError: StoreError? = nil) {
        self.message = message
        self.isConflict = isConflict
        self.storeError = storeError
    }

    init(_ error: StoreError) {
        guard case .conflict(let id, let expected, let actual, let changedBy, let changedAt) = error else {
            self.init(message: error.message, storeError: error)
            return
        }
        // The clerk knows the file as "HS-0001", not by the store's "case/HS-0001".
        let shown = StoreError.conflict(
            id: StoredItem.displayID(id), expected: expected, actual: actual, changedBy: changedBy, changedAt: changedAt)
        self.init(message: shown.message, isConflict: true, storeError: error)
    }

    public var description: String { message }
}
