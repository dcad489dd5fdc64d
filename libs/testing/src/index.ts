export * from './free-port';
export * from './server-process';
export * from './influxd';
export * from './victoria-metrics';
export * from './mosquitto';
export * from './platform-process';
export * from './app-process';
