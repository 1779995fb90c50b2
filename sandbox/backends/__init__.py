"""Flash Apps: backends."""
