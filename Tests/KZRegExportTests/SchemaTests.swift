import Foundation
import KZRegExport
import KZRegRecords
import KZRegStructure
import Testing

/// The published schemas load, are usable, and list exactly the values the Swift model can hold.
@Suite struct SchemaTests {
    @Test func schemasLoadFromTheBundle() throws {
        #expect(RecordSchemas.xsd.contains("<xs:schema"))
        #expect(RecordSchemas.jsonSchema.contains("2020-12"))
        #expect(RecordSchemas.schema(forFormat: "xml") == RecordSchemas.xsd)
        #expect(RecordSchemas.schema(forFormat: "JSON") == RecordSchemas.jsonSchema)
        #expect(RecordSchemas.schema(forFormat: "yaml") == nil)
    }

    @Test func theJSONSchemaUsesOnlyWhatTheValidatorChecks() throws {
        _ = try JSONSchemaValidator(schemaText: RecordSchemas.jsonSchema)
    }

    @Test func theXSDCompiles() throws {
        let result = try XMLValidator().validate("<unrelated/>")
        #expect(!result.isValid)
        #expect(result.messages.contains { $0.contains("No matching global declaration") })
    }

    private var jsonSchema: JSONValue {
        get throws { try JSONValue(parsing: Data(RecordSchemas.jsonSchema.utf8)) }
    }

    private func jsonEnum(_ definition: String, _ property: String) throws -> [String] {
        guard case .array(let values)? = try jsonSchema["$defs"]?[definition]?["properties"]?[property]?["enum"]
        else { return [] }
        return values.compactMap { if case .string(let value) = $0 { value } else { nil } }
    }

    /// The enumeration values of a named simple type in the XSD.
    private func xsdEnum(_ typeName: String) throws -> [String] {
        let xsd = RecordSchemas.xsd
        guard let start = xsd.range(of: "<xs:simpleType name=\"\(typeName)\">"),
              let end = xsd.range(of: "</xs:simpleType>", range: start.upperBound..<xsd.endIndex) else { return [] }
        let body = xsd[start.upperBound..<end.lowerBound]
        return body.matches(of: /<xs:enumeration value="([^"]*)"\/>/).map { String($0.output.1) }
    }

    @Test func nodeKindsMatchTheModel() throws {
        let model = NodeKind.allCases.map(\.rawValue)
        #expect(try jsonEnum("node", "kind") == model)
        #expect(try xsdEnum("NodeKindType") == model)
    }

    @Test func durationUnitsMatchTheModel() throws {
        let model = Duration.Unit.allCases.map(\.rawValue)
        #expect(try jsonEnum("duration", "unit") == model)
        #expect(try xsdEnum("DurationUnitType") == model)
    }

    @Test func durationQualifiersMatchTheModel() throws {
        let model = Duration.Qualifier.allCases.map(\.rawValue)
        #expect(try jsonEnum("duration", "qualifier") == model, "plus null")
        #expect(try xsdEnum("DurationQualifierType") == model)
    }

    @Test func processKindsAndAutomationMatchTheModel() throws {
        let kinds = try jsonEnum("process", "kind")
        #expect(try xsdEnum("ProcessKindType") == kinds)
        #expect(kinds.allSatisfy { ServiceProcess.Kind(rawValue: $0) != nil })
        let automation = try jsonEnum("serviceForms", "automation")
        #expect(try xsdEnum("AutomationType") == automation)
        #expect(automation.allSatisfy { ServiceForms.Automation(rawValue: $0) != nil })
    }

    @Test func statusesAndRegulationKindsMatchTheModel() throws {
        let statuses = try jsonEnum("document", "status")
        #expect(statuses == ["inForce", "repealed", "unknown"])
        #expect(try xsdEnum("StatusType") == statuses)
        for status in statuses { #expect(ActStatus(rawValue: status) != nil) }
        let kinds = try jsonEnum("regulation", "kind")
        #expect(kinds == ["regulation", "rules", "other"])
        #expect(try xsdEnum("RegulationKindType") == kinds)
        for kind in kinds { #expect(Regulation.Kind(rawValue: kind) != nil) }
    }

    /// Every element layout the XML exporter uses is declared in the XSD, with the same children.
    @Test func theXMLLayoutMatchesTheXSD() throws {
        let xsd = RecordSchemas.xsd
        for (name, element) in XMLLayout.record.elements {
            for child in element.children {
                let elementName = XMLLayout.record.inlineArrays.contains(child)
                    ? XMLLayout.record.itemName(forArray: child) : child
                #expect(xsd.contains("<xs:element name=\"\(elementName)\""), "<\(name)> child \(child)")
            }
            for attribute in element.attributes where attribute != "span" {
                #expect(xsd.contains("<xs:attribute name=\"\(attribute)\""), "<\(name)> attribute \(attribute)")
            }
        }
    }
}
