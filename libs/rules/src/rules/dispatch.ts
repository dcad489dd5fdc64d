/** Routes a due deadline to the rule that owns it, by entity kind and deadline name. */
import type { DueDeadline } from '../state/rule-state';
import type { RouteEntity, TruckEntity, WeighbridgeEntity } from '../state/entities';
import type { RuleContext } from './context';
import { OFFLINE } from './fix-rules';
import { fireSilence, SILENCE } from './gps-silence';
import { fireOffRoute, OFF_ROUTE } from './off-route';
import {
  fireMissedBins,
  fireShiftEnd,
  fireShiftStart,
  isMissedDeadline,
  SHIFT_END,
  SHIFT_START,
} from './shift-rules';
import { fireGap, isGapDeadline } from './ticket-sequence';
import { fireVisit, isVisitDeadline } from './weighing-missing';
import { fireElsewhere, isElsewhereDeadline } from './weighing-rules';

export function fireDeadline(ctx: RuleContext, due: DueDeadline): void {
  const { entity, name, dueMs } = due;
  if (entity.key.startsWith('truck:')) fireTruck(ctx, entity as TruckEntity, name, dueMs);
  else if (entity.key.startsWith('route:')) fireRoute(ctx, entity as RouteEntity, name, dueMs);
  else if (entity.key.startsWith('wb:') && isGapDeadline(name)) {
    fireGap(ctx, entity as WeighbridgeEntity, name, dueMs);
  }
}

function fireTruck(ctx: RuleContext, truck: TruckEntity, name: string, dueMs: number): void {
  if (name === SILENCE) fireSilence(ctx, truck, dueMs);
  else if (name === OFF_ROUTE) fireOffRoute(ctx, truck, dueMs);
  else if (name === OFFLINE) ctx.fleet.touch(truck.truckId);
  else if (isVisitDeadline(name)) fireVisit(ctx, truck, name, dueMs);
  else if (isElsewhereDeadline(name)) fireElsewhere(ctx, truck, name, dueMs);
}

function fireRoute(ctx: RuleContext, route: RouteEntity, name: string, dueMs: number): void {
  if (name === SHIFT_START) fireShiftStart(ctx, route, dueMs);
  else if (name === SHIFT_END) fireShiftEnd(ctx, route, dueMs);
  else if (isMissedDeadline(name)) fireMissedBins(ctx, route, name, dueMs);
}
