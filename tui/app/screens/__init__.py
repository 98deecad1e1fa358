"""Screens of the viewer, each with its .tcss beside it."""
