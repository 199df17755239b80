import Foundation

/// Why an input file could not be read.
public enum InputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case isDirectory(path: String)
    case notRegularFile(path: String)
    case unreadable(path: String, reason: String)
    /// The input is larger than `limit` bytes (or endless, like a device).
    case tooLarge(path: String, limit: Int)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .notFound(let path), .isDirectory(let path), .notRegularFile(let path), .unreadable(let path, _),
             .tooLarge(let path, _):
            return path
        }
    }

    /// The reason, without the path.
    public var reason: String {
        switch self {
        case .notFound: return "no such file"
        case .isDirectory: return "is a directory, not a file"
        case .notRegularFile: return "is not a regular file"
        case .unreadable(_, let reason): return "cannot be read: \(reason)"
        case .tooLarge(_, let limit): return "is larger than \(limit) bytes, the most kzreg reads"
        }
    }

    public var description: String { "\(path): \(reason)" }
}

/// Reads the raw bytes of one input: a file path, or "-" for standard input.
public enum InputFile {
    /// The name standard input goes by on the command line and in records.
    public static let standardInputName = "-"

    /// Reads all bytes of `path` ("-" reads standard input to its end), at most `limit` bytes (by default the
    /// most the decoder accepts; endless sources like devices stop there).
    /// Throws an `InputFileError` that names the path and says why it cannot be read.
    public static func read(_ path: String, limit: Int = InputDecoder().maximumByteCount) throws -> [UInt8] {
        if path == standardInputName { return try readAll(descriptor: STDIN_FILENO, path: path, limit: limit) }
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw InputFileError.notFound(path: path) }
            throw InputFileError.unreadable(path: path, reason: String(cString: strerror(code)))
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: throw InputFileError.isDirectory(path: path)
        case S_IFREG, S_IFIFO, S_IFCHR: break
        default: throw InputFileError.notRegularFile(path: path)
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        if Int(status.st_size) > limit { throw InputFileError.tooLarge(path: path, limit: limit) }
        return try readAll(descriptor: descriptor, path: path, limit: limit, sizeHint: Int(status.st_size))
    }

    private static func readAll(descriptor: Int32, path: String, limit: Int, sizeHint: Int = 0) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sizeHint > 0 ? min(sizeHint, limit) + 1 : 1 << 16)
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit { throw InputFileError.tooLarge(path: path, limit: limit) }
        }
        return bytes
    }
}
