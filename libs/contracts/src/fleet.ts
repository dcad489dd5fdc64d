/** Fleet state of contract §5 (`GET /api/fleet`, `sanitation/v1/fleet/{truckId}/state`). */

export const TRUCK_STATUSES = ['on_route', 'idle', 'at_facility', 'offline', 'off_shift'] as const;
export type TruckStatus = (typeof TRUCK_STATUSES)[number];

export interface LastFix {
  ts: string;
  lat: number;
  lon: number;
  speedKmh: number | null;
}

export interface TruckState {
  truckId: string;
  plate: string;
  status: TruckStatus;
  lastFix: LastFix | null;
  routeId: string | null;
  binsServed: number;
  binsPlanned: number;
  openAlerts: number;
}
