export * from './platform-runtime';
export * from './rules-runtime';
export * from './weighing-matcher';
export * from './rules-config-file';
