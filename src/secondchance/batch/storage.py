"""Storage URLs (``s3a://``, ``hdfs://``, ``gs://``, ``file://``) for ``screen --engine spark``:
the tables are read and the results written by Spark itself; the few files the driver writes
(errors, campaign lists, manifest) are made in a local folder first and then copied to the URL,
and a rerun copies the last run's manifest and errors file back, all through the file system
Hadoop gives the Spark session for that URL (so a cluster's own connectors and credentials
apply). docs/scale.md explains a cluster.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    """Whether ``text`` names a place by URL (``scheme://...``) rather than a local path."""
    return _URL.match(text) is not None


def join(url: str, *names: str) -> str:
    """``url`` with ``names`` appended, one slash between each."""
    return "/".join([url.rstrip("/"), *names])


class StorageFiles:
    """The file system of a storage URL, through the Spark session's Hadoop configuration."""

    def __init__(self, spark: Any, url: str) -> None:
        jvm = spark.sparkContext._jvm
        self._path = jvm.org.apache.hadoop.fs.Path
        conf = spark.sparkContext._jsc.hadoopConfiguration()
        self._fs = self._path(url).getFileSystem(conf)

    def names(self, url: str) -> list[str] | None:
        """The names directly under the folder ``url``; None when it is not a folder."""
        path = self._path(url)
        if not self._fs.exists(path) or not self._fs.getFileStatus(path).isDirectory():
            return None
        return sorted(str(s.getPath().getName()) for s in self._fs.listStatus(path))

    def exists(self, url: str) -> bool:
        return bool(self._fs.exists(self._path(url)))

    def delete(self, url: str) -> None:
        self._fs.delete(self._path(url), True)

    def put(self, local: Path, url: str) -> None:
        """Copy the local file or folder ``local`` to ``url`` (replacing what is there)."""
        self._fs.copyFromLocalFile(False, True, self._path(str(local)), self._path(url))

    def get(self, url: str, local: Path) -> None:
        """Copy the file at ``url`` to the local path ``local``."""
        self._fs.copyToLocalFile(False, self._path(url), self._path(str(local)), True)
