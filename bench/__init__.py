"""Benchmarks and fault scripts that run the real site (see bench/README.md)."""
