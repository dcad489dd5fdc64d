/**
 * Rule thresholds (contract §4 defaults). Every one can be set globally and overridden per
 * route, per truck or per weighbridge; the more specific wins: truck over route over global.
 */
export interface RuleThresholds {
  /** gps_silence: quiet time after the last fix (or the shift start) before raising. */
  silenceS: number;
  /** track_jump: both must be exceeded between consecutive fixes. */
  jumpDistanceM: number;
  jumpSpeedKmh: number;
  /** off_route: half-width of the corridor when the route gives none. */
  corridorM: number;
  /** off_route: time outside the corridor, from the first fix outside. */
  offRouteS: number;
  /** missed_bins: judged this long after the shift ends. */
  missedBinsGraceS: number;
  /** weighing_missing: shortest facility stay (entry to exit) that needs a weighing. */
  facilityMinStayS: number;
  /** weighing_missing: a weighing this long before entry or after exit still counts. */
  weighingWindowS: number;
  /** weighing_missing: judged this long after exit. */
  weighingMissingS: number;
  /** weighing_sequence_gap: judged this long after the higher ticket's time. */
  sequenceGapS: number;
  /** weighing_unmatched: fixes this long either side of the weighing are looked at. */
  unmatchedWindowS: number;
  /** overweight: net above this share of ratedPayloadKg, in percent. */
  payloadLimitPct: number;
  /** Fleet status: no fix for this long makes a truck in shift `offline`. */
  offlineS: number;
  /** Fleet status: within idleMoveM of one spot for this long makes a truck `idle`. */
  idleS: number;
  idleMoveM: number;
}

export const DEFAULT_THRESHOLDS: RuleThresholds = {
  silenceS: 300,
  jumpDistanceM: 1000,
  jumpSpeedKmh: 150,
  corridorM: 200,
  offRouteS: 180,
  missedBinsGraceS: 1800,
  facilityMinStayS: 60,
  weighingWindowS: 600,
  weighingMissingS: 1800,
  sequenceGapS: 1800,
  unmatchedWindowS: 600,
  payloadLimitPct: 100,
  offlineS: 300,
  idleS: 300,
  idleMoveM: 50,
};

export interface RulesConfig {
  defaults?: Partial<RuleThresholds>;
  routes?: Record<string, Partial<RuleThresholds>>;
  trucks?: Record<string, Partial<RuleThresholds>>;
  weighbridges?: Record<string, Partial<RuleThresholds>>;
}

/** Resolves thresholds for a scope; results are cached because rules ask on every fix. */
export class ThresholdResolver {
  private readonly cache = new Map<string, RuleThresholds>();

  constructor(private readonly config: RulesConfig = {}) {}

  /**
   * `routeCorridorM` is the registry's corridorM for the route; config overrides still win,
   * so an operator can widen a corridor without editing the city file.
   */
  for(scope: {
    truckId?: string | null;
    routeId?: string | null;
    weighbridgeId?: string | null;
    routeCorridorM?: number;
  }): RuleThresholds {
    const key =
      `${scope.truckId ?? ''}|${scope.routeId ?? ''}|${scope.weighbridgeId ?? ''}|` +
      `${scope.routeCorridorM ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;

    const fromRegistry =
      scope.routeCorridorM === undefined ? {} : { corridorM: scope.routeCorridorM };
    const resolved: RuleThresholds = {
      ...DEFAULT_THRESHOLDS,
      ...this.config.defaults,
      ...fromRegistry,
      ...(scope.weighbridgeId ? this.config.weighbridges?.[scope.weighbridgeId] : undefined),
      ...(scope.routeId ? this.config.routes?.[scope.routeId] : undefined),
      ...(scope.truckId ? this.config.trucks?.[scope.truckId] : undefined),
    };
    this.cache.set(key, resolved);
    return resolved;
  }
}
