export * from './record-buffer';
export * from './device-client';
