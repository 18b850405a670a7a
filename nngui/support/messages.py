"""Plain-words messages for file-system errors (saving, exporting, autosaving).

``describe_os_error(exc, path)`` turns an ``OSError`` into one sentence naming the file
and saying what is wrong and what to do: a missing folder, a read-only folder or disk,
a full disk, a path through a file. Other exceptions give their message (translated when it is
one of the core's, see :mod:`nngui.support.core_messages`).
"""

from __future__ import annotations

import errno
import os

from nngui.support.core_messages import core_text, error_text
from nngui.support.i18n import fmt, translate

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
        return error_text(exc)
    name = os.path.basename(path) or path
    folder = _folder(path)
    code = exc.errno
    reason = exc.strerror or str(exc)
    if code == errno.ENOENT:
        if not os.path.isdir(folder):
            blocker = _blocking_file(folder)
            if blocker:
                return fmt(translate("Messages", "Cannot write %1: %2 is a file, not a folder. Choose another "
                                                 "folder."), name, blocker)
            return fmt(translate("Messages", "Cannot write %1: the folder %2 does not exist (it may have been moved, "
                                             "renamed or be on a disconnected drive). Choose another folder."),
                       name, folder)
        return fmt(translate("Messages", "Cannot write %1: the folder %2 does not accept new files (%3). Choose "
                                         "another folder."), name, folder, core_text(reason))
    if code == errno.ENOTDIR:
        blocker = _blocking_file(folder)
        where = blocker or folder
        return fmt(translate("Messages", "Cannot write %1: %2 is a file, not a folder. Choose another folder."),
                   name, where)
    if code in (errno.EACCES, errno.EPERM):
        return fmt(translate("Messages", "Cannot write %1: permission denied in the folder %2 (it is read-only or "
                                         "belongs to another user). Choose another folder, such as your Documents "
                                         "folder."), name, folder)
    if code == errno.EROFS:
        return fmt(translate("Messages", "Cannot write %1: the folder %2 is on a read-only disk. Choose another "
                                         "folder."), name, folder)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return fmt(translate("Messages", "Cannot write %1: the disk is full (or your quota is used up). Free some "
                                         "space or choose another disk; the previous file, if any, was not changed."),
                   name)
    if code == errno.EISDIR:
        return fmt(translate("Messages", "Cannot write %1: a folder of that name is in the way. Choose another "
                                         "name."), name)
    if code == errno.ENAMETOOLONG:
        return fmt(translate("Messages", "Cannot write %1: the name or path is too long. Choose a shorter one."),
                   name)
    return fmt(translate("Messages", "Cannot write %1: %2."), name, core_text(reason))


def os_error_text(exc: Exception, path: str) -> str:
    """The message for a failed read or write: plain words for an OSError, the error's own text otherwise."""
    from core.data import DataError

    if isinstance(exc, OSError) and not isinstance(exc, DataError):
        return describe_os_error(exc, path)
    return error_text(exc)
