"""Flash Apps: sandbox."""
