/**
 * `npm start`: broker, ingest, rules, API and web console in one process (contract §7).
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
  loadRulesConfig,
  PlatformRuntime,
  reloadRegistryOnHangup,
  RulesRuntime,
  runMain,
  serveConsole,
} from '@sanitation/runtime';
import { AckingMqttServer } from '@sanitation/transport';
import { PlatformModule } from './platform.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const runtime = new PlatformRuntime(config, logger);
  await runtime.start();
  const rules = new RulesRuntime({
    dataDir: config.dataDir,
    registry: runtime.registry,
    bus: runtime.bus,
    source: runtime.source,
    store: runtime.store,
    metrics: runtime.metrics,
    logger: logger.child({ component: 'rules' }),
    config: loadRulesConfig(config.rulesPath),
  });
  await rules.start();

  const app = await NestFactory.create<NestExpressApplication>(
    PlatformModule.forRoot(runtime, rules),
    { logger: new NestPinoLogger(logger.child({ component: 'nest' })), bodyParser: true },
  );
  serveConsole(app, config.registryPath);
  setupOpenApi(app);
  app.connectMicroservice({ strategy: new AckingMqttServer(runtime.source) });
  await app.startAllMicroservices();
  await listenHttp(app, config.httpPort, logger);

  reloadRegistryOnHangup(runtime.registry, logger);
  closeOnSignals(logger, async () => {
    await app.close();
    await runtime.close();
    rules.close();
  });
}

runMain(bootstrap);
