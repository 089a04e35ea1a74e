import HoSoDomain

/// The keys while the files are read behind a board drawn from their facts: the board moves, its help
/// opens and the person may quit at once; a key that needs the files (a list, a search, a form, a click)
/// waits, with every key after it, and runs in the order typed once they are read. No key is lost and
/// none acts on files not yet there.
enum LoadingLogic {
    /// The most keys kept: more is a key held down, not a person typing ahead.
    static let heldKeysLimit = 256

    /// Whether `key` waits for the files (and so is kept), given what is kept already.
    static func mustWait(_ key: Key, _ state: AppState) -> Bool {
        // An interrupt quits at once, whatever is waiting.
        if key == .ctrl("c") { return false }
        guard let loading = state.loading else { return false }
        if !loading.heldKeys.isEmpty { return true }
        // The help (the only popup the board opens while loading) closes as usual.
        if state.modal != nil { return false }
        guard case .board = state.screen, !AppReducer.isMouse(key) else { return true }
        guard let command = KeyMaps.map(for: .board).action(for: key) else { return false }
        switch command {
        case .left, .right, .up, .down, .top, .bottom, .help, .quit: return false
        default: return true
        }
    }

    /// Keeps `key` for when the files are read.
    static func hold(_ key: Key, _ state: inout AppState) {
        guard let held = state.loading?.heldKeys.count, held < heldKeysLimit else { return }
        state.loading?.heldKeys.append(key)
    }

    /// Ends the loading and runs the kept keys, in order, on the files now read.
    static func finish(_ state: inout AppState) -> [Effect] {
        guard let held = state.loading?.heldKeys else { return [] }
        state.loading = nil
        return held.flatMap { AppReducer.handleKey(&state, $0) }
    }

    /// What the status line says while the files are read.
    static func status(_ loading: Loading) -> StatusMessage {
        let reading = "Đang đọc \(VietnameseNumber.grouped(loading.files)) hồ sơ…"
        if loading.heldKeys.isEmpty {
            return StatusMessage(reading + " Bảng đã có số liệu; danh sách mở khi đọc xong.")
        }
        return StatusMessage(reading + " \(loading.heldKeys.count) phím đã bấm sẽ chạy khi đọc xong.")
    }
}
