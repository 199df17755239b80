import Testing

@Test func KZRegStructureTestsBuilds() {}
