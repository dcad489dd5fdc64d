/**
 * weighing_sequence_gap (contract §4): a weighbridge numbers its tickets 1, 2, 3…; the first
 * ticket seen sets the baseline, a skip is judged 30 min after the higher ticket's time, and a
 * rejected ticket counts as arrived.
 */
import type { WeighbridgeEntity } from '../state/entities';
import type { RuleContext } from './context';

const GAP_PREFIX = 'gap:';
/** Longest skip listed ticket by ticket; a larger jump is most likely a counter reset. */
const MAX_LISTED_MISSING = 1000;
/** Seen tickets remembered below the highest, for redeliveries and late fills. */
const SEEN_WINDOW = 5000;

export const isGapDeadline = (name: string): boolean => name.startsWith(GAP_PREFIX);

/** True when the ticket was already seen (a redelivery); otherwise records it. */
export function noteTicket(
  ctx: RuleContext,
  wb: WeighbridgeEntity,
  ticket: number,
  ticketMs: number,
): boolean {
  if (wb.seen[ticket]) return true;

  wb.seen[ticket] = 1;
  ctx.state.touch(wb);
  if (wb.baseline === null || wb.maxTicket === null) {
    wb.baseline = ticket;
    wb.maxTicket = ticket;
    return false;
  }

  fillGaps(ctx, wb, ticket);
  if (ticket > wb.maxTicket) {
    if (ticket > wb.maxTicket + 1) openGap(ctx, wb, wb.maxTicket + 1, ticket, ticketMs);
    wb.maxTicket = ticket;
    forgetOldTickets(wb);
  }
  return false;
}

export function fireGap(
  ctx: RuleContext,
  wb: WeighbridgeEntity,
  name: string,
  dueMs: number,
): void {
  const gap = wb.gaps[name.slice(GAP_PREFIX.length)];
  if (!gap || gap.alertId || gap.missing.length === 0) return;

  const alert = ctx.alerts.raise({
    key: `weighing_sequence_gap:${wb.weighbridgeId}:${gap.higherTicket}`,
    type: 'weighing_sequence_gap',
    weighbridgeId: wb.weighbridgeId,
    facilityId: ctx.registry.weighbridges.get(wb.weighbridgeId)?.facilityId ?? null,
    openedAtMs: dueMs,
    details: { missingTickets: [...gap.missing], higherTicket: gap.higherTicket },
  });
  if (alert) gap.alertId = alert.id;
  else delete wb.gaps[gap.higherTicket];
  ctx.state.touch(wb);
}

function openGap(
  ctx: RuleContext,
  wb: WeighbridgeEntity,
  from: number,
  higher: number,
  higherMs: number,
): void {
  const missing: number[] = [];
  for (let t = from; t < higher && missing.length < MAX_LISTED_MISSING; t++) {
    if (!wb.seen[t]) missing.push(t);
  }
  if (missing.length === 0) return;

  const gapMs = ctx.resolver.for({ weighbridgeId: wb.weighbridgeId }).sequenceGapS * 1000;
  wb.gaps[higher] = { higherTicket: higher, higherTs: higherMs, missing, alertId: null };
  ctx.state.schedule(wb, `${GAP_PREFIX}${higher}`, higherMs + gapMs);
}

function fillGaps(ctx: RuleContext, wb: WeighbridgeEntity, ticket: number): void {
  for (const gap of Object.values(wb.gaps)) {
    if (!gap.missing.includes(ticket)) continue;

    gap.missing = gap.missing.filter((t) => t !== ticket);
    if (gap.missing.length > 0) continue;
    ctx.state.cancel(wb, `${GAP_PREFIX}${gap.higherTicket}`);
    ctx.alerts.clearByRule(gap.alertId, ctx.clock.dataNow, { lastArrivedTicket: ticket });
    delete wb.gaps[gap.higherTicket];
  }
}

function forgetOldTickets(wb: WeighbridgeEntity): void {
  const floor = (wb.maxTicket ?? 0) - SEEN_WINDOW;
  if (floor <= 0 || !wb.seen[floor]) return;

  for (const key of Object.keys(wb.seen)) {
    if (Number(key) <= floor) delete wb.seen[key];
  }
}
