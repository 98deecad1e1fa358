"""Write a report without ever destroying what the user has at the path.

A regular file, or nothing, at the path is replaced atomically: the report goes
to a temporary file in the same directory, is flushed to disk, takes the old
file's owner, group and mode, and is renamed over it. A failed or interrupted
run (SIGINT, SIGTERM, SIGHUP) removes its temporary file and leaves the old
report whole. Anything else is written *through*, never replaced: a device
(``/dev/null`` as root must stay a device), a FIFO, ``/dev/stdout`` or a
shell's ``>(gzip > r.gz)``. A symbolic link is followed to its target, and the
link stays.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from tui.errors import ArticleDiffError

#: Signals a run can be stopped by that still let it clean up.
CAUGHT_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
#: Short and fixed, so that a target whose name is as long as the file system allows still gets one.
TEMP_PREFIX = ".article-diff-"
_FD_DIRECTORY = re.compile(r"/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd")
_MAX_LINKS = 40


@dataclass(frozen=True, slots=True)
class Target:
    """Where a report will really go, and how it must be written there."""

    path: str
    """The final path, symbolic links followed."""
    through: bool
    """Write into what is there (a device, a FIFO, a descriptor) instead of renaming over it."""
    descriptor: int | None = None
    """One of this process's open descriptors (``/dev/stdout``, ``/dev/fd/63``): written as the shell opened it."""


def _descriptor_link(path: str) -> int | None:
    """The descriptor number when ``path`` is an entry of this process's ``/proc/.../fd`` (else None)."""
    parent = os.path.realpath(os.path.dirname(path))
    name = os.path.basename(path)
    if not _FD_DIRECTORY.fullmatch(parent) or not name.isdigit():
        return None
    owner = parent.split("/")[2]
    return int(name) if owner in ("self", "thread-self", str(os.getpid())) else -1


def resolve_target(path: str) -> Target:
    """Follow ``path``'s symbolic links to what a report written there would replace.

    A link into ``/proc/<pid>/fd`` (``/dev/stdout``, ``/dev/fd/N``) is a descriptor, not a file to replace: the
    file behind it is the shell's redirection, and renaming over it would lose what the shell writes next.

    Raises:
        ArticleDiffError: The links loop.
    """
    current = os.path.abspath(path)
    for _ in range(_MAX_LINKS):
        descriptor = _descriptor_link(current)
        if descriptor is not None:
            return Target(current, True, descriptor if descriptor >= 0 else None)
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return Target(current, False)
        except OSError as error:
            raise ArticleDiffError(f"{path}: cannot write ({error.strerror or error})") from None
        if not stat.S_ISLNK(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise ArticleDiffError(f"{path}: is a directory")
            return Target(current, not stat.S_ISREG(info.st_mode))
        current = os.path.abspath(os.path.join(os.path.dirname(current), os.readlink(current)))
    raise ArticleDiffError(f"{path}: too many levels of symbolic links")


class Signalled(BaseException):
    """A catchable stopping signal arrived while a report was being written."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_signalled(signum: int, _frame: object) -> None:
    raise Signalled(signum)


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """Turn SIGINT, SIGTERM and SIGHUP into an exception for the block, so its clean-up runs; then re-deliver.

    Once the block has cleaned up, the signal is raised again under the handler the process had, so the
    process still ends the way it would have (killed by SIGTERM, KeyboardInterrupt for SIGINT). Signals the
    process ignores (``nohup``) stay ignored. Outside the main thread Python cannot set handlers: nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum in CAUGHT_SIGNALS:
        handler = signal.getsignal(signum)
        if handler is signal.SIG_IGN or handler is None:
            continue
        previous[signum] = handler
        signal.signal(signum, _raise_signalled)
    try:
        yield
    except Signalled as caught:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        previous = {}
        signal.raise_signal(caught.signum)
        raise KeyboardInterrupt from None  # the old handler returned: stop as an interrupt would
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """Hold stopping signals back for a moment (while a temporary file is created and its name kept)."""
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, CAUGHT_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _keep_owner_and_mode(fd: int, old: os.stat_result | None) -> None:
    """Give the new file the old one's owner, group and mode; a new file gets what ``open`` would give."""
    if old is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        return
    for uid, gid in ((old.st_uid, old.st_gid), (-1, old.st_gid)):  # not root: at least the group, if ours
        try:
            os.fchown(fd, uid, gid)
            break
        except OSError:
            continue
    os.fchmod(fd, stat.S_IMODE(old.st_mode))  # after chown, which clears set-id bits


def _write_through(target: Target, data: bytes, name: str) -> None:
    try:
        if target.descriptor is not None:
            _write_all(target.descriptor, data)
            return
        fd = os.open(target.path, os.O_WRONLY | os.O_NOCTTY)
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
    except OSError as error:
        raise ArticleDiffError(f"{name}: cannot write ({error.strerror or error})") from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _replace(target: Target, data: bytes, name: str) -> None:
    directory = os.path.dirname(target.path)
    if not os.path.isdir(directory):
        raise ArticleDiffError(f"{name}: directory {directory!r} does not exist")
    try:
        old: os.stat_result | None = os.stat(target.path)
    except OSError:
        old = None
    temp: str | None = None
    try:
        with _signals_blocked():  # a signal now would lose the temporary file's name
            fd, temp = tempfile.mkstemp(dir=directory, prefix=TEMP_PREFIX, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _keep_owner_and_mode(handle.fileno(), old)
            os.fsync(handle.fileno())
        os.replace(temp, target.path)
        temp = None
    except PermissionError:
        raise ArticleDiffError(f"{name}: permission denied") from None
    except OSError as error:
        raise ArticleDiffError(f"{name}: cannot write ({error.strerror or error})") from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``: atomically over a regular file or nothing, through anything else.

    Raises:
        ArticleDiffError: When the directory is missing, the path is a directory, or the write fails;
            nothing is left behind.
    """
    name = os.fspath(path)
    with signals_raise():
        target = resolve_target(name)
        if target.through:
            _write_through(target, data, name)
        else:
            _replace(target, data, name)


def same_file(path: str, others: list[str]) -> str | None:
    """The first of ``others`` (paths, ``-`` for standard input) that ``path`` would overwrite, if any.

    Only a regular file can be lost this way: writing through a device or a FIFO that is also read is harmless.
    """
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    for other in others:
        try:
            seen = os.fstat(0) if other == "-" else os.stat(other)
        except (OSError, ValueError):
            continue
        if (seen.st_dev, seen.st_ino) == (info.st_dev, info.st_ino):
            return other
    return None
