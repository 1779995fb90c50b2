"""Shared ground: errors, settings and the home folder, atomic files, and the contracts between rooms."""
