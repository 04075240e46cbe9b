#!/usr/bin/env python3
"""Generates src/main/resources/io/github/sfntest/internal/teststate/api-shapes.json: the output
shapes (type, required, min, max, enum, members) of the AWS operations Step Functions integrates
with, taken from botocore's service models (Apache-2.0), so a TestState mock result can be checked
against the integration's API shape offline (fieldValidationMode STRICT / PRESENT).

usage: python3 src/build/api_shapes.py [--only SERVICE ...] [botocore-data-dir]   (run from sfn-test-core)

--only regenerates just the named services and merges them into the existing file, leaving every
other service's entry byte-identical. The checked-in file was generated with an older botocore;
regenerating all of it with a newer one would change shapes the TestState conformance cases depend
on (e.g. Lambda's MemorySize), so "comprehend" was added with botocore 1.43.11 this way:
    python3 src/build/api_shapes.py --only comprehend
"""
import gzip, json, os, sys

SERVICES = ["lambda", "s3", "kms", "dynamodb", "stepfunctions", "events", "sqs", "sns", "secretsmanager",
            "ssm", "ecs", "glue", "batch", "athena", "codebuild", "eks", "bedrock-runtime", "states",
            "comprehend"]
KEEP = ("type", "min", "max", "enum")


def pascal(name):
    """Step Functions' integrations name members as the AWS SDKs do: PascalCase (executionArn -> ExecutionArn)."""
    return name[:1].upper() + name[1:]


def load(data, service):
    base = os.path.join(data, service)
    if not os.path.isdir(base):
        return None
    version = sorted(os.listdir(base))[-1]
    for name in ("service-2.json.gz", "service-2.json"):
        path = os.path.join(base, version, name)
        if os.path.exists(path):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rt", encoding="utf-8") as f:
                return json.load(f)
    return None


def main():
    import botocore
    args = sys.argv[1:]
    only = []
    while args and args[0] == "--only":
        only.append(args[1])
        args = args[2:]
    data = args[0] if args else os.path.join(os.path.dirname(botocore.__file__), "data")
    target = os.path.join("src", "main", "resources", "io", "github", "sfntest", "internal", "teststate", "api-shapes.json")
    out = {}
    if only:
        with open(target, encoding="utf-8") as f:
            out = json.load(f)
    for service in only or SERVICES:
        model = load(data, service)
        if model is None:
            continue
        shapes = model["shapes"]
        kept, operations = {}, {}

        def visit(name):
            if name in kept:
                return
            shape = shapes[name]
            entry = {k: shape[k] for k in KEEP if k in shape}
            if "required" in shape:
                entry["required"] = [pascal(r) for r in shape["required"]]
            kept[name] = entry
            if shape["type"] == "structure":
                entry["members"] = {pascal(m): v["shape"] for m, v in shape.get("members", {}).items()}
                for v in shape.get("members", {}).values():
                    visit(v["shape"])
            elif shape["type"] == "list":
                entry["member"] = shape["member"]["shape"]
                visit(shape["member"]["shape"])
            elif shape["type"] == "map":
                entry["value"] = shape["value"]["shape"]
                visit(shape["value"]["shape"])

        for op, spec in model["operations"].items():
            if "output" in spec:
                operations[op] = spec["output"]["shape"]
                visit(spec["output"]["shape"])
        out[service] = {"operations": operations, "shapes": kept}
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"), sort_keys=True)
    print(target, os.path.getsize(target), "bytes")


if __name__ == "__main__":
    main()
