"""The closing lines of the Python test scripts: each failure on a line of its own, then the
plain "N passed, N failed" line that ctest's pass pattern and CI read. Returns the exit
status (0 when nothing failed)."""


def verdict(failures):
    for f in failures:
        print("FAIL:", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0
