/** A weigh ticket as contract §5 lists it, from the stored record. */
import { isoUtc, WasteStream, WeighingFlag, WeighingRecord } from '@sanitation/contracts';

export interface WeighingView {
  weighbridgeId: string;
  ticket: number;
  ts: string;
  plate: string;
  truckId: string | null;
  grossKg: number;
  tareKg: number | null;
  netKg: number | null;
  stream: WasteStream | null;
  routeId: string | null;
  flags: WeighingFlag[];
}

export const WEIGHING_COLUMNS: (keyof WeighingView)[] = [
  'weighbridgeId',
  'ticket',
  'ts',
  'plate',
  'truckId',
  'grossKg',
  'tareKg',
  'netKg',
  'stream',
  'routeId',
  'flags',
];

export function toWeighingView(record: WeighingRecord): WeighingView {
  return {
    weighbridgeId: record.weighbridgeId,
    ticket: record.ticket,
    ts: isoUtc(record.ts),
    plate: record.plate,
    truckId: record.truckId,
    grossKg: record.grossKg,
    tareKg: record.tareKg,
    netKg: record.netKg,
    stream: record.stream,
    routeId: record.routeId,
    flags: [...record.flags],
  };
}
