#!/usr/bin/env python3
"""Writes the AWS CLI's own names for every operation and option of the four services (botocore's xform_name over
the models), one operation a line: "service operation --option ...". The model tests compare gatepass's names with it.
    python3 gatepass-cli/src/build/generate-cli-names.py"""
import glob
import gzip
import json
import os

import botocore
from botocore import xform_name

OUT = "gatepass-cli/src/test/resources/io/gatepass/cli/internal/aws/model/aws-cli-names.txt"


SDK_VERSION = "2.40.2"


def sdk_operations(service):
    """Lower-case names of the operations the AWS SDK for Java (the version gatepass-cli uses) has request classes for."""
    import zipfile
    jar = glob.glob(os.path.expanduser("~/.m2/repository/software/amazon/awssdk/%s/%s/%s-%s.jar"
                                       % (service, SDK_VERSION, service, SDK_VERSION)))[0]
    prefix = "software/amazon/awssdk/services/%s/model/" % service
    return {n[len(prefix):-len("Request.class")].lower() for n in zipfile.ZipFile(jar).namelist()
            if n.startswith(prefix) and n.endswith("Request.class") and "$" not in n}


def load(service):
    base = os.path.join(os.path.dirname(botocore.__file__), "data", service)
    path = os.path.join(base, sorted(os.listdir(base))[-1], "service-2.json")
    return json.load(open(path)) if os.path.exists(path) else json.load(gzip.open(path + ".gz"))


lines = []
for service in ["codeartifact", "gamelift", "iam", "sts"]:
    model = load(service)
    in_sdk = sdk_operations(service)
    for name in sorted(model["operations"]):
        if name.lower() not in in_sdk:
            continue
        op = model["operations"][name]
        members = model["shapes"][op["input"]["shape"]]["members"] if "input" in op else {}
        options = ["--" + xform_name(m, "-") for m in members]
        lines.append(" ".join([service, name, xform_name(name, "-")] + options))
open(OUT, "w").write("\n".join(lines) + "\n")
