import ArgumentParser
import HoSoTerminal

/// The root command of `hoso`.
public struct HoSoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hoso", abstract: "HoSo", subcommands: [TerminalSelfTestCommand.self])
    public init() {}
    public func run() throws {}
}

/// Hidden: the terminal driver's self-test screen, driven by the end-to-end tests.
struct TerminalSelfTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_terminal-selftest", shouldDisplay: false)
    func run() throws { try runTerminalSelfTest() }
}
