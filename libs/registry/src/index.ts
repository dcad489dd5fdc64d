export * from './secret-hash';
export * from './registry';
export * from './load-registry';
export * from './registry.service';
