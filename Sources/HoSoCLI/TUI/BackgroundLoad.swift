import Foundation
import HoSoTUI

/// Reads every file on a thread of its own while the terminal application shows the board it drew from
/// the files' facts: the full open, the application's data and its index. The main thread takes the
/// result once (`take`, at each tick) and from then on is its only user.
final class BackgroundLoad: @unchecked Sendable {
    /// What the application runs on once every file is read.
    struct Loaded {
        let runner: EffectRunner
        let model: ReadModel
    }

    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    // Written once by the loading thread, which never touches the runner again: the runner (and its
    // repository) passes whole to the main thread, which is then its only user.
    private var result: Result<Loaded, any Error>?

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () throws -> Loaded) {
        let thread = Thread { [self] in
            let outcome = Result { try work() }
            lock.withLock { result = outcome }
            done.signal()
        }
        // The index is built on every core; the thread that starts it waits most of the time.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result once the work ended (taken once); nil while it runs.
    func take() -> Result<Loaded, any Error>? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }

    /// Waits for the work to end and takes its result (at most once).
    func wait() throws -> Loaded {
        done.wait()
        guard let outcome = take() else { throw Failure.error("Đã lấy kết quả đọc dữ liệu.") }
        return try outcome.get()
    }
}
