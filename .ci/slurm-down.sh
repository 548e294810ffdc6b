#!/usr/bin/env bash
# .ci/slurm-down.sh -- stop the single-node Slurm cluster that .ci/slurm-up.sh started.
#
# There is no systemd on the CI machines (see /work/shared/PLATFORM_NOTES.md, "A real single-node
# Slurm cluster"), so nothing else manages these daemons: slurmctld and slurmd daemonize and write pid
# files under /run/slurm, munged under /run/munge, and we stop each one by the pid in its file --
# never by name. Order: slurmd and slurmctld first, then munged (the Slurm daemons authenticate
# through it).
# A missing pid file, or one naming a dead or unrelated process, is ignored. Each daemon gets SIGTERM
# and up to 10 s to exit (so a following slurm-up can bind the ports again), then SIGKILL.
# Packages, slurm.conf, the munge key and the Slurm state directory are left in place.
set -euo pipefail

# signal PIDFILE COMM: if the pid file names a live process of that name, SIGTERM it and remember it.
pids=()
names=()
signal() {
  local pf=$1 comm=$2 pid
  [[ -s $pf ]] || return 0
  pid=$(<"$pf")
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    pids+=("$pid")
    names+=("$comm($pid)")
  else
    rm -f "$pf" # stale
  fi
}

# wait_all: wait up to 10 s for every signalled pid to exit, then SIGKILL the stragglers.
wait_all() {
  local i pid alive
  for ((i = 0; i < 100; i++)); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      echo "slurm-down: pid $pid ignored SIGTERM for 10 s; sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  sleep 0.2
}

# Each daemon takes 1-2 s to exit after SIGTERM; signalling the Slurm pair together, then munged,
# keeps this at ~3-4 s instead of ~5 s one by one.
signal /run/slurm/slurmd.pid slurmd
signal /run/slurm/slurmctld.pid slurmctld
wait_all
pids=()
signal /run/munge/munged.pid munged
wait_all
rm -f /run/slurm/slurmd.pid /run/slurm/slurmctld.pid /run/munge/munged.pid

if ((${#names[@]})); then
  echo "slurm-down: stopped ${names[*]}"
else
  echo "slurm-down: nothing was running"
fi
