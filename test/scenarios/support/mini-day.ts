/**
 * The mini city's day with every fault of simulators/scenarios/mini-all-faults.json, as the
 * simulator generates it for a fixed day (same seed, same bytes), moved to a recent day.
 */
import { join } from 'node:path';
import { loadRegistry } from '@sanitation/registry';
import { MINI_REGISTRY, REPO_ROOT } from '@sanitation/testing';
import { generateCityDay } from '../../../simulators/city-day/generate';
import { evaluateTruth } from '../../../simulators/city-day/truth/evaluate';
import { loadScenario } from '../../../simulators/city-day/scenario';
import type { ExpectedAlert, ExpectedDeadLetter } from '../../../simulators/city-day/types';
import type { ReplayMessage } from '../../../simulators/traffic/replay';
import { recentDayShiftMs, shiftedTruth } from './fixtures';

/** Ten minutes before the 06:00 shifts; traffic runs to 14:40 local (the simulator's tail). */
const WINDOW_START = Date.parse('2026-11-20T05:50:00+08:00');

export interface MiniDay {
  messages: ReplayMessage[];
  /** The ground truth, already moved by shiftMs. */
  truth: ExpectedAlert[];
  /** The malformed messages the simulator injected, with the reason each must get. */
  deadLetters: ExpectedDeadLetter[];
  shiftMs: number;
}

export function miniAllFaultsDay(): MiniDay {
  const scenario = loadScenario(join(REPO_ROOT, 'simulators', 'scenarios',
    'mini-all-faults.json'));
  const day = generateCityDay(loadRegistry(MINI_REGISTRY), {
    seed: 'scenario-tests', startMs: WINDOW_START, hours: 1, scenario,
  });
  const shiftMs = recentDayShiftMs(WINDOW_START);
  const messages = day.messages.map(({ t, topic, payload, retain }) =>
    ({ t, topic, payload, retain, qos: 1 as const }));
  return { messages, truth: shiftedTruth(day.truth.alerts, shiftMs),
    deadLetters: day.truth.deadLetters, shiftMs };
}

/** The ground truth of a prefix of the day: what must be raised once it has arrived. */
export function truthOfPrefix(day: MiniDay, messages: ReplayMessage[]): ExpectedAlert[] {
  return shiftedTruth(evaluateTruth(loadRegistry(MINI_REGISTRY), messages), day.shiftMs);
}
