import ArgumentParser
import Foundation

// Entry point: parses the command line, runs the subcommand and maps every outcome to kzreg's exit codes
// (0 ok, 1 some input failed, 2 usage error).
CommandLineEntry.run(CommandLine.arguments.dropFirst().map { $0 })
