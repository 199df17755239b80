import Foundation

/// One input of a batch: where it is and the base name its outputs get.
public struct BatchInput: Sendable, Hashable, Codable {
    /// The path as found (a path given on the command line, or one found under a given directory).
    public var path: String
    /// The base name of its outputs (`<name>.json`, `<name>.xml`), unique within the batch.
    public var name: String
    /// Why `name` is not simply the file name without its extension (two inputs shared that name), or nil.
    public var renamedBecause: String?

    public init(path: String, name: String, renamedBecause: String? = nil) {
        self.path = path
        self.name = name
        self.renamedBecause = renamedBecause
    }
}

/// Turns the paths given to a batch into its inputs: directories are walked recursively for `*.txt`
/// files (hidden files and directories skipped), files are taken as given; the result is sorted by path
/// and every input gets a unique output name.
public struct InputDiscovery: Sendable {
    /// The extension (lower-cased, without the dot) of the files taken from directories.
    public var fileExtension = "txt"

    public init() {}

    /// The inputs for `paths`, sorted and uniquely named. Paths that do not exist are kept (the batch reports
    /// them as failed); directories without matching files contribute nothing and are listed in `emptyDirectories`.
    public func inputs(for paths: [String]) -> (inputs: [BatchInput], emptyDirectories: [String]) {
        var files: [String] = []
        var emptyDirectories: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let found = walk(directory: path)
                if found.isEmpty { emptyDirectories.append(path) }
                files.append(contentsOf: found)
            } else {
                files.append(path)
            }
        }
        var seen = Set<String>()
        let unique = files.filter { seen.insert(Self.canonical($0)).inserted }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (OutputNaming.name(unique), emptyDirectories)
    }

    /// The `*.txt` files under `directory`, recursively, in sorted order.
    public func walk(directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var found: [String] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard url.pathExtension.lowercased() == fileExtension,
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            // Keep the path relative to what the user gave, so messages and the manifest read naturally.
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(rootPath + "/") ? String(full.dropFirst(rootPath.count + 1)) : full
            found.append(prefix + relative)
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Gives every input of a batch a unique output base name.
public enum OutputNaming {
    /// Names `paths` (in order) after their file names without extension. When several inputs share a name
    /// (compared case-insensitively, as on case-insensitive file systems), each of them is named after as many
    /// trailing path components as it takes to tell them apart ("a/x.txt", "b/x.txt" → "a_x", "b_x"), and
    /// numbered as a last resort.
    public static func name(_ paths: [String]) -> [BatchInput] {
        let components = paths.map { path -> [String] in
            var parts = URL(fileURLWithPath: path).standardizedFileURL.pathComponents.filter { $0 != "/" }
            if let last = parts.popLast() { parts.append(stem(last)) }
            return parts.isEmpty ? ["input"] : parts
        }
        func key(_ name: String) -> String { name.lowercased() }
        let baseNames = components.map { $0.last! }
        var groups: [String: [Int]] = [:]
        for (index, name) in baseNames.enumerated() { groups[key(name), default: []].append(index) }

        var names = baseNames
        var reasons = [String?](repeating: nil, count: paths.count)
        for (_, members) in groups where members.count > 1 {
            let clash = members.map { paths[$0] }.joined(separator: ", ")
            var depth = 2
            while true {
                let candidates = members.map { components[$0].suffix(depth).joined(separator: "_") }
                let distinct = Set(candidates.map(key)).count == candidates.count
                let exhausted = members.allSatisfy { components[$0].count < depth }
                if distinct || exhausted {
                    for (member, candidate) in zip(members, candidates) {
                        names[member] = candidate
                        reasons[member] = "the name \"\(baseNames[member])\" is shared by \(clash)"
                    }
                    break
                }
                depth += 1
            }
        }
        // Last resort (and guard against a disambiguated name hitting another input's plain name): number them.
        var used = Set<String>()
        for index in names.indices {
            var candidate = names[index]
            var counter = 2
            while used.contains(key(candidate)) {
                candidate = "\(names[index])-\(counter)"
                counter += 1
            }
            if candidate != names[index] {
                reasons[index] = reasons[index] ?? "the name \"\(names[index])\" was already taken by another input"
            }
            names[index] = candidate
            used.insert(key(candidate))
        }
        return paths.indices.map { BatchInput(path: paths[$0], name: names[$0], renamedBecause: reasons[$0]) }
    }

    /// A file name without its last extension ("x.txt" → "x", ".txt" → ".txt").
    static func stem(_ fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }
}
