"""Whole-process timings: wall time from spawn to exit (or to a first screen) and peak RSS.

Absolute times drift on shared machines, so commands are always measured in
alternation within one run and compared as a ratio of medians.  Peak memory
comes from the kernel's accounting of each child (`os.wait4`), so it is the
child's own high-water mark, not the runner's.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

#: ru_maxrss is in KiB on Linux (bytes on macOS).
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024


@dataclass
class Run:
    seconds: float
    peak_bytes: int
    status: int
    output: bytes = b""


@dataclass
class Samples:
    """Repeated runs of one command."""

    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> list[float]:
        return [r.seconds for r in self.runs]

    @property
    def peak_bytes(self) -> int:
        return max((r.peak_bytes for r in self.runs), default=0)


def _reap(pid: int, timeout: float | None = None) -> tuple[int, int]:
    """Wait for `pid`; returns (exit code, peak RSS in bytes).  Kills it after `timeout` seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        flags = 0 if deadline is None else os.WNOHANG
        done, status, usage = os.wait4(pid, flags)
        if done:
            return os.waitstatus_to_exitcode(status), usage.ru_maxrss * _RSS_UNIT
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            deadline = None
        else:
            time.sleep(0.005)


def run(argv: Sequence[str], env: dict[str, str] | None = None, cwd: str | None = None,
        capture: bool = False, timeout: float = 120) -> Run:
    """Run a command to its end; stdout goes to /dev/null unless captured."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    output = child.stdout.read() if capture else b""
    code, peak = _reap(child.pid, timeout)
    seconds = time.perf_counter() - start
    child.returncode = code  # reaped by wait4: tell Popen so it does not wait again
    if capture:
        child.stdout.close()
    return Run(seconds, peak, code, output)


def alternate(commands: dict[str, Sequence[str]], runs: int, warmup: int = 2,
              env: dict[str, str] | None = None, cwd: str | None = None,
              measure=None) -> dict[str, Samples]:
    """Run every command `runs` times, interleaved, after `warmup` unrecorded rounds.

    The order inside each round is reversed every other round, so neither
    command always runs right after the other (caches, CPU frequency).
    `measure(argv)` defaults to `run`; pass `launch_until_screen` curried for TUIs.
    """
    measure = measure or (lambda argv: run(argv, env=env, cwd=cwd))
    samples = {name: Samples(name) for name in commands}
    names = list(commands)
    for round_ in range(warmup + runs):
        order = names if round_ % 2 == 0 else names[::-1]
        for name in order:
            result = measure(commands[name])
            if result.status != 0:
                raise RuntimeError(f"{name}: exit status {result.status}: {' '.join(commands[name])}")
            if round_ >= warmup:
                samples[name].runs.append(result)
    return samples


# --- terminal apps ---------------------------------------------------------------------------------

_ESCAPES = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


def visible(raw: bytes) -> str:
    """What a terminal would show of `raw`, in order, with every escape sequence removed."""
    return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")


def launch_until_screen(argv: Sequence[str], markers: Sequence[str], env: dict[str, str] | None = None,
                        cwd: str | None = None, size: tuple[int, int] = (160, 48),
                        timeout: float = 30, quit_keys: bytes = b"\x11") -> Run:
    """Start a terminal app in a pseudo-terminal; time from spawn until every marker has been drawn.

    A marker is plain text that only a complete first screen shows (the last
    row of a table, a footer label).  The app is then sent ctrl+q and reaped;
    its peak RSS covers start-up and the first screen.
    """
    columns, lines = size
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    environ = dict(os.environ if env is None else env, TERM="xterm-256color",
                   COLUMNS=str(columns), LINES=str(lines))
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=environ, cwd=cwd, stdin=slave, stdout=slave, stderr=slave,
                             start_new_session=True, close_fds=True)
    os.close(slave)
    raw = b""
    seen_at = None
    deadline = start + timeout
    try:
        while seen_at is None and time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if _exited(child.pid):
                    break
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # EIO: the child closed the terminal
                break
            now = time.perf_counter()
            raw += chunk
            text = visible(raw)
            if all(m in text for m in markers):
                seen_at = now
        if seen_at is not None:
            os.write(master, quit_keys)
        _drain_until_exit(master, child, 5)
        code, peak = _reap(child.pid, 5)
        child.returncode = code
    finally:
        os.close(master)
    if seen_at is None:
        missing = [m for m in markers if m not in visible(raw)]
        raise RuntimeError(f"{' '.join(argv)}: no complete screen within {timeout} s; "
                           f"missing {missing}; last output: {visible(raw)[-400:]!r}")
    return Run(seen_at - start, peak, 0, raw)


def _drain_until_exit(master: int, child: subprocess.Popen, timeout: float) -> None:
    """Keep reading the terminal so the child never blocks on a full buffer while it quits."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                if not os.read(master, 1 << 16):
                    return
            except OSError:
                return
        elif _exited(child.pid):
            return
    if not _exited(child.pid):
        os.killpg(child.pid, signal.SIGTERM)


def _exited(pid: int) -> bool:
    """Has the child ended?  Unlike Popen.poll, this leaves it unreaped so wait4 still gets its rusage."""
    return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
