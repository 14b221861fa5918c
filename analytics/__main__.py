"""Entry point for `python -m analytics export ...` (meeting files from the command line)."""

import sys

from analytics.meeting_files.cli import main

sys.exit(main())
