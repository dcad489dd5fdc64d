/**
 * Where a district's name goes: a point well inside its largest polygon. The centre of
 * the bounding box will not do for Panjin: 盘山县 wraps round the city districts, and its
 * box centre falls inside 兴隆台区.
 */

/** Candidate points per side of the largest polygon's box. */
const GRID = 24;

/**
 * @param {number[][][]} rings outer rings, [lon, lat]
 * @returns {[number, number] | null} [lon, lat]
 */
export function labelPoint(rings) {
  const ring = largest(rings);
  if (!ring) return null;
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  let best = null;
  let bestDistance = -1;
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const lon = minLon + ((i + 0.5) / GRID) * (maxLon - minLon);
      const lat = minLat + ((j + 0.5) / GRID) * (maxLat - minLat);
      if (!inside(lon, lat, ring)) continue;
      const distance = edgeDistance(lon, lat, ring, kx);
      if (distance > bestDistance) [best, bestDistance] = [[lon, lat], distance];
    }
  }
  return /** @type {[number, number] | null} */ (best);
}

/** @param {number[][][]} rings */
function largest(rings) {
  let best = null;
  let bestArea = 0;
  for (const ring of rings) {
    let twice = 0;
    for (let k = 0; k < ring.length - 1; k++) {
      twice += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
    }
    if (Math.abs(twice) > bestArea) [best, bestArea] = [ring, Math.abs(twice)];
  }
  return best;
}

/**
 * Even-odd ray casting.
 * @param {number} x
 * @param {number} y
 * @param {number[][]} ring
 */
function inside(x, y, ring) {
  let result = false;
  for (let k = 0, l = ring.length - 1; k < ring.length; l = k++) {
    const [xk, yk] = ring[k];
    const [xl, yl] = ring[l];
    if (yk > y !== yl > y && x < ((xl - xk) * (y - yk)) / (yl - yk) + xk) result = !result;
  }
  return result;
}

/**
 * The squared distance to the nearest edge, in degrees of latitude squared.
 * @param {number} x
 * @param {number} y
 * @param {number[][]} ring
 * @param {number} kx length of a degree of longitude in degrees of latitude
 */
function edgeDistance(x, y, ring, kx) {
  let nearest = Infinity;
  for (let k = 0; k < ring.length - 1; k++) {
    const [ax, ay] = [ring[k][0] * kx, ring[k][1]];
    const [bx, by] = [ring[k + 1][0] * kx, ring[k + 1][1]];
    const dx = bx - ax;
    const dy = by - ay;
    const length = dx * dx + dy * dy;
    const along = (x * kx - ax) * dx + (y - ay) * dy;
    const t = length ? Math.max(0, Math.min(1, along / length)) : 0;
    const ex = ax + t * dx - x * kx;
    const ey = ay + t * dy - y;
    nearest = Math.min(nearest, ex * ex + ey * ey);
  }
  return nearest;
}
