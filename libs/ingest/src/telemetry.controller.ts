/** Device topics into ingest, through the acknowledge-after-write transport. */
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { TOPIC_ROOT } from '@sanitation/contracts';
import { MqttInboundContext } from '@sanitation/transport';
import { IngestService } from './ingest.service';

export const INGEST_SERVICE = Symbol('IngestService');

@Controller()
export class TelemetryController {
  constructor(@Inject(INGEST_SERVICE) private readonly ingest: IngestService) {}

  @EventPattern<string>(`${TOPIC_ROOT}/gps/#`, { qos: 1 })
  gps(@Ctx() ctx: MqttInboundContext): Promise<void> {
    return this.ingest.handle(ctx.message);
  }

  @EventPattern<string>(`${TOPIC_ROOT}/rfid/#`, { qos: 1 })
  rfid(@Ctx() ctx: MqttInboundContext): Promise<void> {
    return this.ingest.handle(ctx.message);
  }

  @EventPattern<string>(`${TOPIC_ROOT}/weighbridge/#`, { qos: 1 })
  weighbridge(@Ctx() ctx: MqttInboundContext): Promise<void> {
    return this.ingest.handle(ctx.message);
  }
}
