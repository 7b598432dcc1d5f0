/** The source of "now". Injected everywhere; nothing reads the system time directly. */
export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at a given instant until moved; for tests and demos. */
export class PinnedClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  /** Moves the clock to an instant. */
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  /** Moves the clock forward by a number of milliseconds. */
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
