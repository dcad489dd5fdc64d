/** gps_silence (contract §4): in shift, the clock 300 s past the last fix or the shift start. */
import { isoOrNull, isoUtc } from '@sanitation/contracts';
import type { TruckEntity } from '../state/entities';
import type { RuleContext } from './context';

export const SILENCE = 'silence';

/** (Re)arms the truck's silence deadline from its last fix and its shift. */
export function scheduleSilence(ctx: RuleContext, truck: TruckEntity): void {
  const shift = truck.shift;
  if (!shift) {
    ctx.state.cancel(truck, SILENCE);
    return;
  }

  const silenceMs = ctx.thresholds(truck.truckId, shift.routeId).silenceS * 1000;
  const dueMs = Math.max(truck.lastFixMs ?? -Infinity, shift.effStartMs) + silenceMs;
  if (dueMs < shift.endMs) ctx.state.schedule(truck, SILENCE, dueMs);
  else ctx.state.cancel(truck, SILENCE);
}

export function fireSilence(ctx: RuleContext, truck: TruckEntity, dueMs: number): void {
  const shift = truck.shift;
  if (!shift || dueMs >= shift.endMs) return;
  if (truck.silence && ctx.alerts.isOpen(truck.silence.alertId)) return;

  const silenceS = ctx.thresholds(truck.truckId, shift.routeId).silenceS;
  const gapStartMs = dueMs - silenceS * 1000;
  const alert = ctx.alerts.raise({
    key: `gps_silence:${truck.truckId}:${gapStartMs}`,
    type: 'gps_silence',
    truckId: truck.truckId,
    routeId: shift.routeId,
    openedAtMs: dueMs,
    details: { lastFixAt: isoOrNull(truck.lastFixMs), silentSince: isoUtc(gapStartMs), silenceS },
  });
  if (!alert) return;

  truck.silence = { gapStartMs, openedAtMs: dueMs, alertId: alert.id };
  ctx.state.touch(truck);
}

/**
 * A fix newer than the truck's last one arrived. It ends the silence; it was buffered (backfilled)
 * when it falls inside the silent period the alert claimed, or when it was already older than the
 * silence threshold on arrival.
 */
export function silenceOnFix(
  ctx: RuleContext,
  truck: TruckEntity,
  fixMs: number,
  clockBeforeMs: number,
): void {
  const open = truck.silence;
  if (!open || fixMs <= open.gapStartMs) return;

  const silenceMs = ctx.thresholds(truck.truckId, truck.shift?.routeId).silenceS * 1000;
  const backfilled = fixMs <= open.openedAtMs || clockBeforeMs - fixMs > silenceMs;
  ctx.alerts.clearByRule(open.alertId, ctx.clock.dataNow, {
    backfilled,
    resumedAt: isoUtc(fixMs),
  });
  truck.silence = null;
  ctx.state.touch(truck);
}
