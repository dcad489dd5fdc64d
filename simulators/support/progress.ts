/** A one-line progress bar with rate and ETA, redrawn on stderr at most a few times a second. */

/** A terminal redraws in place; a log file gets a line now and then. */
const REDRAW_TTY_MS = 250;
const REDRAW_LOG_MS = 5_000;
const WIDTH = 30;

export class ProgressBar {
  private readonly startedAt = Date.now();
  private drawnAt = 0;

  constructor(private readonly total: number, private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(done: number, force = false): void {
    const now = Date.now();
    const redrawMs = this.out.isTTY ? REDRAW_TTY_MS : REDRAW_LOG_MS;
    if (!force && now - this.drawnAt < redrawMs) return;
    this.drawnAt = now;

    const share = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const filled = Math.round(share * WIDTH);
    const elapsedS = (now - this.startedAt) / 1000;
    const rate = elapsedS > 0 ? done / elapsedS : 0;
    const etaS = rate > 0 ? (this.total - done) / rate : Infinity;
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ` +
      `${done}/${this.total} ${(share * 100).toFixed(1)}% ${Math.round(rate)} msg/s ` +
      `ETA ${formatSeconds(etaS)}`;
    this.out.write(this.out.isTTY ? `\r${line}` : `${line}\n`);
  }

  finish(done: number): void {
    this.update(done, true);
    if (this.out.isTTY) this.out.write('\n');
  }
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
