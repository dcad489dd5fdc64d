/**
 * The fleet map: district outlines, the selected truck's track and the truck markers,
 * drawn in SVG without tiles. Outlines and track live in world coordinates under one
 * transform; markers and labels are placed in screen coordinates so that they keep
 * their size at any zoom.
 */
import { svg } from './dom.js';
import { labelPoint } from './label-point.js';
import { PanZoom } from './pan-zoom.js';
import { boundsOf, fitProjection, polygonRings } from './projection.js';
import { statusStyle } from './status.js';

/** Plates are written beside every marker from this zoom on. */
const LABEL_ZOOM = 3;
const MARKER_RADIUS_PX = 7;

/** @typedef {import('./status.js').TruckState} TruckState */

export class MapView {
  /**
   * @param {SVGSVGElement} surface
   * @param {(truckId: string) => void} onSelect
   */
  constructor(surface, onSelect) {
    this.surface = surface;
    this.onSelect = onSelect;
    this.world = svg('g', { class: 'world' });
    this.districtLayer = svg('g', { class: 'districts' });
    this.trackLayer = svg('g', { class: 'track' });
    this.labelLayer = svg('g', { class: 'district-labels' });
    this.markerLayer = svg('g', { class: 'markers' });
    this.world.append(this.districtLayer, this.trackLayer);
    surface.append(this.world, this.labelLayer, this.markerLayer);

    /** @type {ReturnType<typeof fitProjection> | null} */
    this.projection = null;
    /** @type {any[]} */
    this.districts = [];
    /** @type {Array<[number, number] | null>} [lon, lat] of each district's name */
    this.labelPoints = [];
    /** @type {Map<string, TruckState>} */
    this.trucks = new Map();
    /** @type {Map<string, SVGGElement>} */
    this.markers = new Map();
    /** @type {string | null} */
    this.selectedId = null;
    /** @type {[number, number] | null} [lon, lat] */
    this.replayPoint = null;
    /** @type {Array<{lat: number, lon: number}>} */
    this.trackFixes = [];
    this.replayMarker = svg('circle', { class: 'replay-marker', r: 6 });

    this.view = new PanZoom(surface, () => this.redraw());
  }

  /** @param {any} geojson a FeatureCollection of (Multi)Polygons, [lon, lat] */
  setDistricts(geojson) {
    this.districts = Array.isArray(geojson?.features) ? geojson.features : [];
    this.labelPoints = this.districts.map((f) => labelPoint(polygonRings(f.geometry)));
    this.projection = null;
    this.ensureProjection();
    this.drawDistricts();
    this.redraw();
  }

  /** @param {TruckState[]} states */
  setTrucks(states) {
    this.trucks = new Map(states.map((s) => [s.truckId, s]));
    this.ensureProjection();
    this.redraw();
  }

  /**
   * Moves and recolours the markers of these trucks only: the stream reports a few
   * changed trucks many times a second, and redrawing every marker each time is waste.
   * @param {TruckState[]} states
   */
  updateTrucks(states) {
    for (const state of states) this.trucks.set(state.truckId, state);
    if (!this.projection) {
      this.ensureProjection();
      this.redraw();
      return;
    }
    for (const state of states) this.drawMarker(state);
    this.raiseSelected();
  }

  /** @param {string | null} truckId */
  select(truckId) {
    this.selectedId = truckId;
    this.redraw();
  }

  /** @param {Array<{lat: number, lon: number}>} fixes */
  setTrack(fixes) {
    this.trackFixes = fixes;
    this.trackLayer.replaceChildren();
    if (!this.projection || fixes.length === 0) return;
    const proj = this.projection;
    const points = fixes.map((f) => proj.project(f.lon, f.lat).join(',')).join(' ');
    this.trackLayer.append(svg('polyline', { class: 'track-line', points }));
  }

  /** @param {[number, number] | null} point [lon, lat] */
  setReplayPoint(point) {
    this.replayPoint = point;
    this.redraw();
  }

  /**
   * @param {number} lon
   * @param {number} lat
   */
  centreOn(lon, lat) {
    if (!this.projection) return;
    const [x, y] = this.projection.project(lon, lat);
    this.view.centreOn(x, y);
  }

  fit() {
    this.view.reset();
  }

  /** Fits again to the surface's current size (after a resize or being shown). */
  refit() {
    this.projection = null;
    this.ensureProjection();
    this.setTrack(this.trackFixes);
    this.redraw();
  }

  /** @param {number} factor */
  zoom(factor) {
    this.view.zoomCentre(factor);
  }

  /** Fits to the outlines, or to the trucks when the outlines could not be loaded. */
  ensureProjection() {
    if (this.projection) return;
    const rect = this.surface.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    const districtPoints = this.districts.flatMap((f) => polygonRings(f.geometry).flat());
    const truckPoints = [...this.trucks.values()]
      .filter((t) => t.lastFix)
      .map((t) => /** @type {[number, number]} */ ([t.lastFix?.lon, t.lastFix?.lat]));
    const bounds = boundsOf(districtPoints.length ? districtPoints : truckPoints);
    if (!bounds) return;
    this.projection = fitProjection(bounds, rect.width, rect.height);
    this.drawDistricts();
  }

  drawDistricts() {
    this.districtLayer.replaceChildren();
    this.labelLayer.replaceChildren();
    const proj = this.projection;
    if (!proj) return;
    for (const [index, feature] of this.districts.entries()) {
      const rings = polygonRings(feature.geometry);
      const d = rings
        .map((/** @type {number[][]} */ ring) => {
          const pts = ring.map(([lon, lat]) => proj.project(lon, lat).join(','));
          return `M${pts.join('L')}Z`;
        })
        .join('');
      const path = svg('path', { class: 'district', d });
      const title = svg('title');
      title.textContent = String(feature.properties?.name ?? '');
      path.append(title);
      this.districtLayer.append(path);

      const at = this.labelPoints[index];
      if (!at) continue;
      const label = svg('text', { class: 'district-label' });
      label.textContent = String(feature.properties?.name ?? '');
      label.dataset.lon = String(at[0]);
      label.dataset.lat = String(at[1]);
      this.labelLayer.append(label);
    }
  }

  redraw() {
    const { k, tx, ty } = this.view;
    this.world.setAttribute('transform', `translate(${tx},${ty}) scale(${k})`);
    if (!this.projection) return;
    for (const label of this.labelLayer.querySelectorAll('text')) {
      const [x, y] = this.screen(Number(label.dataset.lon), Number(label.dataset.lat));
      label.setAttribute('x', String(x));
      label.setAttribute('y', String(y));
    }
    this.drawMarkers();
  }

  /**
   * @param {number} lon
   * @param {number} lat
   */
  screen(lon, lat) {
    const proj = /** @type {NonNullable<typeof this.projection>} */ (this.projection);
    const [x, y] = proj.project(lon, lat);
    return this.view.toScreen(x, y);
  }

  drawMarkers() {
    for (const [truckId, marker] of this.markers) {
      if (this.trucks.has(truckId)) continue;
      marker.remove();
      this.markers.delete(truckId);
    }
    for (const truck of this.trucks.values()) this.drawMarker(truck);
    this.raiseSelected();
    this.drawReplayMarker();
  }

  /** @param {TruckState} truck */
  drawMarker(truck) {
    if (!truck.lastFix) {
      this.markers.get(truck.truckId)?.remove();
      this.markers.delete(truck.truckId);
      return;
    }
    const marker = this.markers.get(truck.truckId) ?? this.createMarker(truck.truckId);
    const [x, y] = this.screen(truck.lastFix.lon, truck.lastFix.lat);
    const style = statusStyle(truck.status);
    marker.setAttribute('transform', `translate(${x.toFixed(1)},${y.toFixed(1)})`);
    marker.dataset.status = truck.status;
    marker.classList.toggle('selected', truck.truckId === this.selectedId);
    const [dot, label, title] = marker.children;
    dot.setAttribute('fill', style.colour);
    label.textContent = truck.plate;
    label.classList.toggle('shown', this.view.k >= LABEL_ZOOM || truck.truckId === this.selectedId);
    title.textContent = `${truck.plate} (${truck.truckId}) · ${style.label}`;
  }

  /** The selected truck's marker and the replay marker are drawn last, above the rest. */
  raiseSelected() {
    const selected = this.selectedId && this.markers.get(this.selectedId);
    if (selected) this.markerLayer.append(selected);
    if (this.replayMarker.isConnected) this.markerLayer.append(this.replayMarker);
  }

  /** @param {string} truckId */
  createMarker(truckId) {
    const marker = /** @type {SVGGElement} */ (svg('g', { class: 'truck-marker' }));
    marker.dataset.truckId = truckId;
    marker.append(
      svg('circle', { r: MARKER_RADIUS_PX }),
      svg('text', { x: MARKER_RADIUS_PX + 3, y: 4, class: 'truck-label' }),
      svg('title'),
    );
    marker.addEventListener('click', (event) => {
      event.stopPropagation();
      if (!this.view.justDragged) this.onSelect(truckId);
    });
    this.markers.set(truckId, marker);
    this.markerLayer.append(marker);
    return marker;
  }

  drawReplayMarker() {
    if (!this.replayPoint) {
      this.replayMarker.remove();
      return;
    }
    const [x, y] = this.screen(this.replayPoint[0], this.replayPoint[1]);
    this.replayMarker.setAttribute('cx', String(x));
    this.replayMarker.setAttribute('cy', String(y));
    this.markerLayer.append(this.replayMarker);
  }
}
