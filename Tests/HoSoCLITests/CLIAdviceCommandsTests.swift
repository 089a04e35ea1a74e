import ArgumentParser
import Foundation
@testable import HoSoCLI
import Testing

/// Issue 16, item 4: every "hoso …" a message advises names a command that exists, with options it has.
@Suite("Advice in messages names commands that exist")
struct CLIAdviceCommandsTests {
    /// Each "hoso WORDS … --OPTIONS" found in a string of the sources, with where it is.
    static func advices() throws -> [(place: String, words: [String], options: [String])] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let advice = try Regex(#"hoso((?: [a-z][a-z-]*(?=[ "\\).,;:]|$))*)([^"]*)"#)
        let option = try Regex(#"--[a-z][a-z-]*"#)
        var found: [(String, [String], [String])] = []
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for path in files where path.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root.appendingPathComponent(path).path, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("\"") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for match in line.matches(of: advice) {
                    let words = (match.output[1].substring ?? "").split(separator: " ").map(String.init)
                    guard let first = words.first, first != "help" else { continue }
                    let options = (match.output[2].substring ?? "").matches(of: option).compactMap { $0.output[0].substring.map(String.init) }
                    found.append(("\(path):\(number + 1)", words, options))
                }
            }
        }
        return found
    }

    @Test("Every advised command and option exists (parsed against the root command)")
    func everyAdviceParses() throws {
        let advices = try Self.advices()
        #expect(advices.count > 20)
        #expect(advices.contains { $0.words.starts(with: ["units", "set-counts"]) })
        for advice in advices {
            var command: any ParsableCommand.Type = HoSoCommand.self
            var path: [String] = []
            for word in advice.words {
                guard let sub = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
                command = sub
                path.append(word)
            }
            #expect(!path.isEmpty, "\(advice.place): hoso \(advice.words.joined(separator: " ")) is no command")
            // The path parses as a command of the root (its help is asked, so no argument is needed).
            do {
                _ = try HoSoCommand.parseAsRoot(path + ["--help"])
            } catch {
                #expect(HoSoCommand.exitCode(for: error) == .success, "\(advice.place): \(error)")
            }
            let help = HoSoCommand.helpMessage(for: command, columns: 500)
            for option in advice.options {
                #expect(help.contains(option), "\(advice.place): hoso \(path.joined(separator: " ")) has no \(option)")
            }
        }
    }
}
