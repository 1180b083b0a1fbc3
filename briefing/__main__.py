"""`python -m briefing` runs the same command as the `briefing` script.

Ctrl-C while the modules are still loading ends the command at once, quietly,
with status 130; `entry` then turns Ctrl-C back into KeyboardInterrupt, which
the command handles.  `run` is also fit to be the console script, so that the
script gets the same quiet start.
"""

import os
import signal


def _interrupted_while_loading(signum, frame) -> None:
    os._exit(130)


def run() -> None:
    signal.signal(signal.SIGINT, _interrupted_while_loading)
    from briefing.cli import entry

    entry()


if __name__ == "__main__":
    run()
