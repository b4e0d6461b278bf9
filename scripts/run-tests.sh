#!/usr/bin/env bash
# Installs what the tests need, starts LanguageTool for the grammar tests, and runs the whole
# suite (arguments go to pytest). `.ci/run` calls this script.
#
# LanguageTool: the server and its English module come from Maven Central through
# languagetool/pom.xml (fetched once into languagetool/lib), run on 127.0.0.1 on a free port with
# a bounded heap, and are stopped when this script ends, whether the tests pass or not. The tests
# find the server in LINTNEWS_TEST_LANGUAGETOOL_URL; if that is already set, no server is started.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

LT_DIR=languagetool
LT_HEAP=${LINTNEWS_LANGUAGETOOL_HEAP:-1g}   # LanguageTool needs ~400 MB idle, more under load
LT_START_SECONDS=${LINTNEWS_LANGUAGETOOL_START_SECONDS:-180}
LT_PID=
LT_LOG=

stop_languagetool() {
    if [ -n "$LT_PID" ] && kill -0 "$LT_PID" 2>/dev/null; then
        kill "$LT_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$LT_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$LT_PID" 2>/dev/null || true
        wait "$LT_PID" 2>/dev/null || true
    fi
    [ -z "$LT_LOG" ] || rm -f "$LT_LOG"
}
trap stop_languagetool EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The jars, fetched again only when the pom changed since the last complete fetch.
fetch_languagetool() {
    local stamp
    stamp=$(sha256sum "$LT_DIR/pom.xml" | cut -d' ' -f1)
    if [ -f "$LT_DIR/lib/.complete" ] && [ "$(cat "$LT_DIR/lib/.complete")" = "$stamp" ]; then
        return 0
    fi
    echo "fetching LanguageTool (languagetool/pom.xml) ..." >&2
    rm -rf "$LT_DIR/lib.partial"
    local mvn_log
    mvn_log=$(mktemp "${TMPDIR:-/tmp}/lintnews-mvn.XXXXXX")
    if ! (cd "$LT_DIR" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib.partial) >"$mvn_log" 2>&1; then
        echo "error: mvn could not fetch LanguageTool:" >&2
        tail -n 20 "$mvn_log" >&2
        rm -f "$mvn_log"
        return 1
    fi
    rm -f "$mvn_log"
    echo "$stamp" > "$LT_DIR/lib.partial/.complete"
    rm -rf "$LT_DIR/lib"
    mv "$LT_DIR/lib.partial" "$LT_DIR/lib"
}

start_languagetool() {
    local port url
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    url="http://127.0.0.1:$port"
    LT_LOG=$(mktemp "${TMPDIR:-/tmp}/lintnews-languagetool.XXXXXX")
    # No --public: the server answers this machine only.
    java "-Xmx$LT_HEAP" -cp "$LT_DIR/lib/*" org.languagetool.server.HTTPServer --port "$port" >"$LT_LOG" 2>&1 &
    LT_PID=$!
    local waited=0
    until python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/v2/healthcheck", timeout=2)' \
            "$url" 2>/dev/null; do
        if ! kill -0 "$LT_PID" 2>/dev/null; then
            echo "error: LanguageTool exited while starting; its log:" >&2
            tail -n 20 "$LT_LOG" >&2
            LT_PID=
            return 1
        fi
        if [ "$waited" -ge "$LT_START_SECONDS" ]; then
            echo "error: LanguageTool did not answer on $url within $LT_START_SECONDS s; its log:" >&2
            tail -n 20 "$LT_LOG" >&2
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    echo "LanguageTool $(sed -n 's/.*Starting LanguageTool \([^ ]*\).*/\1/p' "$LT_LOG" | head -n 1) on $url (pid $LT_PID, -Xmx$LT_HEAP)" >&2
    export LINTNEWS_TEST_LANGUAGETOOL_URL="$url"
}

if [ -z "${LINTNEWS_TEST_LANGUAGETOOL_URL:-}" ]; then
    # Without a server the grammar tests fail under CI=true and are skipped elsewhere.
    if fetch_languagetool && start_languagetool; then
        :
    else
        echo "warning: no LanguageTool server: the grammar tests cannot run" >&2
    fi
fi

set +e
python3 -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
    exit 1
fi
exit "$status"
