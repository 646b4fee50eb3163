"""Every file a command writes goes through here.

A file is written to a temporary file in its own folder and renamed over the
target (``os.replace``), so an interrupted or failing write (Ctrl-C, a full
disk) never leaves a truncated or empty file, and a symbolic link planted at
the target is replaced, never written through. Files get the mode the umask
allows (``mkstemp`` alone would make them 0600, unreadable to a web server).

``output_folder`` prepares the folder a command writes into and locks it
against a second build or render writing into it at the same time; problems
with the folder itself are an ``OutputError`` with exit status 2, a write that
fails on the way (a full disk) one with exit status 1.
"""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; concurrent builds are not detected there
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".tei-encoder.lock"


class OutputError(Exception):
    """A file or folder that cannot be written, as one line naming it; ``exit_status`` 1 or 2."""

    def __init__(self, message: str, exit_status: int = 1) -> None:
        super().__init__(message)
        self.exit_status = exit_status


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


@functools.cache
def file_mode() -> int:
    """0666 less the umask: what open() would give a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# Temporary names: a random token per process and a counter. O_EXCL refuses a name that exists (made by
# another process, a forked one with the same token, or planted as a symbolic link): then the next is taken.
_TOKEN = secrets.token_hex(4)
_SERIAL = itertools.count()
_CREATE = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
           | getattr(os, "O_BINARY", 0))


def _temporary(target: Path) -> tuple[int, str]:
    """A new, empty temporary file next to ``target``: its descriptor and path.

    Opened with mode 0666, which the umask reduces as open() would (``file_mode``): no chmod
    afterwards, and none of mkstemp's name drawing per file (a site writes three files per document).
    """
    while True:
        temporary = os.path.join(target.parent, f".{target.name}.{_TOKEN}{next(_SERIAL):x}.tmp")
        try:
            return os.open(temporary, _CREATE, 0o666), temporary
        except FileExistsError:
            continue
        except OSError as error:  # the folder is missing or not writable: nothing was done yet
            raise OutputError(f"{target}: cannot write: {_reason(error)}", 2) from None


@contextlib.contextmanager
def atomic_writer(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace ``target`` only when the block ends without an error.

    A target that is a device, a named pipe or a socket itself (``--output /dev/null``) is written into:
    renaming a file over it would put a regular file where the device was (as root, /dev/null itself).
    """
    target = Path(target)
    if _special(target):
        with _written_into(target) as stream:
            yield stream
        return
    with _replacing(target) as handle, os.fdopen(handle, "wb") as stream:
        yield stream


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[int]:
    """A new temporary file's descriptor, which the block closes; the file replaces ``target`` when the
    block ends without an error, and is removed when it does not."""
    handle, temporary = _temporary(target)
    try:
        yield handle
        os.replace(temporary, target)  # replaces a symbolic link itself, never the file it points to
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write: {_reason(error)}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _special(target: Path) -> bool:
    """The path itself (not a symbolic link) is a device, a named pipe or a socket."""
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


@contextlib.contextmanager
def _written_into(target: Path) -> Iterator[BinaryIO]:
    try:
        handle = os.open(target, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        stream = os.fdopen(handle, "wb")
    except OSError as error:
        raise OutputError(f"{target}: cannot write: {_reason(error)}", 2) from None
    try:
        with stream:
            yield stream
    except OSError as error:
        raise OutputError(f"{target}: cannot write: {_reason(error)}") from None


@contextlib.contextmanager
def text_writer(target: str | os.PathLike[str]) -> Iterator[TextIO]:
    """``atomic_writer`` for UTF-8 text (a report)."""
    with atomic_writer(target) as binary:
        stream = io.TextIOWrapper(binary, encoding="utf-8", write_through=False)
        try:
            yield stream
            stream.flush()
        finally:
            stream.detach()  # atomic_writer closes the file, and only after the rename decision


def write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """``data`` as the whole of ``target``, atomically as ``atomic_writer`` writes.

    Written with os.write on the temporary file's descriptor: a site writes three files per document,
    and a buffered file object per file (with its fstat, isatty and seek) cost a fifth of each write.
    """
    target = Path(target)
    if _special(target):
        with _written_into(target) as stream:
            stream.write(data)
        return
    with _replacing(target) as handle:
        try:
            _write_all(handle, data)
        finally:
            os.close(handle)


def _write_all(handle: int, data: bytes) -> None:
    """os.write until every byte is written (it may write fewer than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def copy_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    write_bytes(target, Path(source).read_bytes())


def make_folder(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` (and its parents) unless it is a folder already; exit status 2 when it cannot be."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: the output folder is a file, not a folder", 2)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{path}: cannot create the output folder: {_reason(error)}", 2) from None
    return path


@contextlib.contextmanager
def output_folder(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Create the folder and hold its lock while the block writes into it.

    The lock is an advisory ``flock`` on ``.tei-encoder.lock`` in the folder. The system
    releases it when the process ends, however it ends, so a killed build never blocks the
    next one; the file is removed when the block ends, so a finished site holds no trace of it.
    Creating it also proves the folder writable before any page is made.
    """
    folder = make_folder(path)
    descriptor = _lock(folder / LOCK_NAME)
    try:
        yield folder
    finally:
        Path(folder / LOCK_NAME).unlink(missing_ok=True)  # still held: nobody else has it now
        os.close(descriptor)


def _lock(lock_path: Path) -> int:
    while True:
        try:
            descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), file_mode())
        except OSError as error:
            raise OutputError(f"{lock_path.parent}: cannot write into the output folder: {_reason(error)}", 2) from None
        if fcntl is None:
            return descriptor
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise OutputError(f"{lock_path.parent}: another tei-encoder build or render is writing into this "
                              "folder; wait until it has finished", 2) from None
        # The holder before us may have removed the file between our open and our lock: then we
        # locked a file nobody else will see, and must lock the one now at the path.
        try:
            if os.path.samestat(os.fstat(descriptor), os.stat(lock_path, follow_symlinks=False)):
                return descriptor
        except FileNotFoundError:
            pass
        os.close(descriptor)
