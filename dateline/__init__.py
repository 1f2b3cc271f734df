"""Dateline: dated diplomatic events, written as Markdown, into an ordered static timeline site."""
