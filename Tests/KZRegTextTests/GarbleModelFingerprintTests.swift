import Foundation
import Testing
@testable import KZRegText

/// The model fingerprint names the model file that made an output (batch conversion re-converts on change).
@Suite struct GarbleModelFingerprintTests {
    @Test func fingerprintFollowsTheBytes() {
        let bytes = Data((0..<1000).map { UInt8($0 % 251) })
        var changed = bytes
        changed[997] ^= 1
        #expect(GarbleModel.fingerprint(of: bytes) == GarbleModel.fingerprint(of: Data(bytes)))
        #expect(GarbleModel.fingerprint(of: bytes) != GarbleModel.fingerprint(of: changed))
        #expect(GarbleModel.fingerprint(of: bytes).count == 16)
    }

    @Test func bundledModelHasOne() throws {
        let model = try GarbleModel.loadDefault()
        #expect(model.fingerprint.count == 16)
        #expect(model.withLookAlikeVariants(cost: -4).fingerprint == model.fingerprint)
    }
}
