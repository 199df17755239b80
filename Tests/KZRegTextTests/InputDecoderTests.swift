import Testing
@testable import KZRegText

@Suite struct InputDecoderTests {
    @Test func emptyInputIsAnError() {
        #expect(throws: InputError.empty) { try InputDecoder().decode([]) }
    }

    @Test func utf8WithBOMIsStripped() throws {
        let decoded = try InputDecoder().decode([0xEF, 0xBB, 0xBF] + Array("Қазақ".utf8))
        #expect(decoded.text == "Қазақ")
        #expect(decoded.hadByteOrderMark)
        #expect(decoded.encoding == "UTF-8")
    }

    @Test func sha256MatchesKnownDigest() {
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
