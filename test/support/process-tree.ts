/** Processes as Linux shows them in /proc: who descends from whom, and who still runs (zombies do not count). */
import * as fs from 'node:fs';

interface ProcStat {
  pid: number;
  ppid: number;
  state: string;
}

function stat(pid: number): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state ppid …": the command may hold spaces and parentheses, so read from the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, state: fields[0], ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Every process below `pid`, children first. */
export function descendants(pid: number): number[] {
  const all = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => stat(Number(d)))
    .filter((s): s is ProcStat => s !== undefined);
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const s of all) {
      if (s.ppid === parent && !found.includes(s.pid)) {
        found.push(s.pid);
        queue.push(s.pid);
      }
    }
  }
  return found;
}

export function isRunning(pid: number): boolean {
  const s = stat(pid);
  return s !== undefined && s.state !== 'Z' && s.state !== 'X';
}
