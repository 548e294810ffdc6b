#!/usr/bin/env bash
# .ci/slurm-down.sh -- stop the single-node Slurm cluster that .ci/slurm-up.sh started.
#
# There is no systemd on the CI machines (see /work/shared/PLATFORM_NOTES.md, "A real single-node
# Slurm cluster"), so nothing else manages these daemons: slurmctld and slurmd daemonize and write pid
# files under /run/slurm, munged under /run/munge, and we stop each one by the pid in its file --
# never by name. Order: slurmd, slurmctld, then munged (the Slurm daemons authenticate through it).
# A missing pid file, or one naming a dead or unrelated process, is ignored. Each daemon gets SIGTERM
# and up to 10 s to exit (so a following slurm-up can bind the ports again), then SIGKILL.
# Packages, slurm.conf, the munge key and the Slurm state directory are left in place.
set -euo pipefail

stopped=()

stop_pidfile() {
  local pf=$1 comm=$2 pid i
  [[ -s $pf ]] || return 0
  pid=$(<"$pf")
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "slurm-down: $comm ($pid) ignored SIGTERM for 10 s; sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
    stopped+=("$comm($pid)")
  fi
  rm -f "$pf"
}

stop_pidfile /run/slurm/slurmd.pid slurmd
stop_pidfile /run/slurm/slurmctld.pid slurmctld
stop_pidfile /run/munge/munged.pid munged

if ((${#stopped[@]})); then
  echo "slurm-down: stopped ${stopped[*]}"
else
  echo "slurm-down: nothing was running"
fi
