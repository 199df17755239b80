// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kzreg",
    platforms: [.macOS(.v13)],
    products: [
        /// Umbrella library: the whole pipeline (decode → repair → cleanse → segment → extract → export).
        .library(name: "KZReg", targets: ["KZReg"]),
        /// Input decoding, Unicode normalization and repair of OCR-garbled Kazakh.
        .library(name: "KZRegText", targets: ["KZRegText"]),
        /// Cleanser, segmenter and the document tree with source spans.
        .library(name: "KZRegStructure", targets: ["KZRegStructure"]),
        /// The regulation record model and its extraction from the document tree.
        .library(name: "KZRegRecords", targets: ["KZRegRecords"]),
        /// JSON and XML export with published schemas and validation.
        .library(name: "KZRegExport", targets: ["KZRegExport"]),
        /// Substantive differences between two versions of a regulation.
        .library(name: "KZRegDiff", targets: ["KZRegDiff"]),
        .executable(name: "kzreg", targets: ["kzreg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C wrappers: their public headers expose plain C types only (see DEVELOPERS.md).
        .target(name: "CICU",
                linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .systemLibrary(name: "CLibXML2System", path: "Sources/CLibXML2System", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .target(name: "CLibXML2", dependencies: ["CLibXML2System"],
                linkerSettings: [.linkedLibrary("xml2")]),

        .target(name: "KZRegText", dependencies: ["CICU"], resources: [.copy("Resources")]),
        .target(name: "KZRegStructure", dependencies: ["KZRegText"]),
        .target(name: "KZRegRecords", dependencies: ["KZRegText", "KZRegStructure"]),
        .target(name: "KZRegExport", dependencies: ["KZRegRecords", "KZRegStructure", "CLibXML2"],
                resources: [.copy("Schemas")]),
        .target(name: "KZRegDiff", dependencies: ["KZRegRecords", "KZRegStructure"], resources: [.copy("Schemas")]),
        .target(name: "KZReg", dependencies: ["KZRegText", "KZRegStructure", "KZRegRecords", "KZRegExport", "KZRegDiff"]),
        .executableTarget(name: "kzreg", dependencies: [
            "KZReg", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "KZRegTextTests", dependencies: ["KZRegText"]),
        .testTarget(name: "KZRegStructureTests", dependencies: ["KZRegStructure"]),
        .testTarget(name: "KZRegRecordsTests", dependencies: ["KZRegRecords", "KZReg"]),
        .testTarget(name: "KZRegExportTests", dependencies: ["KZRegExport", "KZReg"]),
        .testTarget(name: "KZRegDiffTests", dependencies: ["KZRegDiff", "KZReg"]),
        .testTarget(name: "KZRegTests", dependencies: ["KZReg", "kzreg"]),
    ],
    swiftLanguageModes: [.v6]
)
