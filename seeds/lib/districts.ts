/**
 * Panjin's districts in WGS-84: the four county-level divisions from the shared GeoJSON
 * (GCJ-02, converted here) and 辽东湾新区, which has no official outline in that data.
 */
import { readFileSync } from 'node:fs';
import type { LatLon } from '@sanitation/contracts';
import { gcj02ToWgs84 } from '@sanitation/geo';
import { pointInMultiPolygon, Polygon, round6 } from './geometry';

export interface District {
  name: string;
  /** The adcode of a county-level division; 辽东湾新区 has none and gets a made-up one. */
  code: string;
  /** The division's seat, WGS-84. */
  centre: LatLon;
  polygons: Polygon[];
}

export const LIAODONG_BAY = '辽东湾新区';

/**
 * Our own outline (WGS-84) of 辽东湾新区: about 12 km by 13 km of 大洼区's coast
 * south of the city (the 荣兴 and 盘锦港 area), drawn wholly inside 大洼区.
 * Plausible, not surveyed.
 */
const LIAODONG_BAY_RING: LatLon[] = [
  [40.705, 121.975],
  [40.7, 122.05],
  [40.712, 122.1],
  [40.755, 122.11],
  [40.79, 122.072],
  [40.812, 122.02],
  [40.79, 121.965],
  [40.745, 121.955],
];
const LIAODONG_BAY_CENTRE: LatLon = [40.752, 122.04];

interface GeoJsonFeature {
  properties: { name: string; adcode: number; center: [number, number] };
  geometry: { type: 'MultiPolygon'; coordinates: [number, number][][][] };
}

function toWgs84([lon, lat]: [number, number]): LatLon {
  const [wgsLat, wgsLon] = gcj02ToWgs84(lat, lon);
  return [wgsLat, wgsLon];
}

/** Reads the shared GCJ-02 outlines and returns all five districts in WGS-84. */
export function loadDistricts(gcjGeoJsonPath: string): District[] {
  const collection = JSON.parse(readFileSync(gcjGeoJsonPath, 'utf8')) as {
    features: GeoJsonFeature[];
  };

  const divisions = collection.features.map((feature) => ({
    name: feature.properties.name,
    code: String(feature.properties.adcode),
    centre: toWgs84(feature.properties.center),
    polygons: feature.geometry.coordinates.map((polygon) =>
      polygon.map((ring) => ring.map(toWgs84)),
    ),
  }));

  const newArea = {
    name: LIAODONG_BAY,
    code: '211100-LDW',
    centre: LIAODONG_BAY_CENTRE,
    polygons: [[[...LIAODONG_BAY_RING, LIAODONG_BAY_RING[0]]]],
  };
  return [...divisions, newArea];
}

/**
 * The one district a point belongs to, or undefined. A point must lie in exactly one of the
 * four divisions (their outlines overlap slightly along borders), and 辽东湾新区 takes
 * precedence over the division it is carved out of.
 */
export function districtOf(p: LatLon, districts: District[]): string | undefined {
  const newArea = districts.find((d) => d.name === LIAODONG_BAY);
  if (newArea && pointInMultiPolygon(p, newArea.polygons)) return LIAODONG_BAY;

  const containing = districts.filter(
    (d) => d.name !== LIAODONG_BAY && pointInMultiPolygon(p, d.polygons),
  );
  return containing.length === 1 ? containing[0].name : undefined;
}

/** The districts as a GeoJSON FeatureCollection (WGS-84, [lon, lat], 6 decimals). */
export function districtsToGeoJson(districts: District[]): object {
  const toLonLat = ([lat, lon]: LatLon): [number, number] => [round6(lon), round6(lat)];
  return {
    type: 'FeatureCollection',
    features: districts.map((district) => ({
      type: 'Feature',
      properties: { name: district.name, code: district.code },
      geometry: {
        type: 'MultiPolygon',
        coordinates: district.polygons.map((polygon) => polygon.map((ring) => ring.map(toLonLat))),
      },
    })),
  };
}
