export * from './telemetry-store';
export * from './local-period';
export * from './tonnage';
export * from './sqlite/sqlite-telemetry-store';
export * from './influx/influx-telemetry-store';
export * from './influx/config';
