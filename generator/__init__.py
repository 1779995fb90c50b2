"""Flash Apps: generator."""
