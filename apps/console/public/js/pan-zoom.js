/**
 * Wheel zoom about the cursor and drag to pan, as a translate + scale applied to world
 * coordinates (screen = world × k + t). The owner redraws on every change.
 */

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 400;
/** A press that moves less than this is a click, not a drag (pixels). */
const DRAG_THRESHOLD_PX = 4;

export class PanZoom {
  /**
   * @param {SVGSVGElement} surface
   * @param {() => void} onChange
   */
  constructor(surface, onChange) {
    this.surface = surface;
    this.onChange = onChange;
    this.k = 1;
    this.tx = 0;
    this.ty = 0;
    /** True right after a drag, so that the click ending it selects nothing. */
    this.justDragged = false;
    this.listen();
  }

  /**
   * @param {number} x world
   * @param {number} y world
   * @returns {[number, number]} screen
   */
  toScreen(x, y) {
    return [x * this.k + this.tx, y * this.k + this.ty];
  }

  reset() {
    this.k = 1;
    this.tx = 0;
    this.ty = 0;
    this.onChange();
  }

  /**
   * @param {number} factor
   * @param {number} px screen x to keep still
   * @param {number} py screen y to keep still
   */
  zoomAt(factor, px, py) {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.k * factor));
    const applied = k / this.k;
    this.tx = px - (px - this.tx) * applied;
    this.ty = py - (py - this.ty) * applied;
    this.k = k;
    this.onChange();
  }

  /** @param {number} factor */
  zoomCentre(factor) {
    const rect = this.surface.getBoundingClientRect();
    this.zoomAt(factor, rect.width / 2, rect.height / 2);
  }

  /**
   * Moves the view so that a world point sits in the middle of the surface.
   * @param {number} x
   * @param {number} y
   */
  centreOn(x, y) {
    const rect = this.surface.getBoundingClientRect();
    this.tx = rect.width / 2 - x * this.k;
    this.ty = rect.height / 2 - y * this.k;
    this.onChange();
  }

  listen() {
    const surface = this.surface;
    surface.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const rect = surface.getBoundingClientRect();
        const factor = Math.exp(-event.deltaY * 0.0015);
        this.zoomAt(factor, event.clientX - rect.left, event.clientY - rect.top);
      },
      { passive: false },
    );

    /** @type {{x: number, y: number, tx: number, ty: number, moved: boolean} | null} */
    let drag = null;
    surface.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, tx: this.tx, ty: this.ty, moved: false };
      this.justDragged = false;
    });
    surface.addEventListener('pointermove', (event) => {
      if (!drag) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      if (!drag.moved) surface.setPointerCapture(event.pointerId);
      drag.moved = true;
      surface.classList.add('dragging');
      this.tx = drag.tx + dx;
      this.ty = drag.ty + dy;
      this.onChange();
    });
    const end = () => {
      if (drag?.moved) this.justDragged = true;
      drag = null;
      surface.classList.remove('dragging');
    };
    surface.addEventListener('pointerup', end);
    surface.addEventListener('pointercancel', end);
  }
}
