// Placeholder so the library configures; replaced by the test fixtures.
