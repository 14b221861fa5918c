"""ETL: source files -> validation -> DuckDB warehouse (raw, staging, marts)."""
