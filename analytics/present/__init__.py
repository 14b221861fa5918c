"""Presentation: numbers formatted for people, tables, chart builders, tiles and findings; no queries."""
