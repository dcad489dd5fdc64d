/**
 * The rules process (contract §7, parts as separate processes): every device message from
 * an external broker judged by the rules engine, alerts and fleet states published there,
 * and the full HTTP API over the store the ingest processes write. Run one per city.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupOpenApi } from '@sanitation/api';
import { loadConfig } from '@sanitation/config';
import { createLogger, NestPinoLogger } from '@sanitation/observability';
import {
  closeOnSignals,
  listenHttp,
  loadProcessConfig,
  reloadRegistryOnHangup,
  runMain,
  serveConsole,
} from '@sanitation/runtime';
import { AckingMqttServer } from '@sanitation/transport';
import { RulesHttpModule } from './rules-http.module';
import { RulesProcess } from './rules-process';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const deployment = loadProcessConfig('rules', config);
  const logger = createLogger(config.logLevel, 'sanitation-rules').child({
    instance: deployment.instanceId,
  });
  const parts = new RulesProcess(config, deployment, logger);
  await parts.start();

  const app = await NestFactory.create<NestExpressApplication>(RulesHttpModule.forRoot(parts), {
    logger: new NestPinoLogger(logger.child({ component: 'nest' })),
    bodyParser: true,
  });
  serveConsole(app, config.registryPath);
  setupOpenApi(app);
  app.connectMicroservice({ strategy: new AckingMqttServer(parts.source) });
  await app.startAllMicroservices();
  logger.info({ url: deployment.mqttUrl }, `judging every device message on ${deployment.mqttUrl}`);
  await listenHttp(app, config.httpPort, logger);

  reloadRegistryOnHangup(parts.registry, logger);
  closeOnSignals(logger, async () => {
    await app.close();
    await parts.close();
  });
}

runMain(bootstrap);
