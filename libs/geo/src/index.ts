export * from './datum';
export * from './distance';
export * from './polyline';
export * from './geofence';
export * from './speed';
