// swift-tools-version: 6.1
import PackageDescription

/// Settings that keep the code honest: every target is Swift 6 with strict concurrency,
/// explicit `any` and imports that must be visible where they are used.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // The journal engine is generic over the record type and HoSo's records live in another module: without
    // this, its decoder and loader run unspecialised for them in a release build (the open took twice as long).
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "hoso",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hoso", targets: ["hoso"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "HoSoDomain", swiftSettings: strictSettings),
        // The generic journal engine: durable files, locks, the hash-chained journal, snapshots, codecs.
        .target(
            name: "HoSoJournal",
            dependencies: ["HoSoDomain", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        // HoSo's persistence on that engine: the repository, stored items, seals, settings, people.
        .target(
            name: "HoSoStorage",
            dependencies: [
                "HoSoDomain", "HoSoJournal", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The only way to change data: case, people and sign-in services over a repository of either backend.
        .target(name: "HoSoApplication", dependencies: ["HoSoDomain", "HoSoStorage"], swiftSettings: strictSettings),
        // libpq, PostgreSQL's C client (Debian: libpq-dev): the server backend's only way to the server.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(
            name: "HoSoPostgres",
            dependencies: ["HoSoStorage", "CLibPQ", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(name: "HoSoTUI", dependencies: ["HoSoDomain"], swiftSettings: strictSettings),
        .target(name: "HoSoTerminal", dependencies: ["CNcursesw", "HoSoTUI"], swiftSettings: strictSettings),
        .target(
            name: "HoSoCLI",
            dependencies: [
                "HoSoDomain", "HoSoStorage", "HoSoApplication", "HoSoPostgres", "HoSoTUI", "HoSoTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "hoso",
            dependencies: ["HoSoCLI"], swiftSettings: strictSettings),
        // A child process for the storage crash test: it saves in a loop until the test kills it.
        .executableTarget(name: "hoso-crash-child", dependencies: ["HoSoJournal"], swiftSettings: strictSettings),
        // libFuzzer targets (dates, quota tables, the record decoder); does nothing unless built by scripts/fuzz.
        .executableTarget(name: "hoso-fuzz", dependencies: ["HoSoDomain", "HoSoJournal"], swiftSettings: strictSettings),
        .target(
            name: "HoSoTestSupport",
            dependencies: ["HoSoDomain", "HoSoStorage", "HoSoApplication", "HoSoTUI"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HoSoPostgresTests", dependencies: ["HoSoPostgres", "HoSoStorage", "HoSoApplication", "HoSoTestSupport"], swiftSettings: strictSettings),
        // Fixtures/ holds the seed's quota table, read from disk by path (also by the CLI tests), not a resource.
        .testTarget(
            name: "HoSoDomainTests", dependencies: ["HoSoDomain", "HoSoTestSupport"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(name: "HoSoStorageTests", dependencies: ["HoSoJournal", "HoSoStorage", "HoSoApplication", "HoSoTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "HoSoTUITests", dependencies: ["HoSoTUI", "HoSoTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "HoSoCLITests", dependencies: ["HoSoCLI", "HoSoJournal", "HoSoApplication", "HoSoTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["HoSoTestSupport"], swiftSettings: strictSettings),
    ]
)
