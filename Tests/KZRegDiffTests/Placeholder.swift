import Testing

@Test func diffBuilds() {}
