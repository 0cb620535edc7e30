/** Intake pressure: a burst is deliveries outpacing finished turns over the last second, and it ends by itself. */
import { IntakePressure } from '../../src/inbox/pressure';

describe('intake pressure', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('is calm while turns keep up with arrivals, however many', () => {
    const p = new IntakePressure(clock, 50);
    for (let i = 0; i < 200; i++) {
      p.arrived();
      p.turnFinished();
    }
    expect(p.busy()).toBe(false);
  });

  it('is calm below the minimum rate even when nothing is finished yet', () => {
    const p = new IntakePressure(clock, 50);
    for (let i = 0; i < 49; i++) p.arrived();
    expect(p.busy()).toBe(false);
  });

  it('is busy when arrivals outpace finished turns, and calm once the burst has left the window', () => {
    const p = new IntakePressure(clock, 50);
    for (let i = 0; i < 120; i++) p.arrived();
    for (let i = 0; i < 20; i++) p.turnFinished();
    expect(p.busy()).toBe(true);
    now += 500; // still inside the one-second window
    expect(p.busy()).toBe(true);
    now += 600; // the burst's second has passed: the window forgets it
    expect(p.busy()).toBe(false);
  });
});
