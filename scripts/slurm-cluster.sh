#!/usr/bin/env bash
# A throwaway single-node Slurm cluster on loopback, for running and testing abrkit's job-array sweep
# (scripts/slurm-sweep.sh, scripts/test-slurm.sh) on one machine.
#
#   scripts/slurm-cluster.sh start  STATE_DIR   # install packages if missing (root), start munged, slurmctld, slurmd
#   scripts/slurm-cluster.sh status STATE_DIR   # daemons' pids and sinfo
#   scripts/slurm-cluster.sh stop   STATE_DIR   # cancel jobs, stop every daemon it started; nothing is left running
#   scripts/slurm-cluster.sh install            # only install the packages when missing (what start does first)
#
# Why this shape: it touches no system configuration. /etc/slurm, /etc/munge and the system's munged are
# never used; everything lives under STATE_DIR: a generated munge key, a munged with its own socket, a
# slurm.conf naming that socket (AuthInfo=socket=…), and the daemons' state, spool, logs and pid files.
# Clients find the cluster through SLURM_CONF:
#
#   export SLURM_CONF=STATE_DIR/slurm.conf
#
# The node is this machine (`slurmd -C`), reached as 127.0.0.1; the controller listens on
# SLURM_CLUSTER_PORT (default: the first free pair from 6817, slurmd on the next port). The packages are
# installed with apt-get when missing, which needs root; once they are there, any user can run a cluster
# (the daemons then run as that user, and so do its jobs). STATE_DIR and every folder above it must be
# searchable by all (o+x): munged insists on it for its socket.
set -euo pipefail

packages=(slurmctld slurmd slurm-client munge)
readonly start_timeout_s=30

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

die() {
    echo "slurm-cluster: $*" >&2
    exit 1
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# Installs the Debian packages when a command is missing; only root may, anyone else is told what to install.
ensure_packages() {
    local cmd p missing=()
    for cmd in munged munge unmunge slurmctld slurmd sbatch sinfo squeue scancel scontrol; do
        command -v "$cmd" >/dev/null || missing=(x)
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -gt 0 ] || missing=("${packages[@]}")
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        die "needs the packages ${missing[*]} (install them as root: apt-get install ${missing[*]})"
    fi
    echo "slurm-cluster: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || die "apt-get update failed; needs the packages ${missing[*]}"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || die "could not install ${missing[*]}"
}

# Whether something listens on 127.0.0.1:PORT.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A controller port whose neighbour (slurmd's) is free too.
pick_port() {
    if [ -n "${SLURM_CLUSTER_PORT:-}" ]; then
        echo "$SLURM_CLUSTER_PORT"
        return
    fi
    local port
    for ((port = 6817; port < 6917; port += 2)); do
        if ! port_in_use "$port" && ! port_in_use $((port + 1)); then
            echo "$port"
            return
        fi
    done
    die "no free port pair in 6817-6916 on 127.0.0.1 (set SLURM_CLUSTER_PORT)"
}

# Whether a process runs: it exists and is no zombie (the daemons fork away from us, and whoever
# inherits them may reap them late; a zombie has exited all the same).
alive() {
    local stat
    stat=$({ sed 's/.*) //' "/proc/$1/stat"; } 2>/dev/null) || return 1
    [ -n "$stat" ] && [ "${stat%% *}" != Z ]
}

# The pid in a pid file, when that process is alive.
live_pid() {
    local pid
    [ -s "$1" ] || return 1
    pid=$(cat "$1")
    [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" && echo "$pid"
}

tails() {
    local f
    for f in "$dir/munge/munged.log" "$dir/log/slurmctld.log" "$dir/log/slurmd.log"; do
        [ -f "$f" ] || continue
        echo "--- last lines of $f" >&2
        tail -n 20 "$f" >&2
    done
}

# A start that went wrong: the logs' tails, nothing left running, the reason.
fail() {
    tails
    stop_daemons quiet
    die "$@"
}

node_state() {
    { SLURM_CONF="$conf" sinfo -h -N -o '%T' 2>/dev/null || true; } | head -n 1
}

start() {
    ensure_packages
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    conf="$dir/slurm.conf"
    if live_pid "$dir/run/slurmctld.pid" >/dev/null && live_pid "$dir/run/slurmd.pid" >/dev/null &&
        live_pid "$dir/munge/munged.pid" >/dev/null; then
        echo "slurm-cluster: already running in $dir" >&2
        echo "export SLURM_CONF=$conf"
        return 0
    fi
    # A half-started cluster from before: clear it away first.
    if [ -e "$dir/run/slurmctld.pid" ] || [ -e "$dir/run/slurmd.pid" ] || [ -e "$dir/munge/munged.pid" ]; then
        stop_daemons quiet
    fi
    local t0 user host port
    t0=$(now)
    user=$(id -un)
    # The short host name, as slurmctld and slurmd see it (gethostname), which must match the config.
    host=$(uname -n)
    host=${host%%.*}
    [ -n "$host" ] || die "this machine has no host name (uname -n)"
    # Clusters starting at once would pick the same free ports: each holds this lock from choosing its
    # ports until its daemons listen on them (the one file outside STATE_DIR; the daemons do not inherit it).
    local lock=/tmp/slurm-cluster-ports.lock
    [ -e "$lock" ] || { : >>"$lock"; } 2>/dev/null || true
    chmod a+r "$lock" 2>/dev/null || true
    if exec 9<"$lock"; then
        flock -w 60 9 || die "waited 60 s for $lock (another slurm-cluster.sh start)"
    fi
    port=$(pick_port)

    mkdir -p "$dir/munge" "$dir/socket" "$dir/ctld" "$dir/slurmd" "$dir/log" "$dir/run"
    # munged refuses a key that others may read, and a socket that others cannot reach: the key's folder
    # is private, the socket's folder and STATE_DIR itself must be searchable (o+x) by everyone.
    chmod 0700 "$dir/munge"
    chmod 0755 "$dir/socket"
    chmod go+x "$dir"
    local up=$dir
    while [ "$up" != / ]; do
        up=$(dirname "$up")
        [ "$(($(stat -c '0%a' "$up") & 1))" -eq 1 ] ||
            die "munged needs every folder above its socket searchable by all (o+x); $up is not: choose a STATE_DIR elsewhere"
    done
    if [ ! -s "$dir/munge/munge.key" ]; then
        (umask 077 && dd if=/dev/urandom of="$dir/munge/munge.key" bs=1 count=1024 status=none)
    fi
    chmod 0400 "$dir/munge/munge.key"

    # The node's real sockets, cores and memory, so slurmd's registration agrees with the configuration.
    local hw
    hw=$(slurmd -C | head -n 1 | sed 's/^NodeName=[^ ]* //') || die "slurmd -C failed"
    [ -n "$hw" ] || die "slurmd -C printed nothing"

    cat >"$conf" <<EOF
# Written by scripts/slurm-cluster.sh: a single-node cluster on loopback, all state under $dir.
ClusterName=abrkit-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/socket/munge.socket
StateSaveLocation=$dir/ctld
SlurmdSpoolDir=$dir/slurmd
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
ReturnToService=2
SlurmctldTimeout=10
SlurmdTimeout=10
MessageTimeout=5
InactiveLimit=0
KillWait=2
# sbatch --wait polls every 2 s while MinJobAge < 4 (from 4 on it backs off to 8 and 32 s), and a
# finished job is kept at least 3 s, so the 2 s polls cannot miss a job's end.
MinJobAge=3
Waittime=0
NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host $hw State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF

    # Every daemon carries this variable, so that stop can find their stray children (slurmstepd) too.
    export SLURM_CLUSTER_STATE_DIR="$dir"
    export SLURM_CONF="$conf"
    munged --socket="$dir/socket/munge.socket" --key-file="$dir/munge/munge.key" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" \
        --seed-file="$dir/munge/munged.seed" 9<&- ||
        fail "munged did not start"
    munge -n -S "$dir/socket/munge.socket" | unmunge -S "$dir/socket/munge.socket" >/dev/null ||
        fail "munged does not answer on $dir/socket/munge.socket"
    slurmctld -f "$conf" 9<&- || fail "slurmctld did not start"
    # slurmd registers at once when the controller answers, and only a second later when it does not yet.
    local i
    for ((i = 0; i < 100; i++)); do
        scontrol ping 2>/dev/null | grep -q 'is UP' && break
        sleep 0.02
    done
    slurmd -f "$conf" -N "$host" 9<&- || fail "slurmd did not start"

    local deadline state=""
    deadline=$(($(date +%s) + start_timeout_s))
    while :; do
        state=$(node_state)
        case "$state" in
            idle) break ;;
        esac
        if [ "$(date +%s)" -ge "$deadline" ]; then
            fail "node $host not idle after ${start_timeout_s}s (sinfo says '${state:-nothing}'); logs above, state in $dir"
        fi
        sleep 0.05
    done
    exec 9<&-
    echo "slurm-cluster: node $host idle after $(elapsed "$t0")s (controller 127.0.0.1:$port, state in $dir)" >&2
    echo "export SLURM_CONF=$conf"
}

# The processes this cluster started: its daemons and slurmstepds (they carry SLURM_CLUSTER_STATE_DIR) and
# the job steps they run (SLURM_JOB_ID with our SLURM_CONF), never this script or its callers.
cluster_processes() {
    local ancestors=" " p=$$ f pid
    while [ -n "$p" ] && [ "$p" -gt 1 ] 2>/dev/null; do
        ancestors+="$p "
        p=$({ sed 's/.*) //' "/proc/$p/stat" | cut -d' ' -f2; } 2>/dev/null || true)
    done
    {
        grep -lzxF "SLURM_CLUSTER_STATE_DIR=$dir" /proc/[0-9]*/environ 2>/dev/null || true
        grep -lzxF "SLURM_CONF=$dir/slurm.conf" /proc/[0-9]*/environ 2>/dev/null |
            while read -r f; do grep -qz '^SLURM_JOB_ID=' "$f" 2>/dev/null && echo "$f"; done || true
    } | while read -r f; do
        pid=${f#/proc/}
        pid=${pid%/environ}
        [[ "$ancestors" == *" $pid "* ]] || echo "$pid"
    done | sort -un
}

# Stops what runs under $dir: jobs first (scancel), then slurmd, slurmctld and munged by their pid files,
# then any straggler found by cluster_processes; SIGKILL after 5 s.
stop_daemons() {
    local quiet=${1:-} pids=() running=() pid f i
    if live_pid "$dir/run/slurmctld.pid" >/dev/null && command -v squeue >/dev/null; then
        local jobs
        jobs=$(SLURM_CONF="$dir/slurm.conf" timeout 10 squeue -h -o '%A' 2>/dev/null || true)
        if [ -n "$jobs" ]; then
            # shellcheck disable=SC2086 # one job id a word
            SLURM_CONF="$dir/slurm.conf" timeout 10 scancel $jobs 2>/dev/null || true
            for ((i = 0; i < 50; i++)); do
                [ -z "$(SLURM_CONF="$dir/slurm.conf" timeout 5 squeue -h -o '%A' 2>/dev/null || true)" ] && break
                sleep 0.1
            done
        fi
    fi
    for f in "$dir/run/slurmd.pid" "$dir/run/slurmctld.pid" "$dir/munge/munged.pid"; do
        pid=$(live_pid "$f") && pids+=("$pid")
    done
    mapfile -t -O "${#pids[@]}" pids < <(cluster_processes)
    [ ${#pids[@]} -eq 0 ] || mapfile -t pids < <(printf '%s\n' "${pids[@]}" | sort -un)
    if [ ${#pids[@]} -gt 0 ]; then
        kill -TERM "${pids[@]}" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            running=()
            for pid in "${pids[@]}"; do alive "$pid" && running+=("$pid"); done
            [ ${#running[@]} -eq 0 ] && break
            sleep 0.1
        done
        if [ ${#running[@]} -gt 0 ]; then
            kill -KILL "${running[@]}" 2>/dev/null || true
            [ -n "$quiet" ] || echo "slurm-cluster: killed ${running[*]} with SIGKILL" >&2
        fi
    fi
    # Stragglers started while we were stopping (a job step spawned late).
    local late
    late=$(cluster_processes | tr '\n' ' ')
    if [ -n "${late// /}" ]; then
        # shellcheck disable=SC2086 # one pid a word
        kill -KILL $late 2>/dev/null || true
    fi
    rm -f "$dir/run/slurmd.pid" "$dir/run/slurmctld.pid" "$dir/munge/munged.pid" "$dir/socket/munge.socket" \
        "$dir/socket/munge.socket.lock"
    [ -n "$quiet" ] || echo "slurm-cluster: stopped (state kept in $dir)" >&2
}

stop() {
    [ -d "$dir" ] || { echo "slurm-cluster: $dir does not exist; nothing to stop" >&2; return 0; }
    dir=$(cd "$dir" && pwd)
    stop_daemons
}

status() {
    [ -d "$dir" ] || die "$dir does not exist"
    dir=$(cd "$dir" && pwd)
    conf="$dir/slurm.conf"
    local name f pid ok=0
    for name in munge/munged slurmctld slurmd; do
        case "$name" in
            munge/munged) f="$dir/munge/munged.pid" ;;
            *) f="$dir/run/$name.pid" ;;
        esac
        if pid=$(live_pid "$f"); then
            echo "${name#munge/}: running (pid $pid)"
        else
            echo "${name#munge/}: not running"
            ok=1
        fi
    done
    if [ "$ok" -eq 0 ]; then
        SLURM_CONF="$conf" sinfo -N -l || ok=1
        echo "export SLURM_CONF=$conf"
    fi
    return "$ok"
}

case "${1:-}" in
    -h | --help | help)
        usage
        exit 0
        ;;
    install)
        ensure_packages
        exit 0
        ;;
    start | stop | status) ;;
    *)
        usage >&2
        exit 2
        ;;
esac
[ $# -eq 2 ] || {
    usage >&2
    exit 2
}
dir=$2
conf=""
"$1"
