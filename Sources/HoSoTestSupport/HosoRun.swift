import Foundation

/// Runs the built `hoso` to completion (posix_spawn, like the tmux harness) and returns its output.
public enum HosoRun {
    /// `hoso arguments…` with `environment` added (HOSO_PASSPHRASE…); throws with the output when it exits non-zero.
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let result = try ChildProcess.run([try hosoExecutablePath()] + arguments, environment: environment,
                                          mergingStandardError: true)
        guard result.status == 0 else {
            throw TmuxError("hoso \(arguments.joined(separator: " ")) thoát với mã \(result.status): \(result.standardOutput)")
        }
        return result.standardOutput
    }

    /// A fresh temporary data directory path (not created).
    public static func temporaryDataDirectory() -> String {
        NSTemporaryDirectory() + "hoso-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    }
}
