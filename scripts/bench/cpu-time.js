// CPU time spent by the API process and by PostgreSQL's server processes, read from /proc (Linux).
// On a shared, noisy machine, CPU milliseconds per redemption move far less than redemptions per
// second: they say what a change saved even when another tenant takes the cores for a while.
const { readdirSync, readFileSync } = require('node:fs');

const TICKS_PER_MS = 100 / 1000; // USER_HZ is 100 on Linux

function ticksOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/**
 * CPU busy time of the whole machine (every process, the kernel's work included, time stolen by
 * the hypervisor excluded): the load generator and the other services share the cores too.
 */
function machineTicks() {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return user + nice + system + irq + softirq;
}

/**
 * Milliseconds of CPU so far: the service's processes' (`api`, and `projector` when it runs apart),
 * every PostgreSQL process's, the machine's; undefined off Linux.
 */
function cpuMilliseconds({ api, projector }) {
  try {
    let postgres = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') postgres += ticksOf(entry);
      } catch {
        // the process ended while being read
      }
    }
    return {
      api: ticksOf(api) / TICKS_PER_MS,
      projector: projector === undefined ? 0 : ticksOf(projector) / TICKS_PER_MS,
      postgres: postgres / TICKS_PER_MS,
      machine: machineTicks() / TICKS_PER_MS,
    };
  } catch {
    return undefined;
  }
}

/** CPU milliseconds per unit of work between two readings, or undefined when either is missing. */
function cpuPer(before, after, units) {
  if (!before || !after) return undefined;
  const per = (key) => (after[key] - before[key]) / units;
  return { api: per('api'), projector: per('projector'), postgres: per('postgres'), machine: per('machine') };
}

module.exports = { cpuMilliseconds, cpuPer };
