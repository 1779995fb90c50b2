"""Flash Apps: studio."""
