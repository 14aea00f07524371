// Placeholder so the library configures; replaced by the panels implementation.
