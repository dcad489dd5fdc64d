/**
 * Checks a parsed registry file (contract §1): required fields and their types,
 * duplicate ids, dangling references. Every problem names its entry and field, e.g.
 * `trucks[3] (T004).depotId "FAC-X" is not a facility`. Unknown fields are ignored.
 */
import { FACILITY_KINDS, normalizePlate, WASTE_STREAMS } from '@sanitation/contracts';
import { isSecretHash } from './secret-hash';
import { FieldChecker } from './field-checker';

type Entry = Record<string, unknown>;

const SHIFT_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TAG = /^[0-9a-fA-F]{8,64}$/;

export function validateRegistryFile(file: unknown): string[] {
  const problems: string[] = [];
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    return ['the file is not a JSON object'];
  }
  const root = file as Entry;
  const check = new FieldChecker(problems);

  check.text(root, 'city', 'registry');
  check.text(root, 'timezone', 'registry');
  if (typeof root.timezone === 'string' && !isTimeZone(root.timezone)) {
    problems.push(`registry.timezone "${root.timezone}" is not an IANA time zone`);
  }

  const lists = ['facilities', 'weighbridges', 'trucks', 'bins', 'routes', 'devices'] as const;
  const entries = Object.fromEntries(lists.map((name) => [name, check.list(root, name)])) as Record<
    (typeof lists)[number],
    Entry[]
  >;

  const ids = Object.fromEntries(
    lists.map((name) => [name, check.uniqueIds(name, entries[name])]),
  ) as Record<(typeof lists)[number], Set<string>>;

  entries.facilities.forEach((f, i) => {
    const at = check.at('facilities', i, f);
    check.text(f, 'name', at);
    check.oneOf(f, 'kind', FACILITY_KINDS, at);
    check.latLon(f, at);
    check.number(f, 'radiusM', at, 1, 100_000);
  });

  const devicesByKind = (kind: string) =>
    new Set(entries.devices.filter((d) => d.kind === kind).map((d) => d.id as string));
  entries.devices.forEach((d, i) => {
    const at = check.at('devices', i, d);
    check.oneOf(d, 'kind', ['gps', 'rfid', 'weighbridge'], at);
    if (check.text(d, 'secretHash', at) && !isSecretHash(d.secretHash as string)) {
      problems.push(`${at}.secretHash is not scrypt:<salt hex>:<32-byte key hex>`);
    }
  });

  entries.weighbridges.forEach((w, i) => {
    const at = check.at('weighbridges', i, w);
    check.ref(w, 'facilityId', ids.facilities, 'facility', at);
    check.ref(w, 'deviceId', devicesByKind('weighbridge'), 'weighbridge device', at);
  });

  const plates = new Map<string, string>();
  entries.trucks.forEach((t, i) => {
    const at = check.at('trucks', i, t);
    if (check.text(t, 'plate', at)) {
      const plate = normalizePlate(t.plate as string);
      const other = plates.get(plate);
      if (other) problems.push(`${at}.plate "${t.plate}" is also truck ${other}'s plate`);
      plates.set(plate, t.id as string);
    }
    check.oneOf(t, 'stream', WASTE_STREAMS, at);
    check.number(t, 'ratedPayloadKg', at, 1, 200_000);
    check.number(t, 'tareKg', at, 1, 200_000);
    check.ref(t, 'depotId', ids.facilities, 'facility', at, true);
    check.ref(t, 'gpsDeviceId', devicesByKind('gps'), 'gps device', at, true);
    check.ref(t, 'rfidDeviceId', devicesByKind('rfid'), 'rfid device', at, true);
  });

  const tags = new Map<string, string>();
  entries.bins.forEach((b, i) => {
    const at = check.at('bins', i, b);
    if (check.text(b, 'tag', at)) {
      const tag = (b.tag as string).toUpperCase();
      if (!TAG.test(tag)) problems.push(`${at}.tag "${b.tag}" is not 8 to 64 hex digits`);
      const other = tags.get(tag);
      if (other) problems.push(`${at}.tag ${tag} is also bin ${other}'s tag`);
      tags.set(tag, b.id as string);
    }
    check.latLon(b, at);
    check.oneOf(b, 'stream', WASTE_STREAMS, at);
  });

  entries.routes.forEach((r, i) => {
    const at = check.at('routes', i, r);
    check.ref(r, 'truckId', ids.trucks, 'truck', at);
    for (const field of ['shiftStart', 'shiftEnd']) {
      if (check.text(r, field, at) && !SHIFT_TIME.test(r[field] as string)) {
        problems.push(`${at}.${field} "${r[field]}" is not HH:MM`);
      }
    }
    check.refList(r, 'binIds', ids.bins, 'bin', at);
    check.ref(r, 'facilityId', ids.facilities, 'facility', at, true);
    check.path(r, at);
    if (r.corridorM !== undefined) check.number(r, 'corridorM', at, 1, 100_000);
  });

  return problems;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
