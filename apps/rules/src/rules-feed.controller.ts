/** Device topics into the rules, through the acknowledge-after-handler transport. */
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { TOPIC_ROOT } from '@sanitation/contracts';
import { MqttInboundContext } from '@sanitation/transport';
import { RULES_FEED, RulesFeed } from './rules-feed';

@Controller()
export class RulesFeedController {
  constructor(@Inject(RULES_FEED) private readonly feed: RulesFeed) {}

  @EventPattern<string>(`${TOPIC_ROOT}/gps/#`, { qos: 1 })
  gps(@Ctx() ctx: MqttInboundContext): Promise<void> {
    return this.feed.handle(ctx.message);
  }

  @EventPattern<string>(`${TOPIC_ROOT}/rfid/#`, { qos: 1 })
  rfid(@Ctx() ctx: MqttInboundContext): Promise<void> {
    return this.feed.handle(ctx.message);
  }

  @EventPattern<string>(`${TOPIC_ROOT}/weighbridge/#`, { qos: 1 })
  weighbridge(@Ctx() ctx: MqttInboundContext): Promise<void> {
    return this.feed.handle(ctx.message);
  }
}
