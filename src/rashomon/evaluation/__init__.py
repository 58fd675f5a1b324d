"""Readers for annotated corpora and the span metrics shared by the `rashomon eval` scorers."""
