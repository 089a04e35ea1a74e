import Testing
@testable import HoSoTUI

/// Issue 18 item 14: a key means the same on every screen. `s` used to sort in the list and edit the
/// identity on a file; F9 sorted, printed and exported; F3 added a file or a user.
@Suite struct KeyMeaningTests {
    static let maps: [(screen: String, map: KeyMap<Command>)] = [
        ("board", KeyMaps.board), ("list", KeyMaps.list), ("detail", KeyMaps.detail), ("classes", KeyMaps.classes),
        ("mentor", KeyMaps.mentor), ("reports", KeyMaps.reports), ("people", KeyMaps.people), ("units", KeyMaps.units),
    ]

    /// The command each key runs on each screen (the first binding of a key wins, as dispatch does).
    static func commands(of map: KeyMap<Command>) -> [Key: Command] {
        var result: [Key: Command] = [:]
        for key in map.bindings.flatMap(\.keys) where result[key] == nil { result[key] = map.action(for: key) }
        return result
    }

    @Test func aKeyRunsOneCommandOnEveryScreenThatBindsIt() {
        var first: [Key: (command: Command, screen: String)] = [:]
        var conflicts: [String] = []
        for (screen, map) in Self.maps {
            for (key, command) in Self.commands(of: map) where KeyMaps.screenLocalKeys[key] == nil {
                if let earlier = first[key] {
                    if earlier.command != command {
                        conflicts.append("\(key.displayName): \(earlier.command) on \(earlier.screen), \(command) on \(screen)")
                    }
                } else {
                    first[key] = (command, screen)
                }
            }
        }
        #expect(conflicts.sorted() == [])
    }

    @Test func theKeysTheIssueNamedNowMeanOneThing() {
        let maps = Dictionary(uniqueKeysWithValues: Self.maps.map { ($0.screen, Self.commands(of: $0.map)) })
        #expect(maps["list"]?[.char("s")] == .sort)
        #expect(maps["detail"]?[.char("s")] == nil, "the identity is E/Ctrl-E on a file")
        #expect(maps["detail"]?[.char("E")] == .edit)
        #expect(Set(Self.maps.compactMap { maps[$0.screen]?[.function(9)] }) == [.sort])
        #expect(Set(Self.maps.compactMap { maps[$0.screen]?[.char("x")] }) == [.export])
        #expect(Set(Self.maps.compactMap { maps[$0.screen]?[.function(3)] }) == [.addCase])
        #expect(maps["people"]?[.function(3)] == .addCase, "F3 adds a file on the people screen too")
        #expect(maps["people"]?[.char("+")] == .addPerson)
    }

    /// The other way round: a command is reached by the same keys wherever it is bound, so the sort, the
    /// export, the next step and the filter are never learnt twice. Sideways moves (a column, a class, a
    /// year) are the screen's own.
    @Test func aCommandHasTheSameKeysOnEveryScreenThatOffersIt() {
        var first: [Command: (keys: Set<Key>, screen: String)] = [:]
        var differences: [String] = []
        for (screen, map) in Self.maps {
            var keysOf: [Command: Set<Key>] = [:]
            for (key, command) in Self.commands(of: map) where KeyMaps.screenLocalKeys[key] == nil {
                keysOf[command, default: []].insert(key)
            }
            for (command, keys) in keysOf where ![.left, .right].contains(command) {
                if let earlier = first[command] {
                    if earlier.keys != keys {
                        let names = { (keys: Set<Key>) in keys.map(\.displayName).sorted().joined(separator: " ") }
                        differences.append("\(command): \(names(earlier.keys)) on \(earlier.screen), \(names(keys)) on \(screen)")
                    }
                } else {
                    first[command] = (keys, screen)
                }
            }
        }
        #expect(differences.sorted() == [])
    }

    /// A key bound to two commands on one screen leaves the second binding dead, and the help would list a
    /// key that does something else.
    @Test func noScreenBindsAKeyToTwoCommands() {
        var twice: [String] = []
        for (screen, map) in Self.maps {
            var seen: [Key: Command] = [:]
            for binding in map.bindings {
                for key in binding.keys {
                    if let earlier = seen[key], earlier != binding.action {
                        twice.append("\(key.displayName) on \(screen): \(earlier), \(binding.action)")
                    }
                    seen[key] = seen[key] ?? binding.action
                }
            }
        }
        #expect(twice == [])
    }

    @Test func everyScreenLocalKeySaysWhyInVietnamese() {
        for (key, reason) in KeyMaps.screenLocalKeys {
            #expect(reason.count > 20, "\(key.displayName)")
            // The exception is real: the key runs different commands on two screens.
            let commands = Set(Self.maps.compactMap { Self.commands(of: $0.map)[key] })
            #expect(commands.count > 1, "\(key.displayName) is not screen-local: \(commands)")
        }
    }
}
