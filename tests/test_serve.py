"""`briefing serve`: loopback by default, a warning anywhere else, the dashboard command quoted safely."""

import shlex
import sys

import pytest

from briefing import cli, serve


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.255.255.254", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("128.0.0.1", False), ("192.168.1.2", False), ("::", False), ("example.org", False),
    ("localhost.example.org", False),
])
def test_only_loopback_addresses_count_as_this_machine(host, loopback):
    assert serve.is_loopback(host) is loopback


def test_the_dashboard_command_quotes_every_word():
    command = serve.dashboard_command("ru", "my id; rm -rf ~", ["/tmp/a folder", "$(x)"])
    assert shlex.split(command) == [sys.executable, "-m", "briefing", "--lang", "ru", "--data", "/tmp/a folder",
                                    "--data", "$(x)", "show", "my id; rm -rf ~"]


@pytest.mark.parametrize("locale, warning", [
    ("en", "warning: serving on 0.0.0.0: anyone who can reach port 8123 can drive the dashboard"),
    ("ru", "внимание: адрес 0.0.0.0 доступен извне: любой, кто достучится до порта 8123, сможет управлять панелью"),
])
def test_serving_beyond_this_machine_warns_first(monkeypatch, capsys, locale, warning):
    started = []
    monkeypatch.setattr(serve, "serve", lambda *args: started.append(args))
    code = cli.main(["--lang", locale, "serve", "kz-iaea-far-east-2025", "--host", "0.0.0.0", "--port", "8123"])
    lines = capsys.readouterr().err.splitlines()
    assert code == 0 and lines[0] == warning and "http://0.0.0.0:8123" in lines[1]
    command, host, port, _ = started[0]
    assert (host, port) == ("0.0.0.0", 8123) and shlex.split(command)[-2:] == ["show", "kz-iaea-far-east-2025"]


def test_loopback_by_default_and_no_warning(monkeypatch, capsys):
    started = []
    monkeypatch.setattr(serve, "serve", lambda *args: started.append(args))
    assert cli.main(["--lang", "en", "serve", "kz-iaea-far-east-2025"]) == 0
    assert started[0][1:3] == ("127.0.0.1", 8000)
    assert capsys.readouterr().err.splitlines() == [
        "the dashboard is at http://127.0.0.1:8000; press Ctrl+C to stop"]


@pytest.mark.parametrize("port", ["0", "65536", "-1"])
def test_a_port_out_of_range_is_one_line(port, capsys):
    assert cli.main(["--lang", "en", "serve", "kz-iaea-far-east-2025", "--port", port]) == 2
    assert capsys.readouterr().err.strip().endswith(f"the port must be between 1 and 65535, got {port}")


def test_the_dashboard_starts_for_textual_serve_without_a_terminal(tmp_path):
    """textual-serve runs each page's dashboard on pipes, with Textual's web driver: no terminal to refuse.

    (The browser test, tests/test_serve_browser.py, checks the whole page; this runs without Chromium.)
    """
    import os
    import subprocess

    from briefing.tui.launch import WEB_DRIVER

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "TEXTUAL"))}
    env.update(LANG="C.UTF-8", TEXTUAL_DRIVER=WEB_DRIVER, COLUMNS="120", ROWS="40", TERM="dumb",
               XDG_CACHE_HOME=str(tmp_path))
    child = subprocess.Popen(shlex.split(serve.dashboard_command("en", "kz-iaea-far-east-2025", [])), env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = child.stdout.readline()  # the web driver's greeting, which textual-serve waits for
    finally:
        child.kill()
        child.wait(10)
        child.stdout.close()
        child.stderr.close()
        child.stdin.close()
    assert first == b"__GANGLION__\n"
