import Foundation
import KZReg
import Testing

/// Strings that break naive XML writers: every record field carries them and the XML must stay valid.
@Suite struct NastyStringTests {
    static let nasty: [String] = [
        "a < b && c > d",
        "]]> and <![CDATA[ x ]]>",
        "\"double\" and 'single' quotes",
        "&amp; &#x41; &bogus; &",
        "control \u{0} \u{1} \u{8} \u{B} \u{C} \u{1B} \u{1F} end",
        "tab\tnewline\ncarriage\rreturn\r\n",
        "non-characters \u{FFFE} \u{FFFF}",
        "emoji 👩‍👩‍👧 🇰🇿 and 𝔘",
        "combining и\u{0306} е\u{0308} A\u{030A}",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>&e;",
        "   leading and trailing spaces   ",
        "",
        "bidi \u{202E}txet\u{202C} and zero-width \u{200B}\u{FEFF}",
    ]

    @Test(arguments: nasty)
    func xmlStaysValid(_ text: String) throws {
        let xml = try XMLExporter().data(for: sampleRecord(text: text))
        let result = try XMLValidator().validate(xml)
        #expect(result.isValid, "\(result.messages)")
    }

    @Test(arguments: nasty)
    func xmlReadsBackAsTheSanitizedText(_ text: String) throws {
        let record = sampleRecord(text: text)
        let root = try parseXML(try XMLExporter().data(for: record))
        let expected = XMLText.sanitized(text)
        let regulation = try #require(root.child("regulations")?.children("regulation").last)
        #expect(regulation.child("title")?.text == expected)
        #expect(root.child("source")?.attributes["file"] == XMLText.sanitized("sample \(text).txt"))
        let cells = root.child("structure")?.child("node")?.children("node").last?.children("node").last?
            .child("cells")?.children("cell").map(\.text)
        #expect(cells == [expected, "", "2 сағат"])
    }

    @Test(arguments: nasty)
    func jsonStaysValidAndRoundTrips(_ text: String) throws {
        let record = sampleRecord(text: text)
        let json = try JSONExporter().data(for: record)
        let violations = try JSONSchemaValidator(schemaText: RecordSchemas.jsonSchema).validate(json: json)
        #expect(violations.isEmpty, "\(violations)")
        let reread = try JSONRecordReader().record(from: json)
        #expect(reread.regulations.last?.title == (try ICU.nfc(text)))
    }

    @Test func forbiddenCharactersBecomeReplacementCharacters() {
        #expect(XMLText.sanitized("a\u{0}b\u{1F}c\u{FFFE}d\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
        #expect(XMLText.sanitized("tab\tlf\ncr\r") == "tab\tlf\ncr\r")
        #expect(XMLText.sanitized("\u{7F}\u{85}\u{D7FF}\u{E000}\u{10FFFF}") == "\u{7F}\u{85}\u{D7FF}\u{E000}\u{10FFFF}")
    }

    @Test func textIsNormalizedToNFC() throws {
        let decomposed = "и\u{0306}"  // й as и + combining breve
        #expect(XMLText.sanitized(decomposed).unicodeScalars.map(\.value) == [0x0439])
        let xml = String(decoding: try XMLExporter().data(for: sampleRecord(text: decomposed)), as: UTF8.self)
        #expect(!xml.unicodeScalars.contains("\u{0306}"))
        #expect(xml.contains("й"))
        let json = String(decoding: try JSONExporter().data(for: sampleRecord(text: decomposed)), as: UTF8.self)
        #expect(!json.unicodeScalars.contains("\u{0306}"))
        #expect(json.contains("й"))
    }

    /// A combining mark right after a JSON escape must not fuse with the escape's last letter.
    @Test(arguments: ["line\n\u{303}", "ret\r\u{307}", "tab\t\u{307}", "unit\u{1F}\u{307}", "nfd и\u{306}\n\u{303}"])
    func combiningMarksAfterEscapesSurviveJSON(_ text: String) throws {
        let json = try JSONExporter().data(for: sampleRecord(text: text))
        let reread = try JSONRecordReader().record(from: json)
        #expect(reread.regulations.last?.title == (try ICU.nfc(text)))
        #expect(try JSONSchemaValidator(schemaText: RecordSchemas.jsonSchema).validate(json: json).isEmpty)
    }

    @Test func rawForbiddenCharactersNeverReachTheXML() throws {
        let xml = try XMLExporter().data(for: sampleRecord(text: "x\u{1}\u{2}\u{FFFF}y"))
        let text = String(decoding: xml, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { !XMLText.isAllowed($0) })
        #expect(!text.contains("&#1;"), "libxml2 must not write character references to forbidden characters")
        #expect(text.contains("x\u{FFFD}\u{FFFD}\u{FFFD}y"))
    }
}
