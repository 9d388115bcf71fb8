#!/usr/bin/env python3
"""Lists the public types and functions of errsweep's library products that carry no
documentation comment (stored properties and enum cases, whose names say what they hold, are not
counted).

Reads the symbol graphs `make docs` extracts (.build/*/extracted-symbols/PACKAGE/MODULE/*.symbols.json)
and counts a public declaration in Sources/ as documented when it has a doc comment of its own, or
when it implements a protocol requirement or is an enum case's raw value that inherits one (DocC
shows the requirement's documentation there). Exits 1 and lists them when any is missing."""
import glob, json, os, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
missing = []
for module in ["ErrSweep", "ErrSweepReports", "ErrSweepDifferentiation"]:
    # extracted-symbols/<the package's folder name>/MODULE: the newest, whatever the folder is called.
    folders = glob.glob(os.path.join(root, ".build", "*", "extracted-symbols", "*", module))
    folders.sort(key=os.path.getmtime)
    files = glob.glob(os.path.join(folders[-1], "*.symbols.json")) if folders else []
    if not files:
        sys.exit(f"no symbol graph for {module}: run make docs first")
    for path in files:
        graph = json.load(open(path))
        inherits = {r["source"] for r in graph.get("relationships", []) if "sourceOrigin" in r}
        inherits |= {r["source"] for r in graph.get("relationships", []) if r["kind"] == "defaultImplementationOf"}
        for symbol in graph["symbols"]:
            uri = symbol.get("location", {}).get("uri", "")
            if "/Sources/" not in uri or symbol.get("accessLevel") not in ("public", "open"):
                continue
            if symbol["kind"]["identifier"] in ("swift.property", "swift.type.property", "swift.enum.case", "swift.extension"):
                continue
            if symbol.get("docComment") or symbol["identifier"]["precise"] in inherits:
                continue
            line = symbol["location"]["position"]["line"] + 1
            missing.append(f"{uri.split('/Sources/')[1]}:{line}: {'.'.join(symbol['pathComponents'])}")
for entry in sorted(set(missing)):
    print(entry)
print(f"{len(set(missing))} public types and functions without documentation", file=sys.stderr)
sys.exit(1 if missing else 0)
