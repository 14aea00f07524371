// Placeholder so the library configures; H3 replaces it with the real implementation.
