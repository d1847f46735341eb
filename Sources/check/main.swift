import CheckCommand
import Foundation

exit(CheckCLI.run(Array(CommandLine.arguments.dropFirst()), console: .process(), now: Date()))
