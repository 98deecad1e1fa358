"""Widgets of the viewer: the diff panes, the overview ruler, the change list, the header."""
