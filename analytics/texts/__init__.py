"""Text modules by area. Each module defines TEXT = {key: {"id": ..., "en": ...}}; analytics.i18n
merges them all, and a key defined twice is an error."""
