import Foundation

/// Why an output file could not be written.
public struct OutputWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot be written: \(reason)" }
}

/// Writes files atomically: the bytes go to a temporary file in the destination's directory, which is then
/// renamed over the destination, so readers see either the old file or the complete new one, never a part.
public struct AtomicFileWriter: Sendable {
    /// Whether to flush the temporary file to disk before renaming it (slower; survives power loss).
    public var synchronize: Bool

    public init(synchronize: Bool = false) {
        self.synchronize = synchronize
    }

    /// Writes `data` to `path` atomically.
    public func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = "\(directory)/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputWriteError(path: path, reason: String(cString: strerror(errno))) }
        var closed = false
        var renamed = false
        defer {
            if !closed { close(descriptor) }
            if !renamed { unlink(temporary) }
        }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputWriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        if synchronize, fsync(descriptor) != 0 {
            throw OutputWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        closed = true
        guard close(descriptor) == 0 else { throw OutputWriteError(path: path, reason: String(cString: strerror(errno))) }
        guard rename(temporary, path) == 0 else {
            throw OutputWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        renamed = true
    }
}
