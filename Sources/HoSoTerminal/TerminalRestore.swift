import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

// Written from signal handlers, so they cannot live on an actor; each is a single word.
nonisolated(unsafe) private var cursesActive = false
nonisolated(unsafe) private var pendingSignal: Int32 = 0
nonisolated(unsafe) private var savedCrashActions = Array<sigaction>(repeating: .init(), count: 65)
nonisolated(unsafe) private var handlersInstalled = false

/// Leaves curses mode once: back to the normal screen, cursor shown, echo on.
func restoreTerminalNow() {
    guard cursesActive else { return }
    cursesActive = false
    endwin()
}

/// Keeps the terminal usable whatever ends the program: a normal exit (atexit), SIGINT/SIGTERM/SIGHUP
/// (noted, so the run loop restores and leaves) and a crash (restored, then the signal goes on to
/// the handler that was there before, e.g. Swift's backtracer, so the crash report still prints).
enum TerminalRestore {
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]

    /// Installs the handlers (once per process) and marks curses as active.
    static func activate() {
        pendingSignal = 0
        cursesActive = true
        guard !handlersInstalled else { return }
        handlersInstalled = true
        atexit { restoreTerminalNow() }
        for signal in stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { pendingSignal = $0 }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                restoreTerminalNow()
                var previous = savedCrashActions[Int(signal)]
                sigaction(signal, &previous, nil)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, &savedCrashActions[Int(signal)])
        }
    }

    /// The stop signal received since activation, if any.
    static var receivedSignal: Int32? { pendingSignal == 0 ? nil : pendingSignal }

    /// Restores the terminal now.
    static func deactivate() { restoreTerminalNow() }
}
