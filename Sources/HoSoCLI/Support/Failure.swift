import ArgumentParser
import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage
import Synchronization

/// An error a user can cause, with the exit code the issue fixes: 1 for an error, 3 for a refusal
/// by a rule, 4 for
/// what the person's roles do not allow. The message is Vietnamese and says what to do; no Swift error is ever dumped.
struct Failure: Error {
    let message: String
    let exitCode: Int32
    /// Machine-readable detail for `--json` (the unmet requirements of a refused step).
    var requirements: [Requirement] = []

    static func error(_ message: String) -> Failure { Failure(message: message, exitCode: 1) }

    /// The exit code of an action the person's roles do not allow (or a sign-in refused).
    static let notPermitted: Int32 = 4

    static func denied(_ message: String) -> Failure { Failure(message: message, exitCode: notPermitted) }

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
            case .notAllowed, .stateMoved, .conflict:
                self.init(message: workflow.message, exitCode: 3)
            case .invalidInput:
                self.init(message: workflow.message, exitCode: 1)
            case .notPermitted:
                self.init(message: workflow.message, exitCode: Failure.notPermitted)
            }
        case .caseNotFound(let id):
            // To a person who does not see every file, a missing number gets the answer a file outside
            // their lists gets (the same words, the same exit code): neither tells whether the file exists.
            if let access = SignedIn.access, !access.seesEveryFile {
                self.init(message: access.unseenFile(id).message, exitCode: Failure.notPermitted)
            } else {
                self.init(message: error.message, exitCode: 1)
            }
        default:
            self.init(message: error.message, exitCode: 1)
        }
    }
}

/// Who this process signed in, for the answer to a file number that does not exist (see `Failure`).
enum SignedIn {
    private static let current = Mutex<Access?>(nil)

    static var access: Access? { current.withLock { $0 } }

    static func remember(_ access: Access) { current.withLock { $0 = access } }
}

/// Runs a command body; with `--json`, a refusal's unmet requirements are also printed as JSON on stdout.
/// The message and the exit code are `HoSoMain`'s job, for every command alike.
func reportingFailures(json: Bool = false, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ServiceError {
        throw try printingRequirements(Failure(error), json: json)
    } catch let failure as Failure {
        throw try printingRequirements(failure, json: json)
    }
}

private func printingRequirements(_ failure: Failure, json: Bool) throws -> Failure {
    if json, !failure.requirements.isEmpty {
        print(String(decoding: try JSONOutput.encode(RefusalJSON(message: failure.message, unmet: failure.requirements)), as: UTF8.self))
    }
    return failure
}

struct RefusalJSON: Encodable {
    let message: String
    let unmet: [Requirement]
}

func printError(_ message: String) {
    writeToStandardError("hoso: " + message)
}

/// Every message HoSo writes on standard error goes through here: a message may quote what a person
/// typed or what a file holds, so control characters (an `ESC ]` title sequence, a bidi override) are
/// shown as visible placeholders, once for all, and no message can drive the terminal.
func writeToStandardError(_ text: String) {
    FileHandle.standardError.write(Data((VietnameseText.sanitizedMultiLineForDisplay(text) + "\n").utf8))
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
