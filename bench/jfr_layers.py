#!/usr/bin/env python3
"""Where the request threads of a JFR recording spent their CPU, by layer of the request path.

  bench/jfr_layers.py RECORDING.jfr MARKER[,MARKER...]

Each execution sample of a Tomcat request thread (`http-nio-…-exec-…`) is given to the deepest frame
(closest to the leaf) whose `class.method` contains one of the markers, e.g.
`Items.view,tools/jackson,getHandler,AuthenticationFilter,Http11Processor`; the rest is "other".
Record with an app started with -Xshare:off, during load:
  jcmd <pid> JFR.start duration=30s filename=/tmp/x.jfr settings=profile
"""
import collections
import json
import subprocess
import sys


def main(recording, markers):
    data = json.loads(subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events",
                                      "jdk.ExecutionSample", recording], capture_output=True, text=True,
                                     check=True).stdout)
    counts, n = collections.Counter(), 0
    for event in data["recording"]["events"]:
        stack, thread = event["values"]["stackTrace"], event["values"]["sampledThread"]["javaName"]
        if not stack or not thread or "exec" not in thread:
            continue
        n += 1
        names = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in stack["frames"]]
        counts[next((m for name in names for m in markers if m in name), "other")] += 1
    print("samples", n)
    for marker, k in counts.most_common():
        print("%5.1f%% %s" % (100 * k / max(n, 1), marker))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2].split(","))
