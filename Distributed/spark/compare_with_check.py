#!/usr/bin/env python3
"""`make spark-check`: the Spark job (spark-submit, local[2], the binary shipped with --files) over the given
folders, compared with `factcheck check` over the same folders in one run: the same findings, in the same
order, with the same ids, severities, messages, details, values and claim locations. The claim stream of
`factcheck extract` over the folders is validated against Schemas/claim-stream-v1.schema.json on the way.

    python3 Distributed/spark/compare_with_check.py --binary .build/debug/factcheck Examples ../shared/seeds

Exit status 0 when they agree, 1 when they differ, 2 when something could not run.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(os.path.dirname(HERE))


def comparable_check_findings(report):
    claims = report["claims"]
    out = []
    for finding in report["findings"]:
        out.append({
            "id": finding["id"], "severity": finding["severity"], "message": finding["message"], "details": finding["details"],
            "claims": [[claims[i]["document"], claims[i]["line"], claims[i]["column"], claims[i]["value"]] for i in finding["claims"]],
            "locations": finding["locations"],
        })
    return out


def comparable_spark_findings(report):
    return [{
        "id": f["id"], "severity": f["severity"], "message": f["message"], "details": f["details"],
        "claims": [[c["document"], c["line"], c["column"], c["value"]] for c in f["claims"]],
        "locations": f["locations"],
    } for f in report["findings"]]


def validate_stream(binary, inputs):
    import jsonschema
    with open(os.path.join(REPOSITORY, "Schemas", "claim-stream-v1.schema.json"), encoding="utf-8") as handle:
        validator = jsonschema.Draft202012Validator(json.load(handle))
    stream = subprocess.run([binary, "extract", *inputs], capture_output=True, text=True, check=True).stdout.splitlines()
    for number, line in enumerate(stream, 1):
        error = jsonschema.exceptions.best_match(validator.iter_errors(json.loads(line)))
        if error is not None:
            sys.exit(f"claim stream line {number} does not fit the schema: {error.message}\n{line[:300]}")
    return len(stream)


def main():
    parser = argparse.ArgumentParser(description="Compare the Spark job with factcheck check.")
    parser.add_argument("--binary", required=True, help="the factcheck binary (shipped to the executors with --files)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    inputs = [path for path in args.inputs if os.path.exists(path)]
    skipped = [path for path in args.inputs if not os.path.exists(path)]
    for path in skipped:
        print(f"spark-check: {path} is absent, left out")
    binary = os.path.abspath(args.binary)
    environment = dict(os.environ, FACTCHECK_HOME=REPOSITORY, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)

    lines = validate_stream(binary, inputs)
    print(f"spark-check: {lines} claim-stream lines fit Schemas/claim-stream-v1.schema.json")

    started = time.time()
    checked = subprocess.run([binary, "check", *inputs, "--format", "json"], capture_output=True, text=True, env=environment)
    if checked.returncode not in (0, 1):
        sys.exit(f"factcheck check failed ({checked.returncode}): {checked.stderr}")
    check_seconds = time.time() - started
    expected = comparable_check_findings(json.loads(checked.stdout))

    import pyspark
    submit = os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit")
    with tempfile.TemporaryDirectory(prefix="factcheck-spark-") as output:
        started = time.time()
        job = subprocess.run([submit, "--master", args.master, "--files", binary, "--conf", "spark.ui.enabled=false",
                              os.path.join(HERE, "factcheck_spark.py"), "--rules", os.path.join(REPOSITORY, "Rules"),
                              "--output", output, *inputs], env=environment, capture_output=True, text=True)
        spark_seconds = time.time() - started
        if job.returncode != 0:
            sys.stderr.write(job.stderr[-6000:])
            sys.exit(f"spark-check: the Spark job failed ({job.returncode})")
        with open(os.path.join(output, "findings.json"), encoding="utf-8") as handle:
            actual = comparable_spark_findings(json.load(handle))

    print(f"spark-check: check {check_seconds:.1f} s, {len(expected)} findings; Spark job ({args.master}) {spark_seconds:.1f} s, "
          f"{len(actual)} findings, over {' '.join(inputs)}")
    if actual != expected:
        expected_ids = [f["id"] for f in expected]
        actual_ids = [f["id"] for f in actual]
        print("spark-check: the findings differ")
        print("  only in check:", sorted(set(expected_ids) - set(actual_ids))[:20])
        print("  only in Spark:", sorted(set(actual_ids) - set(expected_ids))[:20])
        for a, b in zip(expected, actual):
            if a != b:
                print("  first difference:\n    check:", json.dumps(a, ensure_ascii=False)[:600], "\n    spark:", json.dumps(b, ensure_ascii=False)[:600])
                break
        sys.exit(1)
    print("spark-check: the Spark job's findings are check's (ids, severities, messages, details, values, claim locations)")


if __name__ == "__main__":
    main()
