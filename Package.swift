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
        .target(name: "CheckCommand", dependencies: ["Rules"]),
        .executableTarget(name: "check", dependencies: ["CheckCommand"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules"], exclude: ["Reporters/Golden"]),
        .testTarget(name: "CheckTests", dependencies: ["check", "CheckCommand", "Rules"], exclude: ["Fixtures", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
