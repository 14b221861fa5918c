"""Benchmarks: measured, written down, never asserted in tests."""
