/**
 * Node/V8 flags the service runs with, everywhere it runs: `npm start` (package.json), the container (Dockerfile
 * CMD) and `npm run bench`; a deployment test keeps the three the same as this list.
 *
 * Why:
 * - `--max-semi-space-size=2`, `--heap-growing-percent=20`: with its default sizing V8 lets a service's heap float
 *   to three or four times what is live (it has gigabytes of headroom on most machines) and keeps 16 MB
 *   semi-spaces for a workload of small, short-lived objects. These keep the heap close to the working set, at the
 *   cost of more frequent, short collections. They cap nothing: the heap still grows with what is live. V8 flags
 *   are per process, so the embedded database's thread has the same sizing (its own `resourceLimits` would be
 *   overridden by them). 2 MB semi-spaces rather than 4 saved ~7 MiB with the database thread and left intake and
 *   turn throughput unchanged (measured).
 * - `--no-liftoff`: the embedded database is 9 MB of WebAssembly; by default V8 keeps a baseline (Liftoff) copy of
 *   its code and an optimised copy of the hot parts. Compiling it once, optimised, saves ~30 MB resident and adds
 *   about a second to start-up; turn throughput is unchanged.
 * Measured after 10,000 conversations on the embedded database: ~280 MiB without these flags, ~240 MiB with them.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=2', '--heap-growing-percent=20', '--no-liftoff'] as const;
