/** The rules process's Nest module: the full HTTP API, and the MQTT controller feeding rules. */
import { DynamicModule, Module } from '@nestjs/common';
import { ApiModule } from '@sanitation/api';
import { apiProviders, brokerProbe } from '@sanitation/runtime';
import { RULES_FEED } from './rules-feed';
import { RulesFeedController } from './rules-feed.controller';
import type { RulesProcess } from './rules-process';

@Module({})
export class RulesHttpModule {
  static forRoot(parts: RulesProcess): DynamicModule {
    const broker = `external ${parts.deployment.mqttUrl} as ${parts.deployment.instanceId}`;

    return {
      module: RulesHttpModule,
      imports: [
        ApiModule.forRoot({
          providers: apiProviders({
            config: parts.config,
            store: parts.store,
            registry: parts.registry,
            metrics: parts.metrics,
            rules: parts.rules,
            probes: [brokerProbe(parts.source, broker)],
          }),
        }),
      ],
      controllers: [RulesFeedController],
      providers: [{ provide: RULES_FEED, useValue: parts.feed }],
    };
  }
}
