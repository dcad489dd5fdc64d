export * from './inbound-message';
export * from './topic-match';
export * from './aedes-source';
export * from './external-broker-source';
export * from './acking-mqtt.server';
