"""A throwaway PostgreSQL cluster for the tests: ``initdb`` in a temporary folder, ``pg_ctl`` listening on
127.0.0.1 (a free port) and a Unix socket in that folder, trust for local connections except the role
``pwuser``, which must give its password; the folder is in /dev/shm when it has room (_scratch_parent). The
server refuses to run as root: as root, the cluster is made and run as the ``postgres`` user (``runuser``).
One cluster per test session (per xdist worker); one database per test, copied from a migrated template.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PASSWORD_ROLE = "pwuser"
PASSWORD = "s3cret-Pw-never-printed"
TEMPLATE = "cc_template"


def find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for path in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        return path
    return None


def _runuser() -> str:
    """``runuser`` lives in /usr/sbin, which a non-login PATH may leave out."""
    return shutil.which("runuser", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin") or "runuser"


def _scratch_parent() -> str | None:
    """/dev/shm when it and the memory behind it have room for a session's databases (a few hundred MB): in
    memory, a database per test is copied about four times faster, and removing the cluster's thousands of
    files at the end takes no time (on disk, with ext4's discard, it took 8 s). Elsewhere (a small /dev/shm, as
    in Docker, or little free memory): the temp dir."""
    with contextlib.suppress(OSError, ValueError):
        st = os.statvfs("/dev/shm")
        meminfo = Path("/proc/meminfo").read_text()
        available_kib = int(meminfo.split("MemAvailable:")[1].split()[0])
        room = min(st.f_bavail * st.f_frsize, available_kib << 10)
        if room >= 2 << 30 and os.access("/dev/shm", os.W_OK | os.X_OK):
            return "/dev/shm"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    def __init__(self) -> None:
        initdb, self.pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        if not initdb or not self.pg_ctl:
            raise RuntimeError("initdb/pg_ctl not found (apt-get install postgresql)")
        self.dir = Path(tempfile.mkdtemp(prefix="claimcheck-pg-", dir=_scratch_parent()))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = [_runuser(), "-u", "postgres", "--"]
            shutil.chown(self.dir, "postgres", "postgres")
        os.chmod(self.dir, 0o755)
        self._run([initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"])
        hba = self.data / "pg_hba.conf"
        rules = (
            f"local all {PASSWORD_ROLE} scram-sha-256\n"
            f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
            "local all all trust\nhost all all 127.0.0.1/32 trust\n"
        )
        self._write(hba, rules)
        self._write(
            self.data / "postgresql.auto.conf",
            f"listen_addresses = '127.0.0.1'\nport = {self.port}\nunix_socket_directories = '{self.dir}'\n"
            "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 60\n"
            "shared_buffers = 32MB\nlog_min_messages = fatal\n",
        )
        self.start()
        self.admin(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}'")
        self.admin(f"CREATE DATABASE {TEMPLATE}")
        # The template carries the migrated schema: a database per test is a cheap copy of it.
        from claimcheck.store import Store

        Store.open(self.url(TEMPLATE)).close()
        self._names = itertools.count(1)

    def _run(self, cmd: list[str]) -> None:
        subprocess.run([*self.as_user, *cmd], check=True, capture_output=True, timeout=120)

    def _write(self, path: Path, text: str) -> None:
        path.write_text(text)
        if self.as_user:
            shutil.chown(path, "postgres", "postgres")

    def start(self) -> None:
        self._run([self.pg_ctl, "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60", "start"])  # type: ignore[list-item]

    def restart(self) -> None:
        self._run([self.pg_ctl, "-D", str(self.data), "-w", "-t", "60", "-m", "fast", "restart", "-l", str(self.dir / "log")])  # type: ignore[list-item]

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"])  # type: ignore[list-item]
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, db: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{db}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self) -> str:
        name = f"t{os.getpid()}_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def empty_database(self) -> str:
        """A database without claimcheck's schema (migrate-store's target, migrations from zero)."""
        name = f"e{os.getpid()}_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name}")
        return self.url(name)
