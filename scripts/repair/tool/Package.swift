// swift-tools-version:6.0
// Stand-alone driver for the garble repair stage (evaluation and benchmark), built from the same sources
// as the KZRegText library (symlinked), so it does not depend on the rest of the package building.
import PackageDescription

let package = Package(
    name: "repair-tool",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "CICU",
                linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .target(name: "KZRegText", dependencies: ["CICU"], resources: [.copy("Resources")]),
        .executableTarget(name: "repair-tool", dependencies: ["KZRegText"]),
    ],
    swiftLanguageModes: [.v6]
)
