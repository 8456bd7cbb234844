// swift-tools-version:6.0
import Foundation
import PackageDescription

// Praxis runs on Linux only: it swaps the output folder in with renameat2(2), watches with
// inotify(7), and links Debian's cmark-gfm. Say so here rather than fail deep in a build.
#if !os(Linux)
#error("Praxis builds on Linux (Debian 12 or later, Swift 6): see README.md, Installing.")
#endif

let package = Package(
    name: "Praxis",
    products: [
        .executable(name: "praxis", targets: ["praxis"]),
        .library(name: "PraxisCore", targets: ["PraxisCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
    ],
    targets: [
        // Debian's cmark-gfm (libcmark-gfm-dev + libcmark-gfm-extensions-dev), seen through a shim header.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE): the new site replaces the old one in a single step.
        .target(name: "CAtomicSwap"),
        // The whole pipeline: load, parse, resolve, index, render, write.
        .target(
            name: "PraxisCore",
            dependencies: [
                "CCmarkGFM",
                "CAtomicSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedDefaultTheme"]
        ),
        // `praxis serve`: the HTTP server, file watcher and live reload, kept out of PraxisCore so
        // that building a site never links a server.
        .target(
            name: "PraxisServe",
            dependencies: [
                "PraxisCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["live"],
            plugins: ["EmbedDefaultTheme"]
        ),
        // The thin command line over PraxisCore.
        .executableTarget(
            name: "praxis",
            dependencies: [
                "PraxisCore",
                "PraxisServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool: turns themes/default into Swift source so the binary carries its theme.
        .executableTarget(name: "EmbedTheme"),
        .plugin(
            name: "EmbedDefaultTheme",
            capability: .buildTool(),
            dependencies: ["EmbedTheme"]
        ),
        .testTarget(
            name: "PraxisTests",
            dependencies: ["praxis", "PraxisCore", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
    ]
)

// libFuzzer targets (Fuzz/Targets/<name>/), only when PRAXIS_FUZZ=1: scripts/fuzz.sh builds them into
// .build-fuzz, so that `swift build` and `swift test` never see them. Each one hands the bytes to one
// function of PraxisCore's Fuzzing/ folder. The sanitizer flags are set here, on PraxisCore and the
// fuzz targets only, not with -Xswiftc or --sanitize: those reach the build tool EmbedTheme too,
// which then gets libFuzzer's main and -parse-as-library and does not build. C code (Yams' libyaml,
// CAtomicSwap) is instrumented by fuzz.sh with -Xcc. lld links: gold stops with an internal error.
if ProcessInfo.processInfo.environment["PRAXIS_FUZZ"] == "1" {
    let sanitizers = ["-sanitize=fuzzer,address"]
    for target in package.targets where target.name == "PraxisCore" {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(sanitizers)]
    }
    // Hands each target's LLVMFuzzerTestOneInput to libFuzzer (see Fuzz/Driver/FuzzDriver.swift).
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/Driver"))
    for name in ["front-matter", "links", "slug", "search-text"] {
        package.targets.append(.executableTarget(
            name: "fuzz-\(name)",
            dependencies: ["PraxisCore", "FuzzDriver"],
            path: "Fuzz/Targets/\(name)",
            swiftSettings: [.unsafeFlags(sanitizers)],
            linkerSettings: [.unsafeFlags(sanitizers + ["-use-ld=lld"])]
        ))
    }
}
