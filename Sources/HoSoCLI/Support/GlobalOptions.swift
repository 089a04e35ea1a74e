import ArgumentParser
import Foundation
import HoSoApplication
import HoSoDomain
import HoSoStorage

/// Where the data lives and who is acting: shared by every command that reads or writes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Thư mục dữ liệu, hoặc địa chỉ máy chủ PostgreSQL postgresql://người-dùng@máy/csdl (mặc định: $HOSO_DATA, hoặc ~/.local/share/hoso).",
            valueName: "DIR|URL"))
    var data: String?

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Đăng nhập là người dùng khác trên máy dùng chung (mã trong hoso people list); cần mật khẩu của người đó, "
                + "hỏi trên terminal hoặc lấy từ biến HOSO_PASSPHRASE. Mặc định: người gắn với tài khoản máy tính.",
            valueName: "MÃ"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("Ngày hôm nay để tính hạn (mặc định: ngày hiện tại, giờ Việt Nam).", valueName: "DATE"))
    var today: CivilDate?

    var dataDirectory: String { DataLocation.resolve(explicit: data) }

    /// Who signs the first records of a new data directory: the operating-system login.
    var creatorName: String { SystemUser.name }

    var currentDate: CivilDate { today ?? Clock.todayInVietnam() }

    /// `readingCasesWhere`: decode only the case files it admits (a read-only command over a few files).
    /// `withoutFiles`: units, members and people only, on either backend (a command that touches no file).
    func openRepository(readingCasesWhere admits: (@Sendable (CaseProbe) -> Bool)? = nil, withoutFiles: Bool = false) throws -> Repository {
        try Self.openRepository(at: dataDirectory, withoutFiles: withoutFiles, readingCasesWhere: admits)
    }

    /// The data at `location` (a directory or a server): every file, only those `admits` accepts, or
    /// (`withoutFiles`) none — units, members and people only.
    /// `readingOnly`: that file alone, found through the index (a command on one file), and of the
    /// organisation only its units and the members it needs: those the file and its unit name, and
    /// `naming` (the members the command names).
    static func openRepository(
        at location: String, withoutFiles: Bool = false, readingOnly id: CaseID? = nil, naming: Set<MemberID> = [],
        readingCasesWhere admits: (@Sendable (CaseProbe) -> Bool)? = nil, readingMembers: Bool = true
    ) throws -> Repository {
        try DataDirectoryOwner.refuseOtherLogin(location)
        do {
            let repository: Repository
            if withoutFiles {
                repository = try DataBackend.openForReports(location)
            } else if let id {
                repository = try DataBackend.open(location, aroundFile: id, naming: naming)
            } else {
                repository = try DataBackend.open(location, readingCasesWhere: admits, readingMembers: readingMembers)
            }
            OpenedStores.remember(repository)
            return repository
        } catch {
            if case .insecurePermissions? = error.storeError {
                // Recorded so the clerk learns that the files were exposed, not only that HoSo stopped.
                AuditLog.record(
                    AuditEvent(kind: .insecureDirectory, account: nil, systemUser: SystemUser.name), inDirectory: location)
            }
            throw Failure.error(error.message)
        }
    }

    /// Signs in decoding only the case file `id`: a command on one file does not read the others, nor the
    /// units and members it does not need (`naming`: the members the command names; see `openRepository`).
    func signIn(readingOnly id: CaseID, naming: Set<MemberID> = []) throws -> Session {
        try signIn(opened: try Self.openRepository(at: dataDirectory, readingOnly: id, naming: naming))
    }

    /// Opens the data and signs in the person at the terminal (refused: exit code 4, recorded).
    /// `opened`: the repository when the command already has it (the demo it just created).
    /// `withoutFiles`: open units, members and people only (the terminal application, which reads the
    /// files behind its first frame).
    /// `readingMembers` false: with `admits`, no member is read either (`case list`).
    func signIn(
        opened: Repository? = nil, withoutFiles: Bool = false, readingCasesWhere admits: (@Sendable (CaseProbe) -> Bool)? = nil,
        readingMembers: Bool = true
    ) throws -> Session {
        let repository = try opened
            ?? Self.openRepository(at: dataDirectory, withoutFiles: withoutFiles, readingCasesWhere: admits, readingMembers: readingMembers)
        // On a server the person is their database role, as on one machine they are their login.
        let systemUser = repository.serverRole ?? SystemUser.name
        let requested = actor.flatMap { $0.isEmpty ? nil : AccountID($0) }
        let account = try Self.signIn(repository: repository, systemUser: systemUser, requested: requested) {
            PassphrasePrompt.passphrase(for: requested?.rawValue ?? "")
        }
        let access = Access(account: account, organisation: repository.organisation)
        SignedIn.remember(access)
        return Session(repository: repository, account: account, access: access, systemUser: systemUser, today: currentDate)
    }

    /// Signs in, asking the passphrase again after a wrong one typed at the terminal: up to
    /// `SignIn.attemptsBeforeLock` tries, each recorded; the last wrong one locks the person as always.
    /// A passphrase from `$HOSO_PASSPHRASE` or standard input is tried once (asking again would only
    /// repeat it and lock the person). Any other refusal (locked, unknown person, no passphrase) ends at once.
    /// `passphrase`: the answer and whether it was typed at the terminal. `told`: a wrong try's message.
    static func signIn(
        repository: Repository, systemUser: String, requested: AccountID?,
        passphrase: () -> PassphrasePrompt.Answer?, told: (String) -> Void = printError
    ) throws -> Account {
        var tries = 0
        while true {
            tries += 1
            let failedBefore = requested.flatMap { repository.accounts[$0]?.failedAttempts } ?? 0
            var typedAtTerminal = false
            do {
                return try SignIn(repository: repository, systemUser: systemUser).account(requested: requested) {
                    let answer = passphrase()
                    typedAtTerminal = answer?.typedAtTerminal ?? false
                    return answer?.text
                }
            } catch {
                // A wrong passphrase, and only that, leaves the person's count of wrong tries one higher
                // and them not locked: the refusal is judged from what was stored, not from its wording.
                let after = requested.flatMap { repository.accounts[$0] }
                let wrongTry = after.map { $0.failedAttempts == failedBefore + 1 && $0.lockedUntil == nil } ?? false
                guard typedAtTerminal, wrongTry, tries < SignIn.attemptsBeforeLock else {
                    throw Failure.denied(error.message)
                }
                told(error.message)
            }
        }
    }
}

enum DataLocation {
    /// `--data`, then `$HOSO_DATA`, then `$XDG_DATA_HOME/hoso`, then `~/.local/share/hoso`.
    static func resolve(explicit: String?) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit) }
        let environment = ProcessInfo.processInfo.environment
        if let fromEnvironment = environment["HOSO_DATA"], !fromEnvironment.isEmpty { return absolute(fromEnvironment) }
        return dataHome() + "/hoso"
    }

    static func dataHome() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return absolute(xdg) }
        return home() + "/.local/share"
    }

    /// `$HOME` as the shell has it (Foundation's `NSHomeDirectory()` reads the password database instead).
    static func home() -> String {
        let fromEnvironment = ProcessInfo.processInfo.environment["HOME"] ?? ""
        return fromEnvironment.isEmpty ? NSHomeDirectory() : fromEnvironment
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") || DataBackend.isServer(path) { return path }
        if path.hasPrefix("~/") { return home() + path.dropFirst() }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}

enum Clock {
    /// Today's date in Vietnam (UTC+7), whatever the machine's time zone: the date on the paperwork.
    static func todayInVietnam() -> CivilDate {
        let seconds = Int(Date().timeIntervalSince1970) + 7 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CivilDate(julianDay: 2_440_588 + days)
    }
}
