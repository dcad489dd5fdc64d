/** Bad messages a faulty device sends, each with the dead-letter reason contract §2 gives it. */
import type { DeviceChannel, RejectReason } from '@sanitation/contracts';
import type { MalformedKind } from './scenario';

export interface BadMessage {
  payload: string | Buffer;
  reason: RejectReason;
}

/**
 * A weighbridge's bad tickets never carry a usable ticket number: a rejected ticket still
 * counts as arrived (§4 sequence gap), and the scenario must not move that baseline.
 */
export function malformedPayload(channel: DeviceChannel, kind: MalformedKind, tsIso: string):
  BadMessage | null {
  const base = baseElement(channel, tsIso);
  switch (kind) {
    case 'not_json':
      return { payload: JSON.stringify(base).slice(0, -7), reason: 'not_json' };
    case 'not_utf8':
      return { payload: Buffer.from([0x7b, 0xff, 0xfe, 0x22, 0x81, 0x7d]), reason: 'not_json' };
    case 'not_object':
      return { payload: '"online"', reason: 'not_object' };
    case 'missing_field': {
      const { ts: _ts, ticket: _ticket, ...rest } = base as Record<string, unknown>;
      return { payload: JSON.stringify(rest), reason: 'missing_field' };
    }
    case 'wrong_type':
      return { payload: JSON.stringify(corrupt(channel, base, 'wrong_type')),
        reason: 'wrong_type' };
    case 'out_of_range':
      if (channel === 'weighing') return null;
      return { payload: JSON.stringify(corrupt(channel, base, 'out_of_range')),
        reason: 'out_of_range' };
    case 'array_too_long':
      return { payload: JSON.stringify(Array.from({ length: 501 }, () => ({}))),
        reason: 'array_too_long' };
  }
}

function baseElement(channel: DeviceChannel, tsIso: string): Record<string, unknown> {
  switch (channel) {
    case 'fix':
      return { ts: tsIso, lat: 41.1, lon: 122.07, speedKmh: 20 };
    case 'read':
      return { ts: tsIso, tag: 'E2000017221101441890AB01', rssi: -50 };
    case 'weighing':
      return { ticket: 'A1', ts: tsIso, plate: '辽L·Z0000', grossKg: 15000 };
    case 'status':
      return { online: true, ts: tsIso };
  }
}

function corrupt(channel: DeviceChannel, base: Record<string, unknown>,
  kind: 'wrong_type' | 'out_of_range'): Record<string, unknown> {
  if (channel === 'fix') return { ...base, lat: kind === 'wrong_type' ? 'NaN' : 91 };
  if (channel === 'read') {
    return kind === 'wrong_type' ? { ...base, tag: 42 } : { ...base, ts: Date.UTC(2100, 0, 2) };
  }
  return { ...base, ticket: 'A1' };
}
