export * from './parse/message-parser';
export * from './parse/dead-letter';
export * from './batch-writer';
export * from './telemetry-events';
export * from './ingest.service';
export * from './telemetry.controller';
