#!/usr/bin/env python3
"""JSON and report helpers for bench/run.sh (standard library only, so no package installs are needed).

Subcommands:
  free-port                      print a free TCP port on 127.0.0.1
  bundle-stats FILE...           print "entries<TAB>patient-identifier<TAB>file" per bundle ("-" if no Patient)
  failed-entries RESPONSE        print how many entries of a batch/transaction response are not 2xx
  ids                            print the resource ids of a searchset Bundle read from stdin
  discharges URL BODY SECONDS    the encounter-discharge workload on one connection; prints a BENCH_RESULT line
  report RUN_DIR RESULTS_MD      write RUN_DIR/results.json and RUN_DIR/summary.md, append the summary to RESULTS_MD
"""
import csv
import http.client
import json
import os
import socket
import sys
import time
import urllib.parse


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])


def bundle_stats(files):
    for path in files:
        with open(path, encoding="utf-8") as f:
            bundle = json.load(f)
        entries = bundle.get("entry", [])
        token = "-"
        for entry in entries:
            resource = entry.get("resource", {})
            if resource.get("resourceType") == "Patient" and resource.get("identifier"):
                # Synthea's first identifier is its own stable id of the person; searching it finds the server id.
                ident = resource["identifier"][0]
                token = f"{ident.get('system', '')}|{ident.get('value', '')}"
                break
        print(f"{len(entries)}\t{token}\t{path}")


def failed_entries(path):
    with open(path, encoding="utf-8") as f:
        bundle = json.load(f)
    statuses = [e.get("response", {}).get("status", "") for e in bundle.get("entry", [])]
    print(sum(1 for s in statuses if not s.startswith("2")))


def ids():
    bundle = json.load(sys.stdin)
    for entry in bundle.get("entry", []):
        print(entry["resource"]["id"])


class Fhir:
    """One keep-alive connection to the server, as wrk -c 1 has."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.path = url.path.rstrip("/")
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def send(self, method, path, resource=None):
        body = json.dumps(resource) if resource is not None else None
        headers = {"Accept": "application/fhir+json"}
        if body is not None:
            headers["Content-Type"] = "application/fhir+json"
        self.connection.request(method, self.path + "/" + path, body, headers)
        response = self.connection.getresponse()
        text = response.read()
        return response.status, json.loads(text) if text else {}

    def expect(self, method, path, resource=None):
        status, answer = self.send(method, path, resource)
        if not 200 <= status < 300:
            sys.exit(f"{method} {path} answered {status}: {json.dumps(answer)[:500]}")
        return answer


def discharges(base, body_file, seconds):
    """encounter-discharge: for SECONDS, on one connection, discharge one fresh inpatient stay after another and time
    only the PUT that finishes it. Untimed around it: a POST creates the stay in progress, and DELETEs remove the stay
    with the follow-up Tasks and LACE Observation its discharge made. The patient's record so stays the size of a real
    one (Synthea's have tens of encounters) however long the run; thousands of leftover stays would not be realistic.
    Prints "BENCH_RESULT requests,duration_us,p50_ms,p95_ms,p99_ms,non2xx,0" as workload.lua does, with
    duration_us the sum of the timed PUTs."""
    with open(body_file, encoding="utf-8") as f:
        finished = json.load(f)
    in_progress = dict(finished, status="in-progress", period={"start": finished["period"]["start"]})
    fhir = Fhir(base)
    latencies_ms, non2xx = [], 0
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        stay = fhir.expect("POST", "Encounter", in_progress)["id"]
        started = time.perf_counter()
        status, _ = fhir.send("PUT", f"Encounter/{stay}", dict(finished, id=stay))
        latencies_ms.append((time.perf_counter() - started) * 1000)
        non2xx += 0 if 200 <= status < 300 else 1
        for search in (f"Task?focus=Encounter/{stay}", f"Observation?encounter=Encounter/{stay}"):
            for entry in fhir.expect("GET", search + "&_elements=id&_count=100").get("entry", []):
                resource = entry["resource"]
                fhir.expect("DELETE", f"{resource['resourceType']}/{resource['id']}")
        fhir.expect("DELETE", f"Encounter/{stay}")
    ordered = sorted(latencies_ms)

    def percentile(p):  # nearest rank, as wrk reports
        return ordered[max(0, -(-len(ordered) * p // 100) - 1)] if ordered else 0.0

    print(f"BENCH_RESULT {len(ordered)},{int(sum(ordered) * 1000)},{percentile(50):.2f},{percentile(95):.2f},"
          f"{percentile(99):.2f},{non2xx},0")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_meta(path):
    meta = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            meta[key] = value
    return meta


def ratio(numerator, denominator):
    """Formats a ratio; '–' when either side is missing or zero (e.g. a workload that got no request through)."""
    try:
        n, d = float(numerator), float(denominator)
    except (TypeError, ValueError):
        return "–"
    return f"{n / d:.2f}" if n > 0 and d > 0 else "–"


def added_per_request(on, off):
    """Machine time the checks add to one request: 1/throughput on minus 1/throughput off, in ms."""
    try:
        return f"{1000 / float(on['req_per_s']) - 1000 / float(off['req_per_s']):.1f}"
    except (TypeError, ValueError, ZeroDivisionError):
        return "–"


def difference(on, off, key):
    try:
        return f"{float(on[key]) - float(off[key]):.1f}"
    except (TypeError, ValueError):
        return "–"


def pair(on, off, key):
    return f"{on[key] if on else '–'} / {off[key] if off else '–'}"


def report(run_dir, results_md):
    meta = read_meta(os.path.join(run_dir, "meta.tsv"))
    startup = read_csv(os.path.join(run_dir, "startup.csv"))
    ingest = read_csv(os.path.join(run_dir, "ingest.csv"))
    workloads = read_csv(os.path.join(run_dir, "workloads.csv"))
    with open(os.path.join(run_dir, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "startup": startup, "ingest": ingest, "workloads": workloads}, f, indent=2)

    dbs = list(dict.fromkeys(row["db"] for row in startup))

    def find(rows, db, checks, workload=None):
        for row in rows:
            if row["db"] == db and row["checks"] == checks and (workload is None or row["workload"] == workload):
                return row
        return None

    startup_only = meta.get("startup_rounds", "0") != "0"
    kind = ("start-up run" if startup_only
            else "smoke run" if meta.get("smoke") == "yes"
            else "run of some workloads" if "--workloads" in meta.get("options", "") else "full run")
    lines = [
        f"## {meta['date']} — {kind}",
        "",
        f"- Commit: `{meta['commit']}`",
        f"- Machine: {meta['machine']}",
        f"- Java: {meta['java']}; load tool: {meta['wrk']}",
        f"- Options: `{meta['options']}`",
        f"- Cohort: {meta['cohort']}",
        f"- Run time: {meta['elapsed']}",
        "",
        "Notes:",
        "",
    ]
    lines += [f"- {note}" for note in meta["notes"].split("\u001f") if note]
    lines += [
        "",
        "### Start-up (process start to first 200 on /fhir/metadata)",
        "",
        "| DB | Checks | Database | Start-up s | RSS at ready MB | CPU s at ready | Load average (1 min) at start |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {r['db']} | {r['checks']} | {r['database']} | {r['startup_s']} | {r['rss_ready_mb']} "
              f"| {r['cpu_s']} | {r['load_1m']} |" for r in startup]
    if startup_only:
        lines.append("")
        write_section(run_dir, results_md, lines)
        return
    lines += [
        "",
        "### Ingest (hospital + practitioner bundles, then patient bundles 2 in parallel)",
        "",
        "| DB | Resources | Resources/s on / off | Overhead on/off | Peak RSS MB on / off | Failed bundles on / off |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for db in dbs:
        on, off = find(ingest, db, "on"), find(ingest, db, "off")
        resources = (on or off)["resources"]
        # Overhead is a cost ratio: time per resource with checks on over time per resource with checks off.
        overhead = ratio(off and off["resources_per_s"], on and on["resources_per_s"])
        lines.append(f"| {db} | {resources} | {pair(on, off, 'resources_per_s')} | {overhead} "
                     f"| {pair(on, off, 'peak_rss_mb')} | {pair(on, off, 'failed_bundles')} |")
    for db in dbs:
        lines += [
            "",
            f"### Workloads on {db} ({meta['duration']} s each, {meta['connections']} connections;"
            " medstatement-update and encounter-discharge 1)",
            "",
            "| Workload | req/s on / off | Overhead on/off | Added ms per request | p50 ms on / off | p50 added ms "
            "| p95 ms on / off | p99 ms on / off | Errors on / off |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        names = list(dict.fromkeys(r["workload"] for r in workloads if r["db"] == db))
        for name in names:
            on, off = find(workloads, db, "on", name), find(workloads, db, "off", name)
            overhead = ratio(off and off["req_per_s"], on and on["req_per_s"])
            errors = " / ".join(
                str(int(r["non2xx"]) + int(r["socket_errors"])) if r else "–" for r in (on, off))
            lines.append(f"| {name} | {pair(on, off, 'req_per_s')} | {overhead} | {added_per_request(on, off)} "
                         f"| {pair(on, off, 'p50_ms')} | {difference(on, off, 'p50_ms')} "
                         f"| {pair(on, off, 'p95_ms')} | {pair(on, off, 'p99_ms')} | {errors} |")
    lines += [
        "",
        "Overhead on/off = (time per operation with checks on) / (time per operation with checks off), from "
        "throughput; above 1.00 the checks cost time. Added ms per request = 1000/(req/s on) - 1000/(req/s off): "
        "the machine time the checks add to each request, free of queueing; p50 added = p50 on - p50 off, which "
        "includes waiting behind the other connections' requests. Errors = non-2xx/3xx responses + socket errors. "
        "A load average above the core count means other work shared the CPU during that pass.",
        "",
    ]
    write_section(run_dir, results_md, lines)


def write_section(run_dir, results_md, lines):
    section = "\n".join(lines)
    with open(os.path.join(run_dir, "summary.md"), "w", encoding="utf-8") as f:
        f.write(section)
    new_file = not os.path.exists(results_md) or os.path.getsize(results_md) == 0
    with open(results_md, "a", encoding="utf-8") as f:
        if new_file:
            f.write("# Continuum benchmark results\n\nAppended by `bench/run.sh`; see bench/README.md.\n\n")
        f.write(section + "\n")


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    command, args = argv[1], argv[2:]
    if command == "free-port":
        free_port()
    elif command == "bundle-stats":
        bundle_stats(args)
    elif command == "failed-entries" and len(args) == 1:
        failed_entries(args[0])
    elif command == "ids":
        ids()
    elif command == "discharges" and len(args) == 3:
        discharges(*args)
    elif command == "report" and len(args) == 2:
        report(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
