/// Version information of the kzreg toolkit.
public enum KZRegVersion {
    /// The toolkit's release version, shown by `kzreg --version`.
    public static let tool = "0.1.0"
    /// Bumped whenever a change in any pipeline stage changes the records it produces for the same input,
    /// so that `kzreg convert` re-converts inputs whose outputs were made by an older pipeline.
    public static let pipelineRevision = 2
}

extension Pipeline {
    /// A stamp identifying everything that determines this pipeline's outputs for a given input: tool version,
    /// pipeline revision, record schema version, repair method and repair model. Batch conversion records it
    /// per input and treats outputs with another stamp as out of date.
    public var versionStamp: String {
        "kzreg \(KZRegVersion.tool); pipeline r\(KZRegVersion.pipelineRevision); "
            + "schema v\(Record.currentSchemaVersion); repair \(repairMethod)"
            + (repairModel.map { " (model \($0))" } ?? "")
    }
}
