/** Weigh tickets: one per facility visit plus the scenario's extra ones, numbered per bridge. */
import type { Registry } from '@sanitation/registry';

export interface TicketDraft {
  weighbridgeId: string;
  ts: number;
  plate: string;
  grossKg: number;
  tareKg: number;
  /** The truck and route behind it (null for a plate that matches none). */
  truckId: string | null;
  routeId: string | null;
  /** Lost between the weighbridge PC and the platform: the number is used, nothing arrives. */
  lost?: boolean;
  ticket?: number;
}

/** Contract §2: each weighbridge numbers its tickets with consecutive integers from 1. */
export function numberTickets(drafts: TicketDraft[]): TicketDraft[] {
  const byBridge = new Map<string, TicketDraft[]>();
  drafts.forEach((draft) => {
    const list = byBridge.get(draft.weighbridgeId) ?? [];
    list.push(draft);
    byBridge.set(draft.weighbridgeId, list);
  });

  for (const list of byBridge.values()) {
    list.sort((a, b) => a.ts - b.ts);
    list.forEach((draft, index) => {
      draft.ticket = index + 1;
    });
  }
  return drafts;
}

/** The registry's weighbridges at a facility, in id order, so choices are reproducible. */
export function bridgesAt(registry: Registry, facilityId: string | undefined): string[] {
  if (!facilityId) return [];
  return (registry.weighbridgesByFacility.get(facilityId) ?? []).map((bridge) => bridge.id).sort();
}
