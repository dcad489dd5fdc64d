/**
 * The ingest process (contract §7, parts as separate processes): its share of the device
 * topics from an external broker, written to the store, acknowledged after the write.
 * Run several; each needs its own INSTANCE_ID. See docker-compose.yml.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@sanitation/config';
import { createLogger, NestPinoLogger } from '@sanitation/observability';
import {
  closeOnSignals,
  listenHttp,
  loadProcessConfig,
  reloadRegistryOnHangup,
  runMain,
} from '@sanitation/runtime';
import { AckingMqttServer } from '@sanitation/transport';
import { IngestHttpModule } from './ingest-http.module';
import { IngestProcess } from './ingest-process';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const deployment = loadProcessConfig('ingest', config);
  const logger = createLogger(config.logLevel, 'sanitation-ingest').child({
    instance: deployment.instanceId,
  });
  const parts = new IngestProcess(config, deployment, logger);
  await parts.start();

  const app = await NestFactory.create(IngestHttpModule.forRoot(parts), {
    logger: new NestPinoLogger(logger.child({ component: 'nest' })),
    bodyParser: false,
  });
  app.connectMicroservice({ strategy: new AckingMqttServer(parts.source) });
  await app.startAllMicroservices();
  logger.info(
    { url: deployment.mqttUrl, connections: deployment.connections, store: config.store },
    `ingesting from ${deployment.mqttUrl} as ${deployment.instanceId}`,
  );
  await listenHttp(app, config.httpPort, logger);

  reloadRegistryOnHangup(parts.registry, logger);
  closeOnSignals(logger, async () => {
    await app.close();
    await parts.close();
  });
}

runMain(bootstrap);
