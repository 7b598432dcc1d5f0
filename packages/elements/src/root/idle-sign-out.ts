import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a person does that counts as activity (HIPAA automatic log-off counts idle time from the last one). */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
/** The warning comes this long before the sign-out, or halfway for idle times under two minutes. */
const WARNING_MS = 60_000;

/** Where the idle clock stands. */
export type IdleState =
  { kind: 'active' } | { kind: 'warning'; secondsLeft: number } | { kind: 'signed-out' };

/**
 * Automatic log-off for `<portico-root>`: after `idleMs()` without activity anywhere in the page it signs out,
 * with a warning a minute before. Deadlines are instants, checked every second while warning, so a tab whose
 * timers the browser slowed down still signs out on time when it wakes.
 */
export class IdleSignOutController implements ReactiveController {
  state: IdleState = { kind: 'active' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastActivity = Date.now();
  private deadline = 0;
  private readonly onActivity = () => {
    if (this.state.kind !== 'active') return;
    const now = Date.now();
    // Rescheduling on every pointer move would be wasted work: a second's precision is plenty.
    if (now - this.lastActivity < 1000) return;
    this.lastActivity = now;
    this.schedule();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly idleMs: () => number,
    private readonly signedOut: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, this.onActivity, { capture: true, passive: true });
    this.restart();
  }

  hostDisconnected(): void {
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, this.onActivity, { capture: true });
    clearTimeout(this.timer);
  }

  /** Starts the idle clock again from now: Stay signed in, a new sign-in, or a changed idle time. */
  restart(): void {
    this.lastActivity = Date.now();
    this.set({ kind: 'active' });
    this.schedule();
  }

  private lead(idle: number): number {
    return Math.min(WARNING_MS, idle / 2);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const idle = this.idleMs();
    if (!(idle > 0)) return;
    this.deadline = this.lastActivity + idle;
    this.timer = setTimeout(() => this.tick(), Math.max(0, this.deadline - this.lead(idle) - Date.now()));
  }

  private tick(): void {
    const left = this.deadline - Date.now();
    if (left <= 0) {
      this.set({ kind: 'signed-out' });
      this.signedOut();
      return;
    }
    this.set({ kind: 'warning', secondsLeft: Math.ceil(left / 1000) });
    this.timer = setTimeout(() => this.tick(), Math.min(1000, left));
  }

  private set(state: IdleState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
