export * from './identity';
export * from './topic-acl';
export * from './refusals';
export * from './credentials';
export * from './embedded-broker';
export * from './inbound-handler';
export * from './packet-size-cap';
