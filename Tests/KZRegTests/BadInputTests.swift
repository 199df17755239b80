import Foundation
import Testing
@testable import KZReg

/// Every kind of bad input gives a correct record or a clear error, at the library level.
@Suite struct BadInputTests {
    let pipeline = Pipeline()

    @Test func emptyInputIsAClearError() {
        #expect(throws: InputError.empty) { try pipeline.process(bytes: [], fileName: "empty.txt") }
    }

    @Test func byteOrderMarkAloneIsEmpty() {
        #expect(throws: InputError.empty) { try pipeline.process(bytes: [0xEF, 0xBB, 0xBF], fileName: "bom.txt") }
        #expect(throws: InputError.empty) { try pipeline.process(bytes: [0xFF, 0xFE], fileName: "bom16.txt") }
    }

    @Test func whitespaceOnlyInputGivesAnEmptyRecord() throws {
        let document = try pipeline.process(bytes: Array("  \n\n\t\n".utf8), fileName: "blank.txt")
        #expect(document.record.regulations.isEmpty)
        #expect(document.record.source.byteCount == 6)
    }

    @Test(arguments: [1, 2, 3])
    func binaryInputIsRejected(seed: Int) {
        let bytes = Genre.binary(count: 4096, seed: UInt64(seed))
        #expect {
            try pipeline.process(bytes: bytes, fileName: "image.png")
        } throws: { error in
            guard let error = error as? InputError else { return false }
            switch error {
            case .binary, .undecodable: return true
            default: return false
            }
        }
    }

    @Test func binaryErrorSaysWhy() throws {
        do {
            _ = try pipeline.process(bytes: Genre.binary(count: 1000), fileName: "x.png")
            Issue.record("binary input was accepted")
        } catch let error as InputError {
            #expect("\(error)".contains("binary") || "\(error)".contains("charset"))
        }
    }

    @Test func textWithANulByteIsBinary() {
        let bytes = Array("Қаулы".utf8) + [0] + Array("мәтін".utf8)
        #expect(throws: InputError.binary(offset: 10)) { try pipeline.process(bytes: bytes, fileName: "nul.txt") }
    }

    @Test func mostlyValidUTF8WithAFewBrokenBytesIsReadAsUTF8() throws {
        var bytes = Array(Genre.kazakhAct.utf8)
        // Insert at character boundaries (before spaces), so each insertion is one invalid sequence.
        let spaces = bytes.indices.filter { bytes[$0] == 0x20 }
        bytes.insert(0xC3, at: spaces[20])   // a lead byte without its continuation
        bytes.insert(0xFF, at: spaces[5])
        let document = try pipeline.process(bytes: bytes, fileName: "broken.txt")
        #expect(document.decoded.encoding == "UTF-8")
        #expect(document.decoded.substitutions == 2)
        #expect(document.decoded.text.contains("Мемлекеттік көрсетілетін қызмет регламентін бекіту туралы"))
        #expect(document.record.source.sha256 == SHA256.hex(of: bytes))
    }

    @Test func invalidUTF8GarbageIsAClearError() {
        // Continuation bytes with no lead byte: neither UTF-8 nor a sensible 8-bit text.
        let bytes = [UInt8](repeating: 0x80, count: 300) + Array(" \n".utf8)
        #expect(throws: InputError.self) { try pipeline.process(bytes: bytes, fileName: "garbage.txt") }
    }

    @Test(arguments: [7, 8, 9])
    func randomHighBytesBetweenSpacesAreAClearError(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let bytes = (0..<5000).map { index -> UInt8 in
            index % 7 == 6 ? 0x20 : UInt8.random(in: 0x80...0xFF, using: &generator)
        }
        #expect {
            try pipeline.process(bytes: bytes, fileName: "noise.txt")
        } throws: { error in
            guard case .undecodable(let reason) = error as? InputError else { return false }
            return reason.contains("invalid UTF-8 at byte") && reason.contains("Kazakh or Russian")
        }
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func utf16IsDecoded(bigEndian: Bool, byteOrderMark: Bool) throws {
        let bytes = Genre.utf16(Genre.kazakhAct, bigEndian: bigEndian, byteOrderMark: byteOrderMark)
        let document = try pipeline.process(bytes: bytes, fileName: "utf16.txt")
        #expect(document.decoded.text == Genre.kazakhAct)
        #expect(document.decoded.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
        #expect(document.decoded.hadByteOrderMark == byteOrderMark)
        #expect(document.record.source.encoding == document.decoded.encoding)
        #expect(document.record.source.transcoded)
        #expect(document.record.source.byteCount == bytes.count)
    }

    @Test func sixteenBitBinaryDataIsNotTakenForUTF16() {
        // Little-endian 16-bit samples below 256: NUL in every odd byte, like UTF-16LE text, but read as UTF-16
        // they are C1 controls and Latin-1 symbols, not a document.
        var generator = SeededGenerator(seed: 5)
        let bytes = (0..<4000).flatMap { _ in [UInt8.random(in: 0x80...0xFF, using: &generator), 0] }
        #expect(throws: InputError.self) { try pipeline.process(bytes: bytes, fileName: "samples.raw") }
    }

    @Test func utf16WithOnlyAsciiTextIsDecoded() throws {
        let bytes = Genre.utf16("No. 15\nplain ASCII text\n", bigEndian: false, byteOrderMark: false)
        let document = try pipeline.process(bytes: bytes, fileName: "ascii16.txt")
        #expect(document.decoded.text == "No. 15\nplain ASCII text\n")
    }

    @Test func utf16SubstitutionsCountOnlyBrokenUnits() throws {
        // A replacement character the text itself contains is no substitution; a lone surrogate is one.
        let text = Genre.kazakhAct + "\nБелгісіз таңба: \u{FFFD}\n"
        let clean = try pipeline.process(bytes: Genre.utf16(text, bigEndian: false, byteOrderMark: true),
                                         fileName: "fffd16.txt")
        #expect(clean.decoded.substitutions == 0)
        #expect(clean.decoded.text.contains("таңба: \u{FFFD}"))
        var broken = Genre.utf16(text, bigEndian: false, byteOrderMark: true)
        broken += [0x00, 0xD8, 0x41, 0x00]   // a high surrogate followed by "A"
        let document = try pipeline.process(bytes: broken, fileName: "broken16.txt")
        #expect(document.decoded.substitutions == 1)
    }

    @Test func windows1251IsDetectedAndDecoded() throws {
        let bytes = Genre.windows1251(Genre.russianAct)
        let document = try pipeline.process(bytes: bytes, fileName: "cp1251.txt")
        #expect(document.decoded.text == Genre.russianAct)
        #expect(document.record.source.encoding == "windows-1251")
        #expect(document.record.source.transcoded)
        #expect(document.decoded.substitutions == 0)
    }

    @Test func kz1048IsDetectedAndItsKazakhLettersDecoded() throws {
        let bytes = Genre.kz1048(Genre.kazakhAct.replacingOccurrences(of: "–", with: "-"))
        let document = try pipeline.process(bytes: bytes, fileName: "kz1048.txt")
        #expect(document.decoded.text == Genre.kazakhAct.replacingOccurrences(of: "–", with: "-"))
        #expect(document.record.source.encoding == "KZ-1048")
        #expect(document.record.source.transcoded)
    }

    @Test func russianTextInWindows1251IsNotMistakenForKZ1048() throws {
        // Ukrainian letters are legitimately Windows-1251; a stray one must not switch the charset.
        let text = Genre.russianAct + "Київ\n"
        var bytes = Genre.windows1251(Genre.russianAct)
        bytes += [0xCA, 0xE8, 0xBF, 0xE2, 0x0A]   // "Київ" in Windows-1251
        let document = try pipeline.process(bytes: bytes, fileName: "cp1251-uk.txt")
        #expect(document.record.source.encoding == "windows-1251")
        #expect(document.decoded.text == text)
    }

    @Test func textWithoutAnyStructureGivesARecordWithoutRegulations() throws {
        let text = "Бұл жай мәтін, онда ешқандай құрылым жоқ.\nТек екі жол ғана.\n"
        let document = try pipeline.process(bytes: Array(text.utf8), fileName: "plain.txt")
        #expect(document.record.regulations.isEmpty)
        #expect(document.record.annexes.isEmpty)
        #expect(document.record.document.adopted.date == nil)
        #expect(document.record.structure.kind == .document)
        #expect(document.record.structure.span == SourceSpan(start: 0, end: text.utf8.count))
        #expect(document.record.structure.fullText.contains("Тек екі жол ғана."))
    }

    @Test func oneHugeLineWithoutBreaksIsHandled() throws {
        let text = String(repeating: "мемлекеттік көрсетілетін қызмет ", count: 20_000)
        let document = try pipeline.process(bytes: Array(text.utf8), fileName: "line.txt")
        #expect(document.record.source.byteCount == text.utf8.count)
    }

    @Test func inputsBeyondTheSizeLimitAreAClearError() {
        var decoder = InputDecoder()
        decoder.maximumByteCount = 1000
        #expect(throws: InputError.tooLarge(byteCount: 1001, limit: 1000)) {
            try decoder.decode([UInt8](repeating: 0x41, count: 1001))
        }
    }
}
