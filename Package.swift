// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chitieu",
    products: [
        .library(name: "Rules", targets: ["Rules"]),
        .executable(name: "check", targets: ["check"]),
    ],
    targets: [
        .target(name: "Rules"),
        .executableTarget(name: "check", dependencies: ["Rules"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules"]),
        .testTarget(name: "CheckTests", dependencies: ["check", "Rules"]),
    ],
    swiftLanguageModes: [.v6]
)
