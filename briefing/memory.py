"""glibc malloc settings for processes that speak: the command line, the server, the workers.

Speech synthesis grows the voice's onnxruntime arena by tens of MB for each sentence and
gives it back when the sentence is done (see :func:`briefing.audio.speak._load_piper`);
mastering works on arrays of 20 MB a two-minute briefing. How glibc serves those blocks
decides much of a job's peak memory. Each setting is applied once, at start,
by the entry point (never on import: a program that embeds the library keeps its own), and an
explicit glibc environment variable wins over it. Elsewhere than glibc (macOS, musl) they do
nothing.
"""

from __future__ import annotations

import ctypes
import gc
import os

__all__ = ["limit_malloc_arenas", "map_large_blocks", "release_memory"]

# glibc's mallopt() parameters.
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8

LARGE_BLOCK = 256 * 1024


def _glibc(function: str, *args: int) -> int | None:
    """Call a glibc malloc function; None where the C library is not glibc (macOS, musl)."""
    try:
        return getattr(ctypes.CDLL("libc.so.6"), function)(*args)
    except (OSError, AttributeError):
        return None


def limit_malloc_arenas(arenas: int = 2) -> bool:
    """Let glibc keep at most ``arenas`` malloc arenas in this process; True when applied.

    glibc gives each busy thread its own arena (up to 8 per core), and each one keeps its
    own freed memory: with waitress's request threads and the job workers the server sat
    about 60 MB higher between jobs (bench.web: 365 MB with the default, 307 MB with two
    arenas), at no measurable cost in requests per second. Called once at start-up, before
    the threads start; an explicit ``MALLOC_ARENA_MAX`` in the environment wins.
    """
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    return bool(_glibc("mallopt", _M_ARENA_MAX, arenas))


def map_large_blocks(threshold: int = LARGE_BLOCK) -> bool:
    """Serve every block of ``threshold`` bytes or more with its own memory map, handed back
    to the system the moment it is freed; True when applied.

    glibc starts with this behaviour for blocks over 128 KB, but each time such a block is
    freed it raises the threshold to that block's size (up to 32 MB). After the voice's first
    sentence its memory all comes from the heap instead, where freed blocks linger and
    fragment. Measured on 15 spoken pieces of up to 90 characters, one thread: the peak over
    the loaded voice was 138 MB with glibc's default and 98 MB with a fixed threshold, and
    resident memory afterwards 73 and 4 MB above where it started, at the same speed (the
    voice's arena takes few, large blocks). A fixed threshold also turns glibc's adjustment
    off, which is the point. An explicit ``MALLOC_MMAP_THRESHOLD_`` in the environment wins.
    """
    if os.environ.get("MALLOC_MMAP_THRESHOLD_"):
        return False
    return bool(_glibc("mallopt", _M_MMAP_THRESHOLD, threshold))


def release_memory() -> None:
    """Hand the memory a finished job freed back to the system.

    Speaking a long sentence briefly needs a few hundred MB; glibc keeps freed blocks in
    its arenas, so without a trim the server's resident size stays at its peak between
    jobs (measured: about 55 MB more after the seed briefing).
    """
    gc.collect()
    _glibc("malloc_trim", 0)
