import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage

#if canImport(Glibc)
import Glibc
#endif

/// The data directory opened by a signed-in person: every command reads and writes through it, so
/// the roles are checked the same way whatever the command.
struct Session {
    let repository: Repository
    let account: Account
    let access: Access
    let systemUser: String
    /// `--today`, else the day in Vietnam now: nothing is recorded after it.
    let today: CivilDate

    var service: CaseService {
        CaseService(repository: repository, access: access, systemUser: systemUser, today: today)
    }

    var units: UnitService {
        UnitService(repository: repository, access: access, systemUser: systemUser, today: today)
    }

    /// The name the history records for this person's changes.
    var actor: String { account.signature }

    /// Throws the refusal (exit code 4, recorded) unless the person may do `permission` somewhere.
    func require(_ permission: Permission, inUnit unit: UnitID? = nil) throws {
        do {
            try service.authorize(permission, inUnit: unit)
        } catch {
            throw Failure(error)
        }
    }

    /// Throws the refusal unless the person may do `permission` for every unit: on a server, a backup holds
    /// and a restore replaces the files of every unit (a directory is its one owner's, so there it is `require`).
    func requireOverWholeData(_ permission: Permission) throws {
        try require(permission)
        guard repository.serverRole != nil else { return }
        do {
            try service.authorizeOverWholeData(permission)
        } catch {
            throw Failure(error)
        }
    }
}

enum SystemUser {
    /// The login of the real user id: `$USER` can be set to anything, the password database cannot.
    static var name: String { login(of: getuid()) }

    /// The login of user id `uid` in the password database, or the number when it has none.
    static func login(of uid: uid_t) -> String {
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(uid)
    }
}

enum PassphrasePrompt {
    /// The passphrase for `--as`: `$HOSO_PASSPHRASE` (scripts), else asked on the terminal without echo,
    /// else one line of standard input.
    static func passphrase(for account: String) -> Answer? {
        if let fromEnvironment = ProcessInfo.processInfo.environment["HOSO_PASSPHRASE"] {
            return Answer(text: fromEnvironment, typedAtTerminal: false)
        }
        if let typed = ask("Mật khẩu của \(account): ") { return Answer(text: typed, typedAtTerminal: true) }
        return Swift.readLine(strippingNewline: true).map { Answer(text: $0, typedAtTerminal: false) }
    }

    /// A passphrase, and whether a person typed it at the terminal (who can be asked again).
    struct Answer {
        let text: String
        let typedAtTerminal: Bool
    }

    /// Asks on the controlling terminal without echo; nil when there is none.
    static func ask(_ prompt: String) -> String? {
        let terminal = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }
        return ask(on: terminal, prompt: prompt)
    }

    private static func ask(on descriptor: Int32, prompt: String) -> String? {
        var saved = termios()
        let canHideEcho = tcgetattr(descriptor, &saved) == 0
        if canHideEcho {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(descriptor, TCSAFLUSH, &quiet)
        }
        defer {
            if canHideEcho { tcsetattr(descriptor, TCSAFLUSH, &saved) }
            _ = "\n".withCString { write(descriptor, $0, 1) }
        }
        _ = prompt.withCString { write(descriptor, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(descriptor, &byte, 1) == 1, byte != 0x0A, byte != 0x0D {
            bytes.append(byte)
            if bytes.count > 1024 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
