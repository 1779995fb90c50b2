"""The offline planner's knowledge as reviewable data files (``games.json``: the game catalogue).

A regular package so that its ``*.json`` files ship as package data."""
