"""Run a module as `__main__` for only as long as the process that started it lives.

`python -m armstrace.model.lifeline FD MODULE ARGS...` watches the read end FD of a pipe whose write
end only the parent holds, and exits the moment reading it returns end-of-file: the kernel
closes the parent's descriptors however the parent ends, `kill -9` included, so a server run
this way never outlives armstrace. (PR_SET_PDEATHSIG would be Linux-only and fires when the
*thread* that started the child ends, not the process.)
"""

from __future__ import annotations

import os
import runpy
import sys
import threading


def _exit_when_closed(fd: int) -> None:
    try:
        while os.read(fd, 1):  # the parent never writes: data would only be noise
            pass
    except OSError:
        pass
    os._exit(1)  # no clean-up: the parent is gone and nobody waits for this process


def main(argv: list[str]) -> None:
    """Start watching FD, then run MODULE with ARGS as if it were `python -m MODULE ARGS`."""
    fd, module, *args = argv
    threading.Thread(target=_exit_when_closed, args=(int(fd),), daemon=True).start()
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
