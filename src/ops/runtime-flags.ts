/**
 * Node/V8 flags the service runs with, everywhere it runs: `npm start` (package.json), the container (Dockerfile
 * CMD) and `npm run bench`; a deployment test keeps the three the same as this list.
 *
 * Why: with its default sizing V8 lets a service's heap float to three or four times what is live (it has
 * gigabytes of headroom on most machines), and keeps 16 MB semi-spaces for a workload of small, short-lived
 * objects. These two keep the resident size close to the working set (measured: ~280 → ~250 MiB after 10,000
 * conversations) at the cost of more frequent, short collections. They cap nothing: the heap still grows with
 * what is live.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=20'] as const;
