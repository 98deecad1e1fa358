"""Make the README screenshots from the app itself: ``python -m tui.app.screenshots [DIRECTORY]``.

Each view of the embedded demo pair is driven headless with Pilot and saved as
an SVG by Textual, so the pictures always show what the code draws.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path

from tui.app.palette import Palette
from tui.compare import compare_documents, load
from tui.demo import DEMO_NEW, DEMO_OLD, demo_bytes
from tui.model import Comparison


@dataclass(frozen=True)
class Shot:
    """One screenshot: a file name, a terminal size, app options and keys to press first."""

    name: str
    size: tuple[int, int]
    keys: tuple[str, ...] = ()
    boilerplate: str = "dim"
    unified: bool | None = False
    palette: Palette = "truecolor"


SHOTS: tuple[Shot, ...] = (
    Shot("side-by-side", (150, 44), ("n", "n", "n")),
    Shot("unified", (96, 44), (), unified=True),
    Shot("boilerplate-hidden", (150, 44), ("G",), boilerplate="hide"),
    Shot("change-list", (150, 44), ("l", "down", "down", "down", "down", "enter")),
    Shot("search", (150, 44), ("slash", *"council", "enter", "enter")),
    Shot("formatting-shown", (150, 44), ("f", "]", "]", "]", "]", "]")),
    Shot("help", (150, 44), ("question_mark",)),
    Shot("palette-256", (150, 44), ("n",), palette="256"),
    Shot("palette-16", (150, 44), ("n",), palette="16"),
    Shot("palette-none", (150, 44), ("n",), palette="none"),
)
"""The screenshots the README shows."""


def demo_comparison() -> Comparison:
    """The embedded demo pair, compared."""
    return compare_documents(load(DEMO_OLD, data=demo_bytes(DEMO_OLD)), load(DEMO_NEW, data=demo_bytes(DEMO_NEW)))


async def take(shot: Shot, comparison: Comparison, directory: Path) -> Path:
    """Drive the app for ``shot`` and save its SVG in ``directory``."""
    from tui.app.app import ArticleDiffApp

    app = ArticleDiffApp(
        comparison=comparison, boilerplate=shot.boilerplate, unified=shot.unified, palette=shot.palette
    )
    async with app.run_test(size=shot.size) as pilot:
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
        await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        return Path(app.save_screenshot(filename=f"{shot.name}.svg", path=str(directory)))


def main(argv: list[str] | None = None) -> int:
    """Write every screenshot into the given directory (``screenshots`` by default)."""
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0] if args else "screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    comparison = demo_comparison()
    for shot in SHOTS:
        print(asyncio.run(take(shot, comparison, directory)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
