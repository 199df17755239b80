extension Pipeline {
    /// Decodes and repairs raw input without segmenting it: what `kzreg repair` shows. Edits' offsets are
    /// UTF-8 byte offsets into `decoded.text`.
    public func repair(bytes: [UInt8]) throws -> (decoded: DecodedInput, repair: RepairResult) {
        let decoded = try decoder.decode(bytes)
        return (decoded, repairer.repair(decoded.text))
    }
}
