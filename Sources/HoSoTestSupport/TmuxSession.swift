import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running in its own private tmux server at a fixed size, driven like a person would:
/// keys in, screen text out. The server dies with the session.
public final class TmuxSession {
    /// The tmux command prefix for this session's private server.
    private let tmux: [String]
    private let target = "hoso:0.0"
    private let configPath: String
    private let statusPath: String
    private var stopped = false

    /// Starts `arguments` (program first) in a `width` × `height` pane with `LANG=C.UTF-8`, a
    /// 256-colour TERM and `environment`. Throws when tmux is missing (install it: `apt-get install tmux`).
    public init(_ arguments: [String], width: Int = 100, height: Int = 30,
                environment: [String: String] = [:]) throws {
        guard TmuxProcess.isInstalled("tmux") else {
            throw TmuxError("tmux không có trên máy: cài bằng `apt-get install -y tmux` (các bài kiểm thử đầu-cuối cần nó).")
        }
        let socket = "hoso-\(getpid())-\(UUID().uuidString.prefix(8))"
        configPath = NSTemporaryDirectory() + socket + ".conf"
        statusPath = NSTemporaryDirectory() + socket + ".status"
        // The status bar would steal a row; remain-on-exit keeps the pane so the exit status can be read.
        let config = """
            set -g status off
            set -g default-terminal \(Self.terminalType)
            set -g remain-on-exit on
            set -g history-limit 0
            set -s escape-time 0
            """
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        tmux = ["tmux", "-L", socket, "-f", configPath]
        var variables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        variables.merge(environment) { $1 }
        var newSession = ["new-session", "-d", "-s", "hoso", "-x", "\(width)", "-y", "\(height)"]
        for (name, value) in variables.sorted(by: { $0.key < $1.key }) { newSession += ["-e", "\(name)=\(value)"] }
        // tmux 3.3a sometimes marks a pane dead without ever recording its exit status, so a
        // small shell records it; the program runs as the shell's only child. The shell then stays: a
        // dead pane's "Pane is dead" line scrolls the screen by one row, and with no history the
        // program's first line of output (a refusal before the screens start) would be lost.
        let wrapper = ["sh", "-c", "\"$@\"; echo $? > '\(statusPath)'; exec sleep 3600", "sh"]
        let result = try TmuxProcess.run(tmux + newSession + wrapper + arguments)
        guard result.status == 0 else {
            unlink(configPath)
            throw TmuxError("tmux new-session thất bại (\(result.status)): \(result.output)")
        }
    }

    deinit { stop() }

    /// `tmux-256color` when its terminfo is installed, else `screen-256color`.
    static var terminalType: String {
        let directories = ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo", "/usr/lib/terminfo"]
        let found = directories.contains { FileManager.default.fileExists(atPath: "\($0)/t/tmux-256color") }
        return found ? "tmux-256color" : "screen-256color"
    }

    /// Sends keys by tmux name ("Down", "F5", "Enter", "C-c", "q").
    public func sendKeys(_ keys: String...) throws {
        try command(["send-keys", "-t", target] + keys)
    }

    /// Types `text` literally, as an input method would deliver it ("ễ").
    public func sendLiteral(_ text: String) throws {
        try command(["send-keys", "-t", target, "-l", text])
    }

    /// The visible screen, NFC-normalised (tmux keeps combining marks as they were drawn).
    public func capture() throws -> String {
        try command(["capture-pane", "-p", "-t", target]).precomposedStringWithCanonicalMapping
    }

    /// The visible screen as exactly `height` lines.
    public func captureLines() throws -> [String] {
        var lines = try capture().components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Polls the screen until it contains `text` (compared after NFC normalisation); on time-out
    /// throws an error that shows the screen.
    @discardableResult
    public func waitFor(text: String, timeout: Duration = .seconds(5)) async throws -> String {
        let needle = text.precomposedStringWithCanonicalMapping
        return try await waitUntil("“\(text)”", timeout: timeout) { $0.contains(needle) }
    }

    /// From the board: the list of all files (F2), then the first one (Enter) once `shown` is on screen;
    /// returns when the file's tabs are drawn.
    public func openFirstFile(once shown: String) async throws {
        try await waitFor(text: "Bảng tiến độ")
        try sendKeys("F2")
        try await waitFor(text: shown)
        try sendKeys("Enter")
        try await waitFor(text: "1 Thông tin")
    }

    /// Polls the screen until `condition` holds; on time-out throws an error that shows the screen.
    @discardableResult
    public func waitUntil(_ what: String, timeout: Duration = .seconds(5),
                          _ condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while true {
            screen = try capture()
            if condition(screen) { return screen }
            if ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TmuxError("Hết giờ chờ \(what). Màn hình:\n\(screen)")
    }

    /// Resizes the window (the program receives SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        try command(["resize-window", "-t", "hoso", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Evaluates a tmux format for the pane, e.g. `#{pane_dead_status}`.
    public func format(_ format: String) throws -> String {
        try command(["display-message", "-p", "-t", target, format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits for the program to end and returns its exit status.
    public func waitForExit(timeout: Duration = .seconds(5)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let text = try? String(contentsOfFile: statusPath, encoding: .utf8), text.hasSuffix("\n"),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            if ContinuousClock.now >= deadline {
                throw TmuxError("Chương trình chưa thoát sau \(timeout). Màn hình:\n\(try capture())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Sends `signal` to the program in the pane (SIGTERM, SIGHUP…).
    public func signalProgram(_ signal: Int32) throws {
        let shell = try format("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }), kill(pid, signal) == 0 else {
            throw TmuxError("Không gửi được tín hiệu \(signal) tới chương trình (shell \(shell))")
        }
    }

    /// Kills the private server; called on deinit too.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? TmuxProcess.run(tmux + ["kill-server"])
        unlink(configPath)
        unlink(statusPath)
    }

    @discardableResult
    private func command(_ arguments: [String]) throws -> String {
        let result = try TmuxProcess.run(tmux + arguments)
        guard result.status == 0 else {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) thất bại (\(result.status)): \(result.output)")
        }
        return result.output
    }

}

/// Where the built `hoso` executable is: `HOSO_BIN`, else `.build/debug/hoso` in the package root
/// found by walking up from `filePath`.
public func hosoExecutablePath(filePath: String = #filePath) throws -> String {
    if let path = ProcessInfo.processInfo.environment["HOSO_BIN"], !path.isEmpty { return path }
    var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while directory.path != "/" {
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            let binary = directory.appendingPathComponent(".build/debug/hoso").path
            guard FileManager.default.isExecutableFile(atPath: binary) else {
                throw TmuxError("Chưa có \(binary): chạy `swift build` trước, hoặc đặt HOSO_BIN.")
            }
            return binary
        }
        directory = directory.deletingLastPathComponent()
    }
    throw TmuxError("Không tìm thấy Package.swift phía trên \(filePath); đặt HOSO_BIN.")
}
