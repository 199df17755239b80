/// JSON form of a segmented document: `{ "metadata": {...}, "structure": {...} }` — what
/// `kzreg segment --format json` and the structure golden files print.
extension SegmentedDocument: Codable {
    private enum CodingKeys: String, CodingKey { case metadata, structure }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(root: try container.decode(StructureNode.self, forKey: .structure),
                  metadata: try container.decode(ActMetadata.self, forKey: .metadata))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(root, forKey: .structure)
    }
}
