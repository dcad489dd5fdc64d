/** track_jump (contract §4): consecutive fixes > 1000 m apart implying > 150 km/h. */
import { isoUtc } from '@sanitation/contracts';
import { distanceM, speedKmhBetween } from '@sanitation/geo';
import type { FixTuple, TruckEntity } from '../state/entities';
import type { RuleContext } from './context';

/** Checks the pairs a fix inserted at `index` forms with its neighbours in time. */
export function trackJumpAround(ctx: RuleContext, truck: TruckEntity, index: number): void {
  const fixes = truck.fixes;
  if (index > 0) checkPair(ctx, truck, fixes[index - 1], fixes[index]);
  if (index < fixes.length - 1) checkPair(ctx, truck, fixes[index], fixes[index + 1]);
}

function checkPair(ctx: RuleContext, truck: TruckEntity, earlier: FixTuple, later: FixTuple): void {
  const routeId = ctx.routeAt(truck, later[0]);
  const limits = ctx.thresholds(truck.truckId, routeId);
  const metres = distanceM(earlier[1], earlier[2], later[1], later[2]);
  if (metres <= limits.jumpDistanceM) return;

  const speedKmh = speedKmhBetween(
    { ts: earlier[0], lat: earlier[1], lon: earlier[2] },
    { ts: later[0], lat: later[1], lon: later[2] },
  );
  if (speedKmh <= limits.jumpSpeedKmh) return;

  ctx.alerts.raise({
    key: `track_jump:${truck.truckId}:${later[0]}`,
    type: 'track_jump',
    truckId: truck.truckId,
    routeId,
    openedAtMs: later[0],
    details: {
      from: { ts: isoUtc(earlier[0]), lat: earlier[1], lon: earlier[2] },
      to: { ts: isoUtc(later[0]), lat: later[1], lon: later[2] },
      distanceM: Math.round(metres),
      speedKmh: Number.isFinite(speedKmh) ? Math.round(speedKmh) : null,
    },
  });
}
