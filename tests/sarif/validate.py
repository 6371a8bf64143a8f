"""Validates SARIF logs against JSON schemas, and checks what the schema
cannot: each log has results where expected, with rules described.

Usage: validate.py SCHEMA... -- LOG...
"""
import json
import sys

import jsonschema

args = sys.argv[1:]
split = args.index("--")
schemas, logs = args[:split], args[split + 1:]
failed = False
for schema_path in schemas:
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    for log_path in logs:
        with open(log_path, encoding="utf-8") as f:
            log = json.load(f)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        for e in errors:
            failed = True
            print(f"{log_path}: {'/'.join(map(str, e.path))}: {e.message}")
        run = log["runs"][0]
        results = run["results"]
        ruled = {r["id"] for r in run["tool"]["driver"]["rules"]}
        named = {r["ruleId"] for r in results}
        if not named <= ruled:
            failed = True
            print(f"{log_path}: results name rules not described: {named - ruled}")
        print(
            f"{log_path.rsplit('/', 1)[-1]}: valid against {schema['title']}"
            if not errors
            else f"{log_path}: {len(errors)} schema errors",
            f"({len(results)} results, {sum(len(r.get('relatedLocations', [])) for r in results)} related locations, "
            f"{sum(len(r.get('fixes', [])) for r in results)} fixes, rules: {', '.join(sorted(ruled)) or 'none'})",
        )
expected = {"formats.sarif": 10, "unused.sarif": 1, "clean.sarif": 0}
for log_path in logs:
    name = log_path.rsplit("/", 1)[-1]
    with open(log_path, encoding="utf-8") as f:
        count = len(json.load(f)["runs"][0]["results"])
    if name in expected and count != expected[name]:
        failed = True
        print(f"{log_path}: {count} results, expected {expected[name]}")
sys.exit(1 if failed else 0)
