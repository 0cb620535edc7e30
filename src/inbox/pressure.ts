/**
 * Intake pressure: are deliveries arriving faster than turns are being finished? Chatwoot gives a delivery 5 s to
 * be acknowledged and never retries a timeout, so while the backlog grows (a burst) the acknowledgements come
 * first: the worker takes fewer conversations at once (see Worker's `burstConcurrency`), and catches up as soon
 * as arrivals fall back to what it finishes (its next poll, at most `pollMs` later, sees the burst is over).
 */
const BUCKET_MS = 250;
const BUCKETS = 4; // a one-second window

export class IntakePressure {
  private readonly arrivals = new Array<number>(BUCKETS).fill(0);
  private readonly finished = new Array<number>(BUCKETS).fill(0);
  private bucketStart = 0;

  /**
   * @param minArrivals per second below which there is no burst, whatever the ratio (a quiet hotel's first
   *   messages after a restart are not a burst).
   */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly minArrivals = 50,
  ) {}

  /** A delivery was accepted. */
  arrived(): void {
    this.rotate();
    this.arrivals[0]++;
  }

  /** The worker finished one stored event. */
  turnFinished(): void {
    this.rotate();
    this.finished[0]++;
  }

  /** Arrivals in the last second outpace finished turns by half again: the backlog is growing. */
  busy(): boolean {
    this.rotate();
    const arrived = this.arrivals.reduce((a, b) => a + b, 0);
    const done = this.finished.reduce((a, b) => a + b, 0);
    return arrived >= this.minArrivals && arrived > 1.5 * done;
  }

  private rotate(): void {
    const t = this.now();
    if (!this.bucketStart) this.bucketStart = t;
    let steps = Math.floor((t - this.bucketStart) / BUCKET_MS);
    if (steps <= 0) return;
    this.bucketStart += steps * BUCKET_MS;
    steps = Math.min(steps, BUCKETS);
    for (let i = 0; i < steps; i++) {
      this.arrivals.pop();
      this.arrivals.unshift(0);
      this.finished.pop();
      this.finished.unshift(0);
    }
  }
}
