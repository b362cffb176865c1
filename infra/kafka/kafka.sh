#!/usr/bin/env bash
# A single-node Apache Kafka 3.9 broker (KRaft) on 127.0.0.1:$KAFKA_PORT (default 9092; its controller
# on $KAFKA_CONTROLLER_PORT, default 9093), without Docker.
#   kafka.sh start   download the jars once (Maven Central, cached in ~/.m2), format the storage
#                    once, start the broker in the background, wait until it serves
#   kafka.sh stop    SIGTERM, then wait for a clean shutdown
#   kafka.sh status  exit 0 when running, 3 when not
# State lives in infra/kafka/run/ (git-ignored): data, pid file, kafka.log.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="$here/lib"
run="$here/run"
pid_file="$run/kafka.pid"
log_file="$run/kafka.log"
config="$run/server.properties"
host=127.0.0.1
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
start_timeout="${KAFKA_START_TIMEOUT:-60}"
stop_timeout="${KAFKA_STOP_TIMEOUT:-30}"

running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid
  pid="$(cat "$pid_file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

port_answers() {
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

ensure_jars() {
  if [[ ! -f "$lib/.complete" || "$here/pom.xml" -nt "$lib/.complete" ]]; then
    echo "kafka: fetching the broker's jars with Maven (once; cached in ~/.m2)"
    rm -rf "$lib"
    (cd "$here" && mvn -q -B dependency:copy-dependencies)
    touch "$lib/.complete"
  fi
}

# Small heap and serial GC: a development broker on a shared 2-core machine.
java_command=(java -Xms128m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$here/log4j.properties" -cp "$lib/*")

ensure_formatted() {
  mkdir -p "$run"
  {
    cat "$here/server.properties"
    echo
    echo "controller.quorum.voters=1@$host:$controller_port"
    echo "listeners=PLAINTEXT://$host:$port,CONTROLLER://$host:$controller_port"
    echo "advertised.listeners=PLAINTEXT://$host:$port"
    echo "log.dirs=$run/data"
  } >"$config"
  if [[ ! -f "$run/data/meta.properties" ]]; then
    local cluster_id
    cluster_id="$("${java_command[@]}" kafka.tools.StorageTool random-uuid)"
    echo "kafka: formatting storage in $run/data (cluster $cluster_id)"
    "${java_command[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >/dev/null
  fi
}

start() {
  if pid="$(running_pid)"; then
    echo "kafka: already running (pid $pid) on $host:$port"
    return 0
  fi
  if port_answers; then
    echo "kafka: $host:$port is already taken by another process" >&2
    return 1
  fi
  ensure_jars
  ensure_formatted
  : >"$log_file"
  # setsid: the broker outlives the shell that started it and ignores its terminal's signals.
  setsid "${java_command[@]}" kafka.Kafka "$config" >>"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
  local deadline=$((SECONDS + start_timeout))
  while ((SECONDS < deadline)); do
    if ! running_pid >/dev/null; then
      echo "kafka: the broker exited during startup; end of $log_file:" >&2
      tail -n 40 "$log_file" >&2
      rm -f "$pid_file"
      return 1
    fi
    if port_answers && grep -q 'Kafka Server started' "$log_file"; then
      echo "kafka: running (pid $(cat "$pid_file")) on $host:$port"
      return 0
    fi
    sleep 0.5
  done
  echo "kafka: not ready after ${start_timeout}s; end of $log_file:" >&2
  tail -n 40 "$log_file" >&2
  stop >/dev/null || true
  return 1
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pid_file"
    echo "kafka: not running"
    return 0
  fi
  kill -TERM "$pid"
  local deadline=$((SECONDS + stop_timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      echo "kafka: still running after ${stop_timeout}s; killing pid $pid" >&2
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$pid_file"
  echo "kafka: stopped"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "kafka: running (pid $pid) on $host:$port"
    return 0
  fi
  echo "kafka: not running"
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart) stop && start ;;
  *)
    echo "usage: $0 start|stop|status|restart" >&2
    exit 2
    ;;
esac
