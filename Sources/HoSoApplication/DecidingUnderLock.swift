import HoSoStorage

extension Repository {
    /// Runs a service's `attempt` (read, decide, save) under the store's write lock on the data as
    /// committed now, passing on the service's own refusal or the store's failure.
    func decidingUnderLock<T>(_ attempt: () throws(ServiceError) -> T) throws(ServiceError) -> T {
        let outcome: Result<T, ServiceError>
        do {
            outcome = try exclusively { () -> Result<T, ServiceError> in
                do throws(ServiceError) {
                    return .success(try attempt())
                } catch {
                    return .failure(error)
                }
            }
        } catch {
            throw .storage(error)
        }
        return try outcome.get()
    }
}
