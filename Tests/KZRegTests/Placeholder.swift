import Testing

@Test func KZRegTestsBuilds() {}
