"""Read an input file only if it is a regular file, and never more than a size limit.

Every file tei-encoder reads that a user or a document names (records, TEI
documents, schemas, their includes and imports, stylesheets) is read here.
Named pipes, devices and sockets are refused before a byte is read: opening
a FIFO blocks until a writer appears, and /dev/zero never ends. The file is
opened without blocking and checked with fstat on the open descriptor, so
it cannot be swapped for a FIFO between the check and the read. At most
``limit + 1`` bytes are read, whatever the file claims its size is.

Nothing is decompressed: the bytes are handed to parsers from memory, where
libxml2 does not expand gzip (it does when it opens a file name itself).
"""

from __future__ import annotations

import os
import stat

MAX_BYTES = 50 * 1024 * 1024  # the one limit for every input; xmlsafe.MAX_BYTES is this value

_CHUNK = 1024 * 1024
# os.read allocates the whole request before reading: a megabyte a call (twice a file, the second to find the
# end) cost a validated file 20 us of malloc. The read that finds the end asks for a few bytes instead.
_END_PROBE = 256
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


class InputRefused(ValueError):
    """A file that is not read; ``str()`` is one line saying why (the caller adds the file name)."""


class InputTooLarge(InputRefused):
    """A regular file larger than the limit."""


def refusal_of_mode(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read, or None for a regular file."""
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "is not a regular file"


def too_large_message(size: int | None, limit: int) -> str:
    if size is None:
        return f"refused: larger than the limit of {limit:,} bytes"
    return f"refused: the file has {size:,} bytes, more than the limit of {limit:,}"


def read_regular_file(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; InputRefused (or InputTooLarge) for anything else, OSError when it cannot be opened."""
    descriptor = os.open(path, _FLAGS)
    try:
        status = os.fstat(descriptor)
        reason = refusal_of_mode(status.st_mode)
        if reason is not None:
            raise InputRefused(reason)
        if status.st_size > limit:
            raise InputTooLarge(too_large_message(status.st_size, limit))
        chunks: list[bytes] = []
        total = 0
        request = status.st_size + 1  # a file as large as fstat says is read in one call, then its end is found
        while total <= limit:  # stops one byte past the limit even if the file grows while it is read
            chunk = os.read(descriptor, min(request, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            request = _END_PROBE if total == status.st_size else _CHUNK
    finally:
        os.close(descriptor)
    if total > limit:
        raise InputTooLarge(too_large_message(None, limit))
    return b"".join(chunks)


def describe_os_error(error: OSError) -> str:
    """One line for an OSError from opening or reading, without the path (the caller names the file)."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory, not a file"
    return f"cannot read: {error.strerror or error}"
