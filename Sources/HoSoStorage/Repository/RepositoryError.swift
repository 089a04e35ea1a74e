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
        var isConflict = false
        if case .conflict = error { isConflict = true }
        self.init(message: error.message, isConflict: isConflict, storeError: error)
    }

    public var description: String { message }
}
