import Testing
@testable import KZReg

@Suite struct OutputNamingTests {
    @Test func namesAreFileNamesWithoutExtension() {
        let inputs = OutputNaming.name(["Seeds/001_a.txt", "more/report.v2.txt", "plain"])
        #expect(inputs.map(\.name) == ["001_a", "report.v2", "plain"])
        #expect(inputs.allSatisfy { $0.renamedBecause == nil })
    }

    @Test func sameBaseNameInTwoDirectoriesIsDisambiguatedByDirectory() {
        let inputs = OutputNaming.name(["a/x.txt", "b/x.txt", "c/y.txt"])
        #expect(inputs.map(\.name) == ["a_x", "b_x", "y"])
        #expect(inputs[0].renamedBecause?.contains("b/x.txt") == true)
        #expect(inputs[2].renamedBecause == nil)
    }

    @Test func clashesNeedingDeeperPathsUseMoreComponents() {
        let inputs = OutputNaming.name(["p/a/x.txt", "q/a/x.txt"])
        #expect(inputs.map(\.name) == ["p_a_x", "q_a_x"])
    }

    @Test func namesDifferingOnlyInCaseAreKeptApart() {
        let names = OutputNaming.name(["d/Report.txt", "d/report.txt"]).map { $0.name.lowercased() }
        #expect(Set(names).count == 2)
    }

    @Test func disambiguatedNameNeverCollidesWithAnotherInputsPlainName() {
        let names = OutputNaming.name(["a/x.txt", "b/x.txt", "z/a_x.txt"]).map(\.name)
        #expect(Set(names).count == 3)
    }
}
