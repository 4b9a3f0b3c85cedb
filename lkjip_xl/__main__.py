"""`python -m lkjip_xl` is the same as the `lkjip-xl` command."""

import sys

from lkjip_xl.cli import main

sys.exit(main())
