/// What a read of a few records needs from a journal line about records it left unread, read from the
/// line's tape without decoding any record or patch: the entry's place in the chain, and per change the
/// record, its revisions and which members its patch touches.
///
/// A command that shows one file of a large store meets thousands of journal lines about other files;
/// decoding their patches (a history entry, notes) was a third of `case show`. When every change of a line
/// is a patch of a record left unread that cannot change what the selection judged it by, the line is
/// applied from this outline and its patches are kept as bytes, decoded only if the record is ever read
/// (`StoreState.DeferredPatch`). Anything else (a whole value, a record already read, a shape this does not
/// know) is decoded as before. The line's hash was checked before, so its bytes are the ones committed.
struct JournalEntryOutline {
    struct Change {
        let id: String
        let revisionBefore: Int?
        let revision: Int
        /// Whether the patch may change a string at one of the given indexed paths (judged from the wire
        /// format every patch has, see `JournalValue`).
        let touchesIndexedStrings: Bool
    }

    let seq: Int
    let prevHash: String
    let changes: [Change]

    /// nil when the line holds anything but patches in the wire format (it is then decoded whole).
    init?(entryBytes: ArraySlice<UInt8>, indexedPaths: [[String]], strings: StringTable) {
        guard let outline = entryBytes.withUnsafeBufferPointer({ buffer in
            (try? Tape(buffer, strings: strings)).flatMap { Self.read($0, indexedPaths: indexedPaths) }
        }) else { return nil }
        self = outline
    }

    private init(seq: Int, prevHash: String, changes: [Change]) {
        self.seq = seq
        self.prevHash = prevHash
        self.changes = changes
    }

    private static func read(_ tape: Tape, indexedPaths: [[String]]) -> JournalEntryOutline? {
        guard tape.nodes.first?.kind == .object,
              let seqNode = tape.member("seq", of: 0), let seq = try? tape.integer(at: seqNode),
              let prevNode = tape.member("prevHash", of: 0), let prevHash = try? tape.string(at: prevNode),
              let changesNode = tape.member("changes", of: 0), tape.nodes[changesNode].kind == .array
        else { return nil }
        var changes: [Change] = []
        var cursor = changesNode + 1
        while cursor < tape.nodes[changesNode].next {
            guard let change = readChange(tape, at: cursor, indexedPaths: indexedPaths) else { return nil }
            changes.append(change)
            cursor = tape.nodes[cursor].next
        }
        guard !changes.isEmpty else { return nil }
        return JournalEntryOutline(seq: Int(seq), prevHash: prevHash, changes: changes)
    }

    private static func readChange(_ tape: Tape, at change: Int, indexedPaths: [[String]]) -> Change? {
        guard tape.nodes[change].kind == .object, tape.member("value", of: change) == nil,
              let idNode = tape.member("id", of: change), let id = try? tape.string(at: idNode),
              let revisionNode = tape.member("revision", of: change), let revision = try? tape.integer(at: revisionNode),
              let patch = tape.member("patch", of: change), tape.nodes[patch].kind == .object,
              let touched = PatchOutline(tape, at: patch)
        else { return nil }
        var revisionBefore: Int?
        if let beforeNode = tape.member("revisionBefore", of: change), tape.nodes[beforeNode].kind != .null {
            guard let before = try? tape.integer(at: beforeNode) else { return nil }
            revisionBefore = Int(before)
        }
        return Change(id: id, revisionBefore: revisionBefore, revision: Int(revision), touchesIndexedStrings: touched.touchesAny(of: indexedPaths))
    }
}

/// The members a patch in the wire format `{"at":K,"set":{…},"clear":[…],"append":{…}}` touches.
struct PatchOutline {
    /// The member of the record's object the patch applies inside, nil for the object itself.
    let at: String?
    let touchedMembers: Set<String>

    init?(_ tape: Tape, at patch: Int) {
        var at: String?
        if let atNode = tape.member("at", of: patch) {
            guard let name = try? tape.string(at: atNode) else { return nil }
            at = name
        }
        var touched: Set<String> = []
        for part in ["set", "append"] {
            guard let object = tape.member(part, of: patch) else { continue }
            guard tape.nodes[object].kind == .object else { return nil }
            var cursor = object + 1
            while cursor < tape.nodes[object].next {
                guard let key = try? tape.string(at: cursor) else { return nil }
                touched.insert(key)
                cursor = tape.nodes[cursor + 1].next
            }
        }
        if let clear = tape.member("clear", of: patch) {
            guard tape.nodes[clear].kind == .array else { return nil }
            var cursor = clear + 1
            while cursor < tape.nodes[clear].next {
                guard let key = try? tape.string(at: cursor) else { return nil }
                touched.insert(key)
                cursor = tape.nodes[cursor].next
            }
        }
        self.at = at
        self.touchedMembers = touched
    }

    /// Whether a string at one of `paths` (keys from the record's value down) may change.
    func touchesAny(of paths: [[String]]) -> Bool {
        paths.contains { path in
            guard let at else { return path.first.map(touchedMembers.contains) ?? true }
            guard path.first == at else { return false }
            return path.count < 2 || touchedMembers.contains(path[1])
        }
    }
}
