import Testing

@Test func KZRegRecordsTestsBuilds() {}
