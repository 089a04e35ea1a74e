import ArgumentParser

/// The root command of `hoso`.
public struct HoSoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "hoso", abstract: "HoSo")
    public init() {}
    public func run() throws {}
}
