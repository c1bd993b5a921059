"""Validates JSON documents against a JSON Schema (draft 2020-12).

    validate.py [--invalid] SCHEMA FILE...

Each FILE holds one or more JSON documents one after another (JSON Lines,
or indented objects).  Every document must be valid; with --invalid,
every document must be refused instead.  The schema itself is checked
first.  Uses Debian's python3-jsonschema; exits 3 when this python has
none, so that a caller can try another.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate.py: no jsonschema module in this python",
          file=sys.stderr)
    sys.exit(3)


def documents(path):
    text = open(path, encoding="utf-8").read()
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos >= len(text):
            return
        doc, pos = decoder.raw_decode(text, pos)
        yield doc


def main(argv):
    invalid = argv[:1] == ["--invalid"]
    if invalid:
        argv = argv[1:]
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    schema = json.load(open(argv[0], encoding="utf-8"))
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    validator = cls(schema)
    count = 0
    for path in argv[1:]:
        for n, doc in enumerate(documents(path), 1):
            errors = list(validator.iter_errors(doc))
            if invalid and not errors:
                print(f"FAIL: {path}: document {n} is valid, "
                      "expected it to be refused", file=sys.stderr)
                return 1
            if not invalid and errors:
                for e in errors[:5]:
                    where = "/".join(str(p) for p in e.absolute_path)
                    print(f"FAIL: {path}: document {n}: /{where}: "
                          f"{e.message}", file=sys.stderr)
                return 1
            count += 1
    if count == 0:
        print("FAIL: no document to validate", file=sys.stderr)
        return 1
    print(f"{count} documents {'refused' if invalid else 'valid'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
