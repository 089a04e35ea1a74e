import ArgumentParser
import HoSoTerminal

/// Hidden: the terminal driver's self-test screen, driven by the end-to-end tests.
struct TerminalSelfTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_terminal-selftest", shouldDisplay: false)

    func run() throws { try runTerminalSelfTest() }
}
