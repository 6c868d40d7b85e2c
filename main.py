"""Start Planbook from a checkout: `python main.py [COMMAND] …` is the same as `planbook [COMMAND] …`."""

import sys

from planbook.cli import main

if __name__ == "__main__":
    sys.exit(main())
