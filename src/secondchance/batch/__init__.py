"""Batch screening: many people from tables, the same engine as ``check``, campaigns, Spark."""
