#!/usr/bin/env python3
"""FactCheck on Apache Spark: extraction as a map, reconciliation as a reduce by entity key.

    spark-submit --master local[2] --files .build/release/factcheck Distributed/spark/factcheck_spark.py \
        --rules Rules --output out/ Examples/

1. Articles are read with ``wholeTextFiles`` (directories are walked; the extensions ``factcheck check`` reads
   are kept, hidden files left out) and sent as stream-input lines, ``{"path", "text"}``, through
   ``RDD.pipe`` into ``factcheck extract --stdin``, one process per partition, which writes the claim
   stream (README, "Claim stream"; Schemas/claim-stream-v1.schema.json).
2. The two aggregates: the distinct raw entity names (collected, then keyed by ``factcheck reconcile
   --keys``: the key is the canonical name over the corpus) and the proper-name tally (merged word by word:
   counts added, the first 8 samples in path, line, column order).
3. Claims are keyed by entity key and partitioned so that one key's claims meet in one partition, with
   the document records of their articles and an ``entities`` record; each partition goes through
   ``factcheck reconcile --format json``. The merged name tally goes through one more ``reconcile``:
   the spelling findings.
4. The driver merges the partitions' findings (each claim index replaced by the claim's document, line,
   column and value), orders them as ``check`` does and writes ``OUTPUT/findings.json``.

The binary must be shipped to the executors with ``--files`` (or ``--binary PATH``, added here); rules
with ``--rules DIR`` (added recursively). In local mode executors share the driver's SparkFiles
directory; on a cluster a shipped file is in the executor's working directory.
"""
import argparse
import json
import os
import shlex
import sys
import tempfile
import time

from pyspark import SparkConf, SparkContext, SparkFiles, StorageLevel

ARTICLE_EXTENSIONS = {"md", "markdown", "txt", "text"}
SEVERITY_RANK = {"error": 2, "warning": 1, "note": 0}
MAX_SAMPLES = 8
NAMES_PER_RECORD = 500


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", help="article files or directories (any Hadoop path)")
    parser.add_argument("--output", required=True, help="directory for findings.json")
    parser.add_argument("--binary", help="the factcheck binary to ship (default: the one given with spark-submit --files)")
    parser.add_argument("--binary-name", default="factcheck", help="its file name among the shipped files")
    parser.add_argument("--rules", action="append", default=[], help="a rule directory to ship and load (repeatable); "
                        "without it the executors' binary finds its bundled rules through FACTCHECK_HOME")
    parser.add_argument("--relative-to", default=os.getcwd(),
                        help="report local paths relative to this directory (default: the working directory), as check does")
    parser.add_argument("--partitions", type=int, default=0, help="partitions of the map and of the reduce (default: Spark's parallelism)")
    parser.add_argument("--published", help="publication date for articles that state none (extract --published)")
    parser.add_argument("--window", type=int, help="reconcile --window DAYS")
    parser.add_argument("--master", help="Spark master when not given by spark-submit (e.g. local[2])")
    return parser.parse_args(argv)


def is_article(uri):
    name = uri.rstrip("/").rsplit("/", 1)[-1]
    return not name.startswith(".") and "." in name and name.rsplit(".", 1)[1].lower() in ARTICLE_EXTENSIONS


def relative_path(uri, base):
    """A local file's path as check reports it when given relative paths: relative to `base`."""
    if not uri.startswith("file:"):
        return uri
    path = "/" + uri[len("file:"):].lstrip("/")
    return os.path.relpath(path, base) if base else path


def classify(line):
    """(kind, fields, line) of one claim-stream line: fields are what the job keys on."""
    record = json.loads(line)
    kind = record.get("record")
    if kind == "claim":
        return ("claim", (record.get("entity"), record["document"]), line)
    if kind == "document":
        return ("document", record["path"], line)
    if kind == "names":
        return ("names", record["words"], line)
    return (kind, None, line)


def merge_entries(a, b):
    samples = sorted(a["samples"] + b["samples"], key=lambda s: (s["path"], s["line"], s["column"]))
    return {"count": a["count"] + b["count"], "samples": samples[:MAX_SAMPLES]}


def names_lines(entries):
    entries = sorted(entries)
    for start in range(0, len(entries), NAMES_PER_RECORD):
        words = dict(entries[start:start + NAMES_PER_RECORD])
        yield json.dumps({"v": 1, "record": "names", "words": words}, ensure_ascii=False, sort_keys=True)


def reconcile_report(lines):
    text = "\n".join(lines)
    return [json.loads(text)] if text.strip() else []


def merged_findings(report):
    """The findings of one partition's JSON report, each claim index replaced by the claim's place and value."""
    claims = report["claims"]
    out = []
    for finding in report["findings"]:
        finding = dict(finding)
        finding["claims"] = [{"document": claims[i]["document"], "line": claims[i]["line"], "column": claims[i]["column"],
                              "value": claims[i]["value"], "text": claims[i]["text"]} for i in finding["claims"]]
        finding["groups"] = [{"label": g["label"], "claims": [[claims[i]["document"], claims[i]["line"], claims[i]["column"]]
                                                           for i in g["claims"]]} for g in finding["groups"]]
        out.append(finding)
    return out


def finding_order(finding):
    first = finding["locations"][0] if finding["locations"] else {"path": "", "line": 0, "column": 0}
    return (-SEVERITY_RANK[finding["severity"]], first["path"], first["line"], first["column"], finding["id"])


def write_whole(path, document):
    """Writes `document` as JSON to `path` whole or not at all, as check writes a report: a temporary file
    beside it, flushed to disk, renamed over it. An earlier file keeps its mode; a failed run leaves it as it was."""
    directory = os.path.dirname(path) or "."
    os.makedirs(directory, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", dir=directory)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            json.dump(document, out, ensure_ascii=False, indent=1, sort_keys=True)
            out.flush()
            try:
                os.fchmod(out.fileno(), os.stat(path).st_mode & 0o7777)
            except FileNotFoundError:
                umask = os.umask(0)
                os.umask(umask)
                os.fchmod(out.fileno(), 0o666 & ~umask)
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def main(argv):
    args = parse_arguments(argv)
    conf = SparkConf().setAppName("factcheck")
    if args.master:
        conf = conf.setMaster(args.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    started = time.time()
    local = sc.master.startswith("local")

    if args.binary:
        sc.addFile(os.path.abspath(args.binary))
    rule_names = []
    for rules in args.rules:
        sc.addFile(os.path.abspath(rules), recursive=True)
        rule_names.append(os.path.basename(os.path.abspath(rules).rstrip("/")))

    def shipped(name):
        # Local mode: executors share the driver's SparkFiles directory. A cluster: the executor's working
        # directory, where --files and addFile put what they ship.
        return SparkFiles.get(name) if local else "./" + name

    binary = shipped(args.binary_name)
    rule_options = []
    if rule_names:
        rule_options = ["--no-default-rules"] + [part for name in rule_names for part in ("--rules", shipped(name))]
    extract = [binary, "extract", "--stdin", "--jobs", "1"] + rule_options
    if args.published:
        extract += ["--published", args.published]
    reconcile = [binary, "reconcile", "--format", "json", "--jobs", "1"] + rule_options
    if args.window is not None:
        reconcile += ["--window", str(args.window)]
    # reconcile exits 1 when it finds something: only 2 (and signals) fail the task.
    reconcile_command = "/bin/sh -c " + shlex.quote('"$@"; status=$?; [ $status -le 1 ]') + " reconcile " + shlex.join(reconcile)
    extract_command = shlex.join(extract)

    partitions = args.partitions or sc.defaultParallelism
    hadoop = sc._jsc.hadoopConfiguration()
    hadoop.set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    base = os.path.abspath(args.relative_to)
    inputs = ",".join(os.path.abspath(p) if "://" not in p and not p.startswith("file:") else p for p in args.inputs)

    # 1. The map: articles → claim stream. wholeTextFiles, not binaryFiles: a binaryFiles record carries a
    # copy of the Hadoop configuration, gzipped, per file (minutes of CPU for 20 000 articles). Text is
    # decoded as UTF-8, invalid bytes replaced (check would also warn about them).
    # Inputs ending in .jsonl are already stream-input lines ({"path", "text", …}, one article a line): the
    # way to hand a large corpus to Spark, as a few large files rather than millions of small ones.
    packed = [p for p in inputs.split(",") if p.endswith(".jsonl")]
    loose = [p for p in inputs.split(",") if not p.endswith(".jsonl")]
    sources = []
    if loose:
        files = sc.wholeTextFiles(",".join(loose), minPartitions=partitions).filter(lambda kv: is_article(kv[0]))
        sources.append(files.map(lambda kv: json.dumps({"path": relative_path(kv[0], base), "text": kv[1]}, ensure_ascii=False)))
    if packed:
        sources.append(sc.textFile(",".join(packed), minPartitions=partitions))
    articles = sources[0] if len(sources) == 1 else sc.union(sources)
    if articles.getNumPartitions() < partitions:
        articles = articles.repartition(partitions)
    stream = articles.pipe(extract_command, checkCode=True).map(classify).persist(StorageLevel.MEMORY_AND_DISK)

    # 2. The aggregates: entity keys, and the name tally.
    claims = stream.filter(lambda r: r[0] == "claim")
    entity_names = sorted(claims.map(lambda r: r[1][0]).filter(lambda e: e is not None).distinct().collect())
    entities_line = json.dumps({"v": 1, "record": "entities", "names": entity_names}, ensure_ascii=False, sort_keys=True)
    key_lines = sc.parallelize([entities_line], 1).pipe(shlex.join([binary, "reconcile", "--keys"]), checkCode=True).collect()
    keys = sc.broadcast({record["entity"]: record["key"] for record in map(json.loads, key_lines)})
    tally = (stream.filter(lambda r: r[0] == "names").flatMap(lambda r: r[1].items()).reduceByKey(merge_entries))

    # 3. The reduce: a key's claims, with their documents, in one partition, through reconcile.
    keyed_claims = (claims.filter(lambda r: r[1][0] is not None)
                    .map(lambda r: (keys.value[r[1][0]], (r[1][1], r[2]))))
    documents = stream.filter(lambda r: r[0] == "document").map(lambda r: (r[1], r[2]))
    keyed_documents = (keyed_claims.map(lambda kv: (kv[1][0], kv[0])).distinct().join(documents)
                       .map(lambda kv: (kv[1][0], kv[1][1])))
    keyed_lines = keyed_claims.mapValues(lambda v: v[1]).union(keyed_documents).partitionBy(partitions)

    def part(lines):
        seen = set()
        yield entities_line
        for _, line in lines:
            if line not in seen:
                seen.add(line)
                yield line

    entity_reports = keyed_lines.mapPartitions(part).pipe(reconcile_command, checkCode=True).glom().flatMap(reconcile_report)
    names_report = (tally.coalesce(1).glom().flatMap(names_lines)
                    .pipe(reconcile_command, checkCode=True).glom().flatMap(reconcile_report))
    reports = entity_reports.union(names_report).collect()

    # 4. The merge.
    findings = sorted((f for report in reports for f in merged_findings(report)), key=finding_order)
    counts = stream.map(lambda r: r[0]).countByValue()
    documents_checked = stream.filter(lambda r: r[0] == "document" and json.loads(r[2])["status"] == "checked").count()
    summary = {"documents_checked": documents_checked, "claims": counts.get("claim", 0),
               "diagnostics": counts.get("diagnostic", 0), "entity_keys": len(set(keys.value.values())),
               "findings": len(findings), "seconds": round(time.time() - started, 2), "master": sc.master,
               "partitions": partitions}
    for severity in SEVERITY_RANK:
        summary[severity + "s"] = sum(1 for f in findings if f["severity"] == severity)
    write_whole(os.path.join(args.output, "findings.json"), {"version": 1, "findings": findings, "summary": summary})
    print(json.dumps(summary, sort_keys=True))
    sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
