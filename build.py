#!/usr/bin/env python3
"""Dateline's command line: `python build.py [build|check] [options]` (build is the default)."""

from __future__ import annotations

import sys

from dateline.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
