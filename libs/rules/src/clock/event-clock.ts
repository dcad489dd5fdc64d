/**
 * The event clock of contract §4: starts at the first accepted device time, follows the
 * latest accepted device time (never backwards), and while nothing arrives moves on with the
 * wall time elapsed since it last advanced.
 */
export interface EventClockState {
  /** Event time now, epoch ms; null until the first accepted element. */
  nowMs: number | null;
  startedAtMs: number | null;
  /** Latest accepted device time; absent in snapshots written before it existed. */
  dataMs?: number | null;
}

export class EventClock {
  private nowMs: number | null;
  private startedAtMs: number | null;
  private dataMs: number | null;
  /**
   * Wall time of the last advance. Not persisted: downtime of the platform is not silence of
   * the trucks, whose buffered data arrives after a restart.
   */
  private lastAdvanceWallMs: number | null = null;

  constructor(state: EventClockState = { nowMs: null, startedAtMs: null }) {
    this.nowMs = state.nowMs;
    this.startedAtMs = state.startedAtMs;
    this.dataMs = state.dataMs ?? state.nowMs;
  }

  get started(): boolean {
    return this.nowMs !== null;
  }

  /** Event time now; 0 before the clock has started (no rule runs then). */
  get now(): number {
    return this.nowMs ?? 0;
  }

  /**
   * The latest device time accepted, without the wall-time drift: rules stamp clears caused by
   * data with it, so a replay at any speed clears at the same times.
   */
  get dataNow(): number {
    return this.dataMs ?? 0;
  }

  get startedAt(): number {
    return this.startedAtMs ?? 0;
  }

  /** Starts the clock at this device time; false when it had already started. */
  start(deviceMs: number, wallMs: number): boolean {
    if (this.nowMs !== null) return false;

    this.nowMs = deviceMs;
    this.startedAtMs = deviceMs;
    this.dataMs = deviceMs;
    this.lastAdvanceWallMs = wallMs;
    return true;
  }

  /** An accepted element's device time. */
  noteData(deviceMs: number): void {
    if (this.dataMs === null || deviceMs > this.dataMs) this.dataMs = deviceMs;
  }

  /** Moves to a device time (or a deadline being fired); never backwards. */
  moveTo(eventMs: number, wallMs?: number): void {
    if (this.nowMs === null || eventMs > this.nowMs) this.nowMs = eventMs;
    if (wallMs !== undefined) this.lastAdvanceWallMs = wallMs;
  }

  /** The event time the wall clock says it should be now (for tick); null before start. */
  wallTarget(wallMs: number): number | null {
    if (this.nowMs === null) return null;
    if (this.lastAdvanceWallMs === null || wallMs < this.lastAdvanceWallMs) {
      this.lastAdvanceWallMs = wallMs;
      return this.nowMs;
    }
    return this.nowMs + (wallMs - this.lastAdvanceWallMs);
  }

  snapshot(): EventClockState {
    return { nowMs: this.nowMs, startedAtMs: this.startedAtMs, dataMs: this.dataMs };
  }
}
