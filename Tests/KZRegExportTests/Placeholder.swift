import Testing

@Test func KZRegExportTestsBuilds() {}
