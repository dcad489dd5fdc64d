/**
 * Accepted DTOs to records: device times to epoch ms, the checks that need the wall
 * clock or the registry (future, too old, net weight), identities resolved.
 */
import {
  FixDto,
  FixRecord,
  FUTURE_TOLERANCE_MS,
  normalizePlate,
  parseDeviceTime,
  ReadDto,
  ReadRecord,
  Rejection,
  StatusDto,
  StatusRecord,
  WeighingDto,
  WeighingFlag,
  WeighingRecord,
  DeviceKind,
} from '@sanitation/contracts';
import type { Registry } from '@sanitation/registry';

export interface ElementContext {
  deviceId: string;
  deviceKind: DeviceKind;
  registry: Registry;
  receivedAt: number;
  /** Oldest device time still accepted (RETENTION_DAYS before now). */
  oldestMs: number;
}

export type RecordVerdict<R> = { ok: true; record: R } | ({ ok: false } & Rejection);

const DAY_MS = 86_400_000;

/** The device time, or a rejection when it is ahead of the wall clock or too old. */
function deviceTime(value: string | number, ctx: ElementContext): RecordVerdict<number> {
  const parsed = parseDeviceTime(value);
  if (!parsed.ok) return parsed;

  if (parsed.ms > ctx.receivedAt + FUTURE_TOLERANCE_MS) {
    const aheadS = Math.round((parsed.ms - ctx.receivedAt) / 1000);
    return {
      ok: false,
      reason: 'time_in_future',
      message: `ts is ${aheadS} s ahead of the platform clock`,
    };
  }
  if (parsed.ms < ctx.oldestMs) {
    const ageDays = Math.floor((ctx.receivedAt - parsed.ms) / DAY_MS);
    return {
      ok: false,
      reason: 'time_too_old',
      message: `ts is ${ageDays} days old, past retention`,
    };
  }
  return { ok: true, record: parsed.ms };
}

export function toFix(dto: FixDto, ctx: ElementContext): RecordVerdict<FixRecord> {
  const ts = deviceTime(dto.ts, ctx);
  if (!ts.ok) return ts;

  const truck = ctx.registry.truckByGpsDevice.get(ctx.deviceId);
  return {
    ok: true,
    record: {
      deviceId: ctx.deviceId,
      truckId: truck?.id ?? null,
      ts: ts.record,
      lat: dto.lat,
      lon: dto.lon,
      speedKmh: dto.speedKmh,
      headingDeg: dto.headingDeg,
      hdop: dto.hdop,
      sats: dto.sats,
      ignition: dto.ignition,
      seq: dto.seq,
      receivedAt: ctx.receivedAt,
    },
  };
}

export function toRead(dto: ReadDto, ctx: ElementContext): RecordVerdict<ReadRecord> {
  const ts = deviceTime(dto.ts, ctx);
  if (!ts.ok) return ts;

  const tag = dto.tag.toUpperCase();
  return {
    ok: true,
    record: {
      deviceId: ctx.deviceId,
      truckId: ctx.registry.truckByRfidDevice.get(ctx.deviceId)?.id ?? null,
      ts: ts.record,
      tag,
      binId: ctx.registry.binByTag.get(tag)?.id ?? null,
      rssi: dto.rssi,
      antenna: dto.antenna,
      receivedAt: ctx.receivedAt,
    },
  };
}

export function toStatus(dto: StatusDto, ctx: ElementContext): RecordVerdict<StatusRecord> {
  const ts = deviceTime(dto.ts, ctx);
  if (!ts.ok) return ts;

  return {
    ok: true,
    record: {
      deviceId: ctx.deviceId,
      kind: ctx.deviceKind,
      ts: ts.record,
      online: dto.online,
      fw: dto.fw,
      batteryPct: dto.batteryPct,
      receivedAt: ctx.receivedAt,
    },
  };
}

/**
 * A ticket with its truck found by normalised plate. Net = gross − tare, the tare
 * being the ticket's own or else the truck's registered one (contract §2).
 */
export function toWeighing(dto: WeighingDto, ctx: ElementContext): RecordVerdict<WeighingRecord> {
  const ts = deviceTime(dto.ts, ctx);
  if (!ts.ok) return ts;

  const weighbridge = ctx.registry.weighbridgeByDevice.get(ctx.deviceId);
  if (!weighbridge) {
    const message = `device ${ctx.deviceId} is not assigned to any weighbridge in the registry`;
    return { ok: false, reason: 'unknown_device', message };
  }

  const plateNormalized = normalizePlate(dto.plate);
  const truck = ctx.registry.truckByPlate.get(plateNormalized);
  const tareKg = dto.tareKg ?? truck?.tareKg ?? null;
  const netKg = tareKg === null ? null : dto.grossKg - tareKg;
  if (netKg !== null && netKg < 0) {
    const whose = dto.tareKg === undefined ? 'registered tare' : 'tare';
    return {
      ok: false,
      reason: 'net_negative',
      message: `grossKg ${dto.grossKg} is below the ${whose} ${tareKg}`,
    };
  }

  const flags: WeighingFlag[] = [];
  if (!truck) flags.push('unmatched');
  if (tareKg === null) flags.push('no_tare');
  if (truck && netKg !== null && netKg > truck.ratedPayloadKg) flags.push('overweight');

  const facility = ctx.registry.facilities.get(weighbridge.facilityId);
  return {
    ok: true,
    record: {
      deviceId: ctx.deviceId,
      weighbridgeId: weighbridge.id,
      facilityId: weighbridge.facilityId,
      ticket: dto.ticket,
      ts: ts.record,
      plate: dto.plate,
      plateNormalized,
      truckId: truck?.id ?? null,
      grossKg: dto.grossKg,
      tareKg,
      tareSource: dto.tareKg !== undefined ? 'ticket' : truck ? 'registry' : null,
      netKg,
      stream: truck?.stream ?? null,
      routeId: truck ? (ctx.registry.routesByTruck.get(truck.id)?.[0]?.id ?? null) : null,
      district: truck?.district ?? facility?.district ?? null,
      flags,
      matchedBy: null,
      receivedAt: ctx.receivedAt,
    },
  };
}
