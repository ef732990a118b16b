#!/usr/bin/python3
"""Runs aws v2's own shorthand parser (awscli.shorthand, Debian's awscli package) over seeded random inputs and writes
what it returned or the error it raised, one JSON object a line, for ShorthandOracleTest.
    /usr/bin/python3 gatepass-cli/src/build/generate-shorthand-cases.py"""
import json
import random

from awscli.shorthand import ShorthandParser, ShorthandParseError

OUT = "gatepass-cli/src/test/resources/io/gatepass/cli/internal/aws/params/aws-shorthand-cases.jsonl"
KEYS = ["Key", "Value", "a", "b-c", "x_y", "Name", "k.1", "p/q:r"]
WORDS = ["a", "b c", "x=y", "1", "", "foo-bar", "tab\there", "\u00e9t\u00e9", "a\\,b", "a:b/c", "*", "~x", "v}", "v]"]
NOISE = list("=,[]{}\"' \\-:/.ab1\n")


def value(rng, depth):
    choice = rng.random()
    if depth < 2 and choice < 0.15:
        return "[" + ",".join(value(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
    if depth < 2 and choice < 0.3:
        return "{" + ",".join(rng.choice(KEYS) + "=" + value(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "}"
    if choice < 0.4:
        return "'" + rng.choice(WORDS).replace("'", "\\'") + "'"
    if choice < 0.5:
        return '"' + rng.choice(WORDS).replace('"', '\\"') + '"'
    if choice < 0.6:
        return ",".join(rng.choice(WORDS) for _ in range(rng.randint(2, 3)))
    return rng.choice(WORDS)


def case(rng):
    text = ",".join(rng.choice(KEYS) + rng.choice(["=", " = ", "="]) + value(rng, 0) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.25:
        chars = list(text)
        for _ in range(rng.randint(1, 3)):
            chars.insert(rng.randint(0, len(chars)), rng.choice(NOISE))
        text = "".join(chars)
    return text


def main():
    rng = random.Random(20261123)
    seen = set()
    with open(OUT, "w") as out:
        while len(seen) < 600:
            text = case(rng)
            if text in seen:
                continue
            seen.add(text)
            try:
                record = {"input": text, "result": ShorthandParser().parse(text)}
            except ShorthandParseError as e:
                record = {"input": text, "error": str(e)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


main()
