/**
 * Replay of a track: a time slider over the track's span, play/pause, a speed factor,
 * and a position interpolated between the fixes on either side of the slider's time.
 */
import { h, replaceChildren } from './dom.js';
import { formatCityTime, toEpochMs } from './time.js';

/** Replay speeds, as multiples of real time. */
const SPEEDS = [1, 10, 30, 60, 120, 300, 600];
const DEFAULT_SPEED = 60;

/** @typedef {{t: number, lat: number, lon: number, speedKmh: number | null}} TimedFix */

/**
 * @param {TimedFix[]} fixes in time order
 * @param {number} t epoch ms
 * @returns {TimedFix}
 */
export function positionAt(fixes, t) {
  if (t <= fixes[0].t) return fixes[0];
  const last = fixes[fixes.length - 1];
  if (t >= last.t) return last;
  let lo = 0;
  let hi = fixes.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fixes[mid].t <= t) lo = mid;
    else hi = mid;
  }
  const a = fixes[lo];
  const b = fixes[hi];
  const f = b.t === a.t ? 0 : (t - a.t) / (b.t - a.t);
  return {
    t,
    lat: a.lat + (b.lat - a.lat) * f,
    lon: a.lon + (b.lon - a.lon) * f,
    speedKmh: a.speedKmh,
  };
}

export class Replay {
  /**
   * @param {HTMLElement} root
   * @param {(fix: TimedFix | null, follow: boolean) => void} onPosition
   */
  constructor(root, onPosition) {
    this.root = root;
    this.onPosition = onPosition;
    /** @type {TimedFix[]} */
    this.fixes = [];
    this.playing = false;
    this.lastFrame = 0;
    /** Replay time, epoch ms; kept apart from the slider, which rounds to its step. */
    this.t = 0;
    this.frame = 0;

    this.slider = /** @type {HTMLInputElement} */ (
      h('input', { type: 'range', id: 'replay-slider', 'aria-label': 'Replay time' })
    );
    this.playButton = /** @type {HTMLButtonElement} */ (
      h('button', { type: 'button', id: 'replay-play' }, 'Play')
    );
    this.speed = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { id: 'replay-speed', 'aria-label': 'Replay speed' },
        ...SPEEDS.map((s) => h('option', { value: s, selected: s === DEFAULT_SPEED }, `${s}×`)),
      )
    );
    this.follow = /** @type {HTMLInputElement} */ (
      h('input', { type: 'checkbox', id: 'replay-follow' })
    );
    this.readout = h('div', { className: 'small', id: 'replay-readout' });

    this.slider.addEventListener('input', () => {
      this.t = Number(this.slider.value);
      this.show();
    });
    this.playButton.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
    replaceChildren(
      root,
      this.slider,
      h(
        'div',
        { className: 'replay-controls' },
        this.playButton,
        h('label', {}, 'Speed ', this.speed),
        h('label', {}, this.follow, ' Follow truck'),
      ),
      this.readout,
    );
    root.hidden = true;
  }

  /** @param {Array<{ts: string | number, lat: number, lon: number, speedKmh?: number}>} fixes */
  load(fixes) {
    this.pause();
    this.fixes = fixes
      .map((f) => ({ t: toEpochMs(f.ts), lat: f.lat, lon: f.lon, speedKmh: f.speedKmh ?? null }))
      .filter((f) => Number.isFinite(f.t) && Number.isFinite(f.lat) && Number.isFinite(f.lon));
    this.root.hidden = this.fixes.length < 2;
    if (this.fixes.length < 2) {
      this.onPosition(null, false);
      return;
    }
    this.slider.min = String(this.fixes[0].t);
    this.slider.max = String(this.fixes[this.fixes.length - 1].t);
    this.slider.step = '1000';
    this.slider.value = this.slider.min;
    this.t = this.fixes[0].t;
    this.show();
  }

  clear() {
    this.load([]);
  }

  play() {
    if (this.fixes.length < 2) return;
    const end = this.fixes[this.fixes.length - 1].t;
    if (this.t >= end) this.t = this.fixes[0].t;
    this.playing = true;
    this.playButton.textContent = 'Pause';
    this.lastFrame = performance.now();
    this.frame = requestAnimationFrame((now) => this.tick(now));
  }

  pause() {
    this.playing = false;
    this.playButton.textContent = 'Play';
    cancelAnimationFrame(this.frame);
  }

  /** @param {number} now */
  tick(now) {
    if (!this.playing) return;
    const elapsedMs = now - this.lastFrame;
    this.lastFrame = now;
    const end = this.fixes[this.fixes.length - 1].t;
    this.t = Math.min(this.t + elapsedMs * Number(this.speed.value), end);
    this.slider.value = String(this.t);
    this.show();
    if (this.t >= end) this.pause();
    else this.frame = requestAnimationFrame((t) => this.tick(t));
  }

  show() {
    if (this.fixes.length < 2) return;
    const fix = positionAt(this.fixes, this.t);
    const speed = fix.speedKmh === null ? '' : ` · ${fix.speedKmh.toFixed(0)} km/h`;
    this.readout.textContent = `${formatCityTime(fix.t)}${speed}`;
    this.onPosition(fix, this.follow.checked);
  }
}
