"""The offline planner: an idea becomes a complete AppSpec by pattern, deterministically, with no model."""

from generator.planner.core import plan, rank
from generator.planner.lang import detect_language
from generator.planner.model import Plan

__all__ = ["Plan", "detect_language", "plan", "rank"]
