import ArgumentParser
import Foundation
import KZReg

/// kzreg's exit codes.
enum ExitStatus {
    /// Everything worked.
    static let ok: Int32 = 0
    /// At least one input failed (unreadable, not text, ...).
    static let inputFailed: Int32 = 1
    /// The command line was wrong (unknown option, bad value, missing argument).
    static let usage: Int32 = 2
}

/// A failure a subcommand reports itself: the message goes to stderr prefixed with "kzreg: ".
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = ExitStatus.inputFailed
    var description: String { message }
}

/// Runs the command line and exits with kzreg's exit codes.
enum CommandLineEntry {
    static func run(_ arguments: [String]) -> Never {
        do {
            var command = try KZRegCommand.parseAsRoot(arguments)
            try command.run()
            exit(ExitStatus.ok)
        } catch let failure as CommandFailure {
            StandardError.write("kzreg: \(failure.message)\n")
            exit(failure.exitCode)
        } catch {
            // ArgumentParser's own outcomes: help and version (success), usage errors (EX_USAGE, 64, which we
            // report as 2), and ExitCode values thrown by subcommands.
            let code = KZRegCommand.exitCode(for: error)
            let message = KZRegCommand.fullMessage(for: error)
            if code.isSuccess {
                if !message.isEmpty { print(message) }
                exit(ExitStatus.ok)
            }
            if !message.isEmpty { StandardError.write(message + "\n") }
            exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
        }
    }
}

/// Unbuffered writes to standard error.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (for progress bars).
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Writes to standard output.
enum StandardOutput {
    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func write(_ text: String) {
        write(Data(text.utf8))
    }
}

/// The input argument of the single-document commands.
struct DocumentInput: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The document to read: a text file, or '-' for standard input.",
        discussion: """
            UTF-8 (with or without byte-order mark), UTF-16 (LE/BE, with or without byte-order mark), \
            Windows-1251 and KZ-1048 are recognized automatically.
            """,
        valueName: "file"))
    var file: String

    func validate() throws {
        var isDirectory: ObjCBool = false
        if file != InputFile.standardInputName,
           FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("\(file): is a directory; this command reads one document "
                + "(use 'kzreg convert \(file) --out DIR' for a whole directory)")
        }
    }

    /// The file's bytes, or a failure naming the file and the reason.
    func readBytes() throws -> [UInt8] {
        do {
            return try InputFile.read(file)
        } catch let error as InputFileError {
            throw CommandFailure(message: error.description)
        }
    }

    /// The name recorded in `source.file`.
    var recordedName: String {
        file == InputFile.standardInputName ? file : URL(fileURLWithPath: file).lastPathComponent
    }

    /// The input as messages name it ("<stdin>" for standard input).
    var displayName: String { file == InputFile.standardInputName ? "<stdin>" : file }

    /// Runs `body`, turning pipeline errors (bad input) into failures naming the file.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "\(displayName): \(error)")
        }
    }
}

/// The warning for an input some of whose bytes could not be decoded and became U+FFFD, or nil when every
/// byte decoded. The conversion still succeeds; the record's `source.substitutions` holds the same count.
func substitutionWarning(file: String, substitutions: Int) -> String? {
    guard substitutions > 0 else { return nil }
    return "warning: \(file): \(substitutions) undecodable byte sequence\(substitutions == 1 ? "" : "s") "
        + "replaced with U+FFFD"
}

/// Writes `substitutionWarning` to standard error, if there is one.
func warnAboutSubstitutions(file: String, substitutions: Int) {
    if let warning = substitutionWarning(file: file, substitutions: substitutions) {
        StandardError.write("kzreg: \(warning)\n")
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// JSON the way kzreg writes it: pretty, keys sorted, slashes unescaped, newline at the end.
func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
}
