import Foundation

/// Runs the built `hoso` to completion (posix_spawn, like the tmux harness) and returns its output.
public enum HosoRun {
    /// `hoso arguments…`; throws with the output when it exits non-zero.
    @discardableResult
    public static func run(_ arguments: [String]) throws -> String {
        let result = try TmuxProcess.run([try hosoExecutablePath()] + arguments)
        guard result.status == 0 else {
            throw TmuxError("hoso \(arguments.joined(separator: " ")) thoát với mã \(result.status): \(result.output)")
        }
        return result.output
    }

    /// A fresh temporary data directory path (not created).
    public static func temporaryDataDirectory() -> String {
        NSTemporaryDirectory() + "hoso-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    }
}
