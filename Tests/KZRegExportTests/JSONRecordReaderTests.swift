import Foundation
import KZRegExport
import KZRegRecords
import Testing

@Suite struct JSONRecordReaderTests {
    private func read(_ text: String) throws -> Record { try JSONRecordReader().record(from: Data(text.utf8)) }

    @Test func readsBackWhatTheExporterWrote() throws {
        let record = sampleRecord()
        let reread = try JSONRecordReader().record(from: JSONExporter().data(for: record))
        #expect(reread == record)
    }

    @Test func acceptsAByteOrderMark() throws {
        let record = sampleRecord()
        let data = Data([0xEF, 0xBB, 0xBF]) + (try JSONExporter().data(for: record))
        #expect(try JSONRecordReader().record(from: data) == record)
    }

    @Test func rejectsTextThatIsNotJSON() {
        #expect { try read("hello") } throws: { error in
            guard case RecordReadError.notJSON = error else { return false }
            return true
        }
        #expect { try JSONRecordReader().record(from: Data([0xFF, 0xFE, 0x00])) } throws: { error in
            guard case RecordReadError.notJSON = error else { return false }
            return true
        }
        #expect { try read("") } throws: { error in
            guard case RecordReadError.notJSON = error else { return false }
            return true
        }
    }

    @Test func rejectsJSONThatIsNotARecord() {
        for text in ["[1, 2]", "\"record\"", "{}", #"{"schemaVersion": "1"}"#, #"{"name": "x"}"#] {
            #expect(throws: RecordReadError.self, "\(text)") { try read(text) }
            #expect("\(text)", performing: { try read(text) }, throws: { error in
                guard case RecordReadError.notARecord = error else { return false }
                return true
            })
        }
    }

    @Test func rejectsOtherSchemaVersions() {
        #expect(throws: RecordReadError.unsupportedSchemaVersion(found: 2, supported: 1)) {
            try read(#"{"schemaVersion": 2, "source": {}}"#)
        }
        #expect(throws: RecordReadError.unsupportedSchemaVersion(found: 0, supported: 1)) {
            try read(#"{"schemaVersion": 0}"#)
        }
    }

    @Test func namesWhereARecordIsBroken() throws {
        var json = try JSONValue(parsing: JSONExporter().data(for: sampleRecord()))
        guard case .object(var members) = json, case .object(var document)? = members["document"] else {
            Issue.record("the sample is not an object")
            return
        }
        document["status"] = .string("active")
        members["document"] = .object(document)
        json = .object(members)
        let data = try JSONEncoder().encode(json)
        #expect { try JSONRecordReader().record(from: data) } throws: { error in
            guard case RecordReadError.invalidRecord(let path, _) = error else { return false }
            return path == ".document.status"
        }
        #expect { try read(#"{"schemaVersion": 1, "source": {"file": "x"}}"#) } throws: { error in
            guard case RecordReadError.invalidRecord(let path, let reason) = error else { return false }
            return path == ".source" && reason.contains("sha256")
        }
    }

    @Test func errorsReadWell() {
        #expect(RecordReadError.unsupportedSchemaVersion(found: 2, supported: 1).description
                == "unsupported kzreg record schemaVersion 2 (this build reads 1)")
        #expect(RecordReadError.notARecord("it has no integer schemaVersion").description
                .hasPrefix("not a kzreg record"))
    }
}
