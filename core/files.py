"""Writing files all at once: every writer in nngui (model, CSV, project, exports) goes through here.

A write goes to a fresh temp file beside the target, is flushed and fsynced, then
``os.replace``d over the target, so a crash or a full disk never leaves half a file
and the old file survives any failure.

Pure standard library: this module never imports Qt.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable

__all__ = ["atomic_write_bytes", "atomic_write_chunks", "atomic_write_text"]


def _create_temp(directory: str, base: str) -> tuple[int, str]:
    """Create a fresh hidden temp file beside the target (permissions follow the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = os.path.join(directory, f".{base}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"could not create a temporary file in {directory}")


def _fsync_directory(directory: str) -> None:
    """Make the rename durable where the platform allows (best effort)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` all at once, so a crash never leaves half a file.

    Writes a temp file in the same directory, flushes and fsyncs it, then
    ``os.replace``s it over the target (keeping an existing file's permissions).
    On any failure the temp file is removed, the old file is untouched and the
    error (usually OSError) propagates.
    """
    atomic_write_chunks(path, (payload,))


def atomic_write_chunks(path: str | os.PathLike, chunks: Iterable[bytes]) -> None:
    """:func:`atomic_write_bytes` of the concatenated ``chunks``, written as they come: a big file is never
    one string in memory. An error raised by ``chunks`` leaves the old file as it was, like any other."""
    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    fd, temp = _create_temp(directory, os.path.basename(target))
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(temp, os.stat(target).st_mode & 0o7777)
        except OSError:
            pass  # no old file (or no permission to copy its mode): keep the umask default
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    _fsync_directory(directory)


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    """:func:`atomic_write_bytes` of ``text`` encoded (newlines are written as given)."""
    atomic_write_bytes(path, text.encode(encoding))
