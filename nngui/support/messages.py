"""Plain-words messages for file-system errors (saving, exporting, autosaving).

``describe_os_error(exc, path)`` turns an ``OSError`` into one sentence naming the file
and saying what is wrong and what to do: a missing folder, a read-only folder or disk,
a full disk, a path through a file. Other exceptions give ``str(exc)``.
"""

from __future__ import annotations

import errno
import os

__all__ = ["describe_os_error", "os_error_text"]


def _folder(path: str) -> str:
    return os.path.dirname(os.path.abspath(path)) or os.sep


def _blocking_file(folder: str) -> str | None:
    """The first component of ``folder`` that exists but is not a folder (e.g. 'notes.txt/x.json')."""
    probe = folder
    while probe and probe != os.path.dirname(probe):
        if os.path.exists(probe):
            return None if os.path.isdir(probe) else probe
        probe = os.path.dirname(probe)
    return None


def describe_os_error(exc: BaseException, path: str | os.PathLike) -> str:
    """One clear sentence for ``exc`` raised while writing or reading ``path``."""
    path = os.fspath(path)
    if not isinstance(exc, OSError):
        return str(exc)
    name = os.path.basename(path) or path
    folder = _folder(path)
    code = exc.errno
    reason = exc.strerror or str(exc)
    if code == errno.ENOENT:
        if not os.path.isdir(folder):
            blocker = _blocking_file(folder)
            if blocker:
                return (f"Cannot write {name}: {blocker} is a file, not a folder. "
                        "Choose another folder.")
            return (f"Cannot write {name}: the folder {folder} does not exist (it may have been moved, "
                    "renamed or be on a disconnected drive). Choose another folder.")
        return (f"Cannot write {name}: the folder {folder} does not accept new files ({reason}). "
                "Choose another folder.")
    if code == errno.ENOTDIR:
        blocker = _blocking_file(folder)
        where = blocker or folder
        return f"Cannot write {name}: {where} is a file, not a folder. Choose another folder."
    if code in (errno.EACCES, errno.EPERM):
        return (f"Cannot write {name}: permission denied in the folder {folder} (it is read-only or belongs "
                "to another user). Choose another folder, such as your Documents folder.")
    if code == errno.EROFS:
        return (f"Cannot write {name}: the folder {folder} is on a read-only disk. "
                "Choose another folder.")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return (f"Cannot write {name}: the disk is full (or your quota is used up). Free some space "
                "or choose another disk; the previous file, if any, was not changed.")
    if code == errno.EISDIR:
        return f"Cannot write {name}: a folder of that name is in the way. Choose another name."
    if code == errno.ENAMETOOLONG:
        return f"Cannot write {name}: the name or path is too long. Choose a shorter one."
    return f"Cannot write {name}: {reason}."


def os_error_text(exc: Exception, path: str) -> str:
    """The message for a failed read or write: plain words for an OSError, the error's own text otherwise."""
    from core.data import DataError

    if isinstance(exc, OSError) and not isinstance(exc, DataError):
        return describe_os_error(exc, path)
    return str(exc)
