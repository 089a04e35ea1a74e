import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs tmux and the shell commands of the harness, with stdout and stderr together.
enum TmuxProcess {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let result = try ChildProcess.run(arguments, mergingStandardError: true)
        return Result(status: result.status, output: result.standardOutput)
    }

    /// Whether `program` is on the PATH.
    static func isInstalled(_ program: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(program)"]).status) == 0
    }
}

/// A failure of the tmux harness, with the screen when there is one.
public struct TmuxError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
