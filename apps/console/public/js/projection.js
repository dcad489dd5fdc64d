/**
 * Equirectangular projection, good enough for one city: longitude is shrunk by
 * cos(latitude) at the centre of the area so that distances look right at ~41° N.
 * Inputs are WGS-84 [lon, lat], as both the outlines and the fixes are.
 */

/** @typedef {{minLon: number, maxLon: number, minLat: number, maxLat: number}} Bounds */

/** Margin around the fitted area, in screen pixels. */
const FIT_PADDING_PX = 24;

/** @param {Iterable<[number, number]>} points [lon, lat] */
export function boundsOf(points) {
  /** @type {Bounds} */
  const b = { minLon: Infinity, maxLon: -Infinity, minLat: Infinity, maxLat: -Infinity };
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    b.minLon = Math.min(b.minLon, lon);
    b.maxLon = Math.max(b.maxLon, lon);
    b.minLat = Math.min(b.minLat, lat);
    b.maxLat = Math.max(b.maxLat, lat);
  }
  return Number.isFinite(b.minLon) ? b : null;
}

/**
 * A projection fitted to bounds within a width × height pixel box.
 * @param {Bounds} bounds
 * @param {number} width
 * @param {number} height
 */
export function fitProjection(bounds, width, height) {
  const midLat = (bounds.minLat + bounds.maxLat) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((bounds.maxLon - bounds.minLon) * kx, 1e-6);
  const spanY = Math.max(bounds.maxLat - bounds.minLat, 1e-6);
  const scale = Math.min(
    (width - 2 * FIT_PADDING_PX) / spanX,
    (height - 2 * FIT_PADDING_PX) / spanY,
  );
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;

  return {
    /**
     * @param {number} lon
     * @param {number} lat
     * @returns {[number, number]}
     */
    project(lon, lat) {
      return [
        offsetX + (lon - bounds.minLon) * kx * scale,
        offsetY + (bounds.maxLat - lat) * scale,
      ];
    },
  };
}

/** @param {any} geometry GeoJSON Polygon or MultiPolygon */
export function polygonRings(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}
