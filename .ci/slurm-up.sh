#!/usr/bin/env bash
# .ci/slurm-up.sh -- bring up a real single-node Slurm cluster on this machine, for the integration
# test of sharded sweeps. Idempotent: running it against a cluster that is already up leaves the
# daemons alone (it only restarts the Slurm daemons if slurm.conf had to change), and running it after
# .ci/slurm-down.sh starts everything again.
#
# Why it looks like this (see /work/shared/PLATFORM_NOTES.md, "A real single-node Slurm cluster"):
# - CI is a fresh Debian 12 machine, root, with no systemd as PID 1. The Debian packages install fine
#   but nothing starts them, so every daemon (munged, slurmctld, slurmd) is started by hand here and
#   stopped by its pid file in .ci/slurm-down.sh.
# - Only slurmctld, slurmd, slurm-client and munge are needed, with --no-install-recommends (a handful
#   of packages, seconds to install); the slurm-wlm metapackage drags in dozens more for nothing.
# - /run is a tmpfs, so /run/munge and /run/slurm must be recreated on every boot before a daemon can
#   write its socket or pid file there.
# - munged will not run as root (it calls its log file insecure), so it runs as the munge user.
#   Debian's postinst normally writes /etc/munge/munge.key; we create one only if it is missing.
# - slurm.conf is the smallest set that is known to work without cgroups or an accounting database:
#   linuxproc process tracking, no task plugin, no job accounting, cons_tres selecting by CPU.
# - Both the controller and the node are addressed as 127.0.0.1, so it works even where the hostname
#   does not resolve.
# - The node line comes from `slurmd -C`: declaring more CPUs than the machine really has leaves the
#   node "inval" and jobs never start (nproc can also be smaller than the real count under affinity).
# - batch_sched_delay=0,sched_min_interval=0 makes a small job array schedule in ~1-2 s instead of 3-6 s.
# - SlurmUser=root keeps things simple: test jobs run as root and write into the repository.
# - Harmless noise in the logs: "can not load PMIx library", "Could not open ... state file" on the
#   first start.
#
# Exits non-zero, with the tails of the relevant logs, if any step fails.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
export PATH="/usr/sbin:/usr/bin:/sbin:/bin:${PATH:-}"
T0=$(date +%s.%N)

CONF=/etc/slurm/slurm.conf
MUNGE_PID=/run/munge/munged.pid
CTLD_PID=/run/slurm/slurmctld.pid
SLURMD_PID=/run/slurm/slurmd.pid
MUNGE_LOG=/var/log/munge/munged.log
CTLD_LOG=/var/log/slurm/slurmctld.log
SLURMD_LOG=/var/log/slurm/slurmd.log
NODE=$(hostname -s)
WAIT_S=${SLURM_UP_WAIT_S:-30}

log() { printf 'slurm-up: %s\n' "$*" >&2; }

dump_logs() {
  local f
  for f in "$MUNGE_LOG" "$CTLD_LOG" "$SLURMD_LOG"; do
    if [[ -s $f ]]; then
      printf '\n----- tail -n 30 %s -----\n' "$f" >&2
      tail -n 30 "$f" >&2 || true
    fi
  done
  if command -v sinfo >/dev/null 2>&1; then
    printf '\n----- sinfo -N -l -----\n' >&2
    timeout 5 sinfo -N -l >&2 2>&1 || true
    printf '\n----- scontrol show node -----\n' >&2
    timeout 5 scontrol show node >&2 2>&1 || true
  fi
}

fail() {
  log "FAILED: $*"
  dump_logs
  exit 1
}
trap 'rc=$?; if (( rc != 0 )); then log "failed at line $LINENO (exit $rc)"; dump_logs; fi' ERR

# running PIDFILE COMM: true if the pid in PIDFILE is alive and is the named program.
running() {
  local pf=$1 comm=$2 pid
  [[ -s $pf ]] || return 1
  pid=$(<"$pf")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]]
}

# stop_pidfile PIDFILE COMM: TERM, wait up to 10 s, then KILL.
stop_pidfile() {
  local pf=$1 comm=$2 pid i
  running "$pf" "$comm" || return 0
  pid=$(<"$pf")
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pf"
}

[[ $(id -u) -eq 0 ]] || fail "must run as root"

# --- 1. packages ------------------------------------------------------------------------------
if ! command -v sbatch >/dev/null 2>&1 || [[ ! -x /usr/sbin/slurmctld || ! -x /usr/sbin/slurmd || ! -x /usr/sbin/munged ]]; then
  log "installing slurmctld slurmd slurm-client munge"
  apt-get update -qq || fail "apt-get update"
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/tmp/slurm-up.apt.log 2>&1 \
    || { tail -n 30 /tmp/slurm-up.apt.log >&2; fail "apt-get install"; }
fi
T_PKG=$(date +%s.%N)

# --- 2. directories (/run is tmpfs: recreate every time) --------------------------------------
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/log/munge /var/lib/munge
install -d -o munge -g munge -m 0700 /etc/munge
install -d -o slurm -g slurm -m 0755 /run/slurm /var/lib/slurm /var/lib/slurm/slurmctld \
  /var/lib/slurm/slurmd /var/log/slurm
install -d -m 0755 /etc/slurm

# --- 3. munge ---------------------------------------------------------------------------------
if [[ ! -s /etc/munge/munge.key ]]; then
  log "creating /etc/munge/munge.key"
  if [[ -x /usr/sbin/mungekey ]]; then
    runuser -u munge -- /usr/sbin/mungekey --create --keyfile=/etc/munge/munge.key
  else
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
fi

if ! running "$MUNGE_PID" munged; then
  log "starting munged"
  rm -f "$MUNGE_PID"
  runuser -u munge -- /usr/sbin/munged || fail "munged did not start"
fi
ok=0
for ((i = 0; i < 50; i++)); do
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then ok=1; break; fi
  sleep 0.1
done
(( ok )) || fail "munge round trip (munge -n | unmunge) does not work"

# --- 4. slurm.conf ----------------------------------------------------------------------------
# Node line from slurmd -C (real CPUs, sockets, cores, memory), with our own name and address.
NODE_LINE=$(/usr/sbin/slurmd -C 2>/dev/null | grep -m1 '^NodeName=' || true)
if [[ -n $NODE_LINE ]]; then
  NODE_LINE=$(sed -E "s/^NodeName=[^ ]+/NodeName=${NODE} NodeAddr=127.0.0.1/" <<<"$NODE_LINE")
else
  NODE_LINE="NodeName=${NODE} NodeAddr=127.0.0.1 CPUs=$(nproc)"
fi

NEW_CONF=$(cat <<EOF
# Written by .ci/slurm-up.sh -- single-node test cluster; edits are overwritten.
ClusterName=scorelab
SlurmctldHost=${NODE}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=${CTLD_PID}
SlurmdPidFile=${SLURMD_PID}
SlurmctldLogFile=${CTLD_LOG}
SlurmdLogFile=${SLURMD_LOG}
${NODE_LINE}
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
)

CONF_CHANGED=0
if [[ ! -f $CONF ]] || [[ "$(cat "$CONF")" != "$NEW_CONF" ]]; then
  printf '%s\n' "$NEW_CONF" >"$CONF.tmp"
  chmod 0644 "$CONF.tmp"
  mv -f "$CONF.tmp" "$CONF"
  CONF_CHANGED=1
  log "wrote $CONF"
fi

# --- 5. slurm daemons -------------------------------------------------------------------------
if (( CONF_CHANGED )); then
  # A daemon started with an older slurm.conf must not keep running with it.
  stop_pidfile "$SLURMD_PID" slurmd
  stop_pidfile "$CTLD_PID" slurmctld
fi

SLURMD_T=0 # when this run started slurmd (0: it was already running)
if ! running "$CTLD_PID" slurmctld; then
  log "starting slurmctld"
  rm -f "$CTLD_PID"
  /usr/sbin/slurmctld || fail "slurmctld did not start"
fi
if ! running "$SLURMD_PID" slurmd; then
  log "starting slurmd -N $NODE"
  rm -f "$SLURMD_PID"
  SLURMD_T=$(date +%s)
  /usr/sbin/slurmd -N "$NODE" || fail "slurmd did not start"
fi

# --- 6. wait until a submitted job would start at once ------------------------------------------
# Three conditions, polled every 0.2 s:
# - sinfo state is exactly idle (a fresh cluster) or mixed/allocated/completing (slurm-up run again
#   while a test's jobs are going). "idle*" (not responding), unknown, down, drained, inval fail it.
# - if this run started slurmd, the node's SlurmdStartTime is not older than that start. After a
#   restart slurmctld can restore the node as idle from its saved state before the new slurmd has
#   registered, so idle alone proves nothing.
# - slurmctld's main scheduler has completed a cycle (sdiag "Total cycles" >= 1). On this machine
#   that first cycle comes ~3 s after slurmctld starts, and a job submitted before it just sits
#   pending; waiting here keeps that delay out of the test's own timings.
ready_state() { # prints the blocking reason, or nothing when ready
  local sst cyc
  STATE=$(timeout 5 sinfo -h -n "$NODE" -o %T 2>/dev/null | head -n1 || true)
  case $STATE in
    idle | mixed | allocated | completing) ;;
    *) echo "node state '${STATE:-none}'"; return ;;
  esac
  if (( SLURMD_T > 0 )); then
    sst=$(timeout 5 scontrol show node -o "$NODE" 2>/dev/null | grep -oE 'SlurmdStartTime=[^ ]+' | cut -d= -f2 || true)
    sst=$(date -d "$sst" +%s 2>/dev/null || echo 0)
    (( sst >= SLURMD_T )) || { echo "slurmd not registered yet"; return; }
  fi
  cyc=$(timeout 5 sdiag 2>/dev/null | awk '/^Main schedule statistics/ {m = 1} m && /Total cycles:/ {print $3; exit}' || true)
  (( ${cyc:-0} >= 1 )) || { echo "no scheduler cycle yet"; return; }
}
STATE=""
deadline=$(( $(date +%s) + WAIT_S ))
while :; do
  why=$(ready_state)
  [[ -z $why ]] && break
  (( $(date +%s) < deadline )) || fail "node $NODE not ready after ${WAIT_S}s: $why"
  running "$CTLD_PID" slurmctld || fail "slurmctld died"
  running "$SLURMD_PID" slurmd || fail "slurmd died"
  sleep 0.2
done
STATE=$(timeout 5 sinfo -h -n "$NODE" -o %T 2>/dev/null | head -n1 || true)

T1=$(date +%s.%N)
CPUS=$(sed -nE 's/.*[[:space:]]CPUs=([0-9]+).*/\1/p' <<<"$NODE_LINE")
VER=$(sinfo -V 2>/dev/null | awk '{print $2}')
awk -v v="$VER" -v n="$NODE" -v c="$CPUS" -v s="$STATE" -v t0="$T0" -v tp="$T_PKG" -v t1="$T1" 'BEGIN {
  printf "slurm-up: ok: slurm %s, node %s (%s CPUs) %s, partition debug; %.1fs total (%.1fs packages)\n",
    v, n, c, s, t1 - t0, tp - t0 }'
