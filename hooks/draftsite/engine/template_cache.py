"""Compiled templates kept between the languages of one build (each language builds a new Jinja
environment) and between builds (in a folder, git-ignored), so every template is compiled once."""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket


class SharedBytecodeCache(BytecodeCache):
    """Jinja bytecode in memory for the process, backed by a folder when one is given. Jinja keys
    each entry by the template's name and checks it against the template's source, so a changed
    template is compiled again."""

    def __init__(self, folder: Path | None = None) -> None:
        self._memory: dict[str, bytes] = {}
        self._disk = None
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            self._disk = FileSystemBytecodeCache(str(folder))

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from memory, else from the folder."""
        stored = self._memory.get(bucket.key)
        if stored is not None:
            bucket.bytecode_from_string(stored)
        elif self._disk is not None:
            self._disk.load_bytecode(bucket)
            if bucket.code is not None:
                self._memory[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a freshly compiled template in memory and in the folder."""
        self._memory[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            self._disk.dump_bytecode(bucket)


def use_bytecode_cache(env: Environment, cache: SharedBytecodeCache) -> Environment:
    """The environment, with `cache` as its bytecode cache."""
    env.bytecode_cache = cache
    return env
