/**
 * Lets one line through per key and window and counts the rest, so a device that
 * floods bad messages cannot flood the log.
 */
export class LogSampler {
  private readonly windows = new Map<string, { until: number; suppressed: number }>();

  constructor(private readonly windowMs = 10_000) {}

  /** The number of lines suppressed since the last one let through, or null to stay quiet. */
  admit(key: string, now = Date.now()): number | null {
    const window = this.windows.get(key);
    if (window && now < window.until) {
      window.suppressed += 1;
      return null;
    }

    this.windows.set(key, { until: now + this.windowMs, suppressed: 0 });
    if (this.windows.size > 10_000) this.windows.clear();
    return window?.suppressed ?? 0;
  }
}
