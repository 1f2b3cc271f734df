#!/usr/bin/env python3
"""Dateline's command line: `python build.py [build|check] [options]` (build is the default)."""

from __future__ import annotations

import os
import sys

from dateline.cli import main

if __name__ == "__main__":
    code = main(sys.argv[1:])
    # Everything is written and closed by now. The process still holds every object of the
    # build, and freeing them one by one on the way out serves nothing (0.15 s at 10,000 events).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
