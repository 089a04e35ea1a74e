import ArgumentParser
import Foundation
import HoSoDomain
import HoSoStorage

/// An error a user can cause, with the exit code the issue fixes: 1 for an error, 3 for a refusal
/// by a rule. The message is Vietnamese and says what to do; no Swift error is ever dumped.
struct Failure: Error {
    let message: String
    let exitCode: Int32
    /// Machine-readable detail for `--json` (the unmet requirements of a refused step).
    var requirements: [Requirement] = []

    static func error(_ message: String) -> Failure { Failure(message: message, exitCode: 1) }

    init(message: String, exitCode: Int32, requirements: [Requirement] = []) {
        self.message = message
        self.exitCode = exitCode
        self.requirements = requirements
    }

    init(_ error: ServiceError) {
        switch error {
        case .workflow(let workflow):
            switch workflow {
            case .refused(_, _, let unmet):
                self.init(message: workflow.message, exitCode: 3, requirements: unmet)
            case .notAllowed:
                self.init(message: workflow.message, exitCode: 3)
            case .invalidInput:
                self.init(message: workflow.message, exitCode: 1)
            }
        default:
            self.init(message: error.message, exitCode: 1)
        }
    }
}

/// Runs a command body, turning every failure into its message on stderr and its exit code.
func reportingFailures(json: Bool = false, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        if json, !failure.requirements.isEmpty {
            let payload = RefusalJSON(message: failure.message, unmet: failure.requirements)
            print(String(decoding: try JSONOutput.encode(payload), as: UTF8.self))
        }
        printError(failure.message)
        throw ExitCode(failure.exitCode)
    } catch let error as ServiceError {
        try reportingFailures(json: json) { throw Failure(error) }
    } catch let error as RepositoryError {
        printError(error.message)
        throw ExitCode(1)
    }
}

struct RefusalJSON: Encodable {
    let message: String
    let unmet: [Requirement]
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data(("hoso: " + message + "\n").utf8))
}

enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func print(_ value: some Encodable) throws {
        Swift.print(String(decoding: try encode(value), as: UTF8.self))
    }
}
