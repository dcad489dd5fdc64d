/**
 * Regenerates the Panjin seed city:
 *   node -r @swc-node/register seeds/panjin/generate.ts
 * writes registry.json, device-secrets.json and districts.wgs84.geojson beside this file.
 * Deterministic: the same SEED gives byte-identical files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { districtsToGeoJson, loadDistricts } from '../lib/districts';
import { writeCity } from '../lib/write-city';
import { buildCity } from './build-city';
import { SEED } from './city-plan';

/**
 * A copy of /work/shared/data/panjin-districts.geojson (DataV GeoAtlas outlines, GCJ-02);
 * loadDistricts converts it to WGS-84. Another file may be given as the first argument.
 */
const DISTRICTS_GCJ02 = join(__dirname, 'panjin-districts.gcj02.geojson');

function main(): void {
  const startedAt = Date.now();
  const source = process.argv[2] ?? DISTRICTS_GCJ02;

  const districts = loadDistricts(source);
  const { registry, secrets } = buildCity(SEED, districts);

  writeCity(__dirname, registry, secrets);
  const geoJsonPath = join(__dirname, 'districts.wgs84.geojson');
  writeFileSync(geoJsonPath, `${JSON.stringify(districtsToGeoJson(districts))}\n`);

  const counts = Object.entries({
    facilities: registry.facilities.length,
    weighbridges: registry.weighbridges.length,
    trucks: registry.trucks.length,
    bins: registry.bins.length,
    routes: registry.routes.length,
    devices: registry.devices.length,
  }).map(([key, n]) => `${key} ${n}`);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(`wrote ${__dirname}: ${counts.join(', ')} in ${seconds} s\n`);
}

main();
