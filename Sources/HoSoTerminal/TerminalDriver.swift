import CNcursesw
import Foundation
import HoSoTUI
#if canImport(Glibc)
import Glibc
#endif

/// Runs a `TerminalApp` on the real terminal through ncursesw: paints its frames, feeds it keys,
/// mouse clicks, resizes and ticks, and restores the terminal however the run ends.
///
/// Ctrl-C, Ctrl-S and Ctrl-Z reach the app as `.ctrl(…)` keys (raw mode): Ctrl-S must save a form
/// rather than freeze the terminal, and Ctrl-C must let the app ask before dropping unsaved edits.
/// SIGINT, SIGTERM and SIGHUP sent from outside end the run with `.signal`.
@MainActor
public final class TerminalDriver {
    /// Settings of a run.
    public struct Options: Sendable {
        /// Below this size the app is replaced by the "Cửa sổ quá nhỏ" message.
        public var minimumSize: Size
        /// Whether clicks and the wheel are reported.
        public var mouse: Bool
        /// How often `tick()` is called while idle.
        public var tickInterval: Duration

        /// The design defaults: 80×24, mouse on, a tick every second.
        public init(minimumSize: Size = TooSmallScreen.minimumSize, mouse: Bool = true,
                    tickInterval: Duration = .seconds(1)) {
            self.minimumSize = minimumSize
            self.mouse = mouse
            self.tickInterval = tickInterval
        }
    }

    /// Why a run ended.
    public enum ExitReason: Hashable, Sendable {
        /// The app returned `.quit`.
        case quit
        /// SIGINT, SIGTERM or SIGHUP arrived; exit with status 128 + the signal number.
        case signal(Int32)
    }

    /// The terminal cannot be used (not a terminal, unknown `TERM`).
    public struct StartError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    private let options: Options
    private var painter = TerminalPainter()
    private var palette: TerminalPalette?
    private var size = Size(width: 0, height: 0)

    /// A driver with `options`.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Runs `app` until it quits or a stop signal arrives; the terminal is restored on return.
    public func run<App: TerminalApp>(_ app: inout App) throws -> ExitReason {
        try start()
        defer { TerminalRestore.deactivate() }
        var lastTick = ContinuousClock.now
        _ = app.handle(.resize(width: size.width, height: size.height))
        while true {
            paintFrame(of: app)
            // Work behind the frame is looked at every 50 ms, not only when a second has passed.
            let waiting = app.isWaiting
            wtimeout(nc_stdscr(), waiting ? 50 : 250)
            let key = readKey()
            if let signal = TerminalRestore.receivedSignal { return .signal(signal) }
            var commands: [AppCommand] = []
            if let key {
                if case .resize(let width, let height) = key {
                    size = Size(width: width, height: height)
                    painter.invalidate()
                }
                if shouldDeliver(key) { commands += app.handle(key) }
            }
            if waiting || ContinuousClock.now - lastTick >= options.tickInterval {
                lastTick = .now
                commands += app.tick()
            }
            for command in commands {
                switch command {
                case .quit: return .quit
                case .bell: beep()
                case .redraw:
                    clearok(nc_stdscr(), true)
                    painter.invalidate()
                }
            }
        }
    }

    private func start() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw StartError(description: "Không phải terminal: hãy chạy trong một cửa sổ terminal.")
        }
        setlocale(LC_ALL, "")
        if String(cString: nc_codeset()) != "UTF-8" {
            // LANG is often unset on servers; C.UTF-8 is the UTF-8 locale every glibc has.
            setlocale(LC_ALL, "C.UTF-8")
        }
        let environment = ProcessInfo.processInfo.environment
        if environment["ESCDELAY"] == nil { nc_set_escdelay(25) }
        TerminalRestore.activate()
        guard newterm(nil, fdopen(1, "w"), fdopen(0, "r")) != nil else {
            TerminalRestore.deactivate()
            throw StartError(description: "Không mở được terminal (TERM=\(environment["TERM"] ?? "")).")
        }
        raw()
        noecho()
        nonl()
        keypad(nc_stdscr(), true)
        wtimeout(nc_stdscr(), 250)
        curs_set(0)
        if options.mouse {
            mousemask(nc_mouse_clicks(), nil)
            mouseinterval(0)
        }
        palette = TerminalPalette(environment: environment)
        size = currentSize()
    }

    private func currentSize() -> Size {
        var rows: Int32 = 0, cols: Int32 = 0
        nc_getmaxyx(nc_stdscr(), &rows, &cols)
        return Size(width: Int(cols), height: Int(rows))
    }

    private func paintFrame<App: TerminalApp>(of app: App) {
        guard let palette else { return }
        let frame: CellBuffer
        if TooSmallScreen.isTooSmall(size, minimum: options.minimumSize) {
            frame = TooSmallScreen.render(size: size, minimum: options.minimumSize)
        } else {
            frame = app.render(width: size.width, height: size.height)
        }
        painter.paint(frame, palette: palette)
    }

    /// While the screen is too small the app is not visible, so only a resize or Ctrl-C may reach it.
    private func shouldDeliver(_ key: Key) -> Bool {
        guard TooSmallScreen.isTooSmall(size, minimum: options.minimumSize) else { return true }
        switch key {
        case .resize, .ctrl("c"): return true
        default: return false
        }
    }

    /// Waits up to the poll timeout for one key; `nil` when none came.
    private func readKey() -> Key? {
        var code: wint_t = 0
        let status = wget_wch(nc_stdscr(), &code)
        if status == KEY_CODE_YES {
            switch Int32(code) {
            case KEY_RESIZE:
                let newSize = currentSize()
                return .resize(width: newSize.width, height: newSize.height)
            case KEY_MOUSE:
                return readMouse()
            default:
                return KeyDecoder.functionKey(Int32(code))
            }
        }
        guard status == OK else { return nil }
        return KeyDecoder.character(UInt32(code))
    }

    private func readMouse() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let kind: MouseEvent.Kind
        if nc_mouse_is_wheel_up(state) != 0 {
            kind = .scrollUp
        } else if nc_mouse_is_wheel_down(state) != 0 {
            kind = .scrollDown
        } else if nc_mouse_is_left(state) != 0 {
            kind = .leftClick
        } else if nc_mouse_is_middle(state) != 0 {
            kind = .middleClick
        } else if nc_mouse_is_right(state) != 0 {
            kind = .rightClick
        } else {
            return nil
        }
        return .mouse(MouseEvent(row: Int(event.y), col: Int(event.x), kind: kind))
    }
}
