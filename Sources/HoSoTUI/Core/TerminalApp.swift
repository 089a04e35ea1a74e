/// What an app asks the terminal driver to do after handling a key or a tick.
public enum AppCommand: Hashable, Sendable {
    /// Leave the program (the driver restores the terminal first).
    case quit
    /// Ring the terminal bell (a refused key).
    case bell
    /// Clear and repaint everything, as Ctrl-L does in most programs.
    case redraw
}

/// An interactive program the terminal driver can run: a reducer over keys plus a pure view.
/// The driver owns every side effect on the terminal; the app owns its state.
public protocol TerminalApp {
    /// Updates the state for one event and says what the driver should do.
    mutating func handle(_ key: Key) -> [AppCommand]
    /// Draws the current state into a buffer of exactly this size.
    func render(width: Int, height: Int) -> CellBuffer
    /// Called about once a second while idle, to notice changes made by other processes; at every turn
    /// of the loop (a few times a second) while `isWaiting`.
    mutating func tick() -> [AppCommand]
    /// Whether work runs behind the frame (the files being read) whose end a tick should notice soon.
    var isWaiting: Bool { get }
}

extension TerminalApp {
    /// No periodic work by default.
    public mutating func tick() -> [AppCommand] { [] }

    public var isWaiting: Bool { false }
}
