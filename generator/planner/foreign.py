"""Words of other languages the patterns understand through their English equivalents (the app itself
falls back to English): Spanish, French, German, Portuguese, Italian, Indonesian and Japanese."""

from __future__ import annotations

import re

__all__ = ["english_hints"]

_WORDS: dict[str, str] = {
    # Spanish / Portuguese / Italian
    "agua": "water", "água": "water", "acqua": "water", "sueño": "sleep", "dormir": "sleep", "pasos": "steps",
    "peso": "weight", "ejercicio": "exercise", "exercício": "exercise", "lectura": "reading", "ánimo": "mood",
    "gastos": "expense", "despesas": "expense", "spese": "expense", "presupuesto": "budget", "orçamento": "budget",
    "calculadora": "calculator", "calcolatrice": "calculator", "temporizador": "timer", "cronómetro": "stopwatch",
    "tareas": "to-do task", "tarefas": "to-do task", "compiti": "to-do task", "lista de compras": "shopping list",
    "receta": "recipe", "receita": "recipe", "ricetta": "recipe", "encuesta": "survey", "votación": "vote",
    "juego": "game", "jogo": "game", "gioco": "game", "hábito": "habit", "abitudine": "habit", "notas": "notes",
    "diario": "diary", "inventario": "inventory", "comida": "food meal", "dieta": "diet", "calorías": "calorie",
    "examen": "quiz", "preguntas": "quiz questions", "tarjetas": "flashcards", "vocabulario": "vocabulary",
    # French
    "eau": "water", "sommeil": "sleep", "poids": "weight", "dépenses": "expense", "minuteur": "timer",
    "chronomètre": "stopwatch", "tâches": "to-do task", "recette": "recipe", "sondage": "poll", "jeu": "game",
    "habitude": "habit", "calculatrice": "calculator", "repas": "meal", "questionnaire": "survey",
    # German
    "wasser": "water", "schlaf": "sleep", "gewicht": "weight", "ausgaben": "expense", "rechner": "calculator",
    "aufgaben": "to-do task", "rezept": "recipe", "umfrage": "poll", "spiel": "game", "gewohnheit": "habit",
    "notizen": "notes", "einkaufsliste": "shopping list", "vokabeln": "vocabulary",
    # Indonesian / Malay
    "air minum": "water", "tidur": "sleep", "pengeluaran": "expense", "anggaran": "budget", "kalkulator": "calculator",
    "pengatur waktu": "timer", "tugas": "to-do task", "resep": "recipe", "permainan": "game", "kebiasaan": "habit",
    "catatan": "notes", "stok": "stock inventory", "barang": "items inventory", "kuis": "quiz",
    # Japanese (kana words; kanji ones read as Chinese)
    "クイズ": "quiz", "タイマー": "timer", "ゲーム": "game", "メモ": "notes", "カレンダー": "calendar event",
    "ポモドーロ": "pomodoro", "カロリー": "calorie", "レシピ": "recipe", "アンケート": "survey",
}  # fmt: skip
_PATTERN = re.compile(
    r"(?<![a-zà-ÿ])(?:" + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)) + r")(?![a-zà-ÿ])"
)


def english_hints(text: str) -> str:
    """English equivalents of the foreign words in ``text`` (lower-cased), space separated, or ""."""
    return " ".join(dict.fromkeys(_WORDS[m.group(0)] for m in _PATTERN.finditer(text)))
