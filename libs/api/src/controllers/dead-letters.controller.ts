import { Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { TELEMETRY_STORE, TelemetryStore } from '@sanitation/store';
import { Operation, Requires } from '../auth/decorators';
import { ApiController, Authenticated } from '../http/api-controller.decorator';
import { DeadLetterView, toDeadLetterView } from '../presenters/dead-letter.presenter';
import { DeadLettersQuery } from '../queries/queries';
import { page, range } from '../queries/range.query';

@ApiController('api/deadletters', 'dead letters')
@Authenticated()
export class DeadLettersController {
  constructor(@Inject(TELEMETRY_STORE) private readonly store: TelemetryStore) {}

  @Get()
  @Requires('deadletters:read')
  @Operation('List dead letters', 'Rejected messages, newest first; from/to on receivedAt.')
  @ApiOkResponse({ description: 'Dead letters (contract §2 shape)' })
  async list(@Query() query: DeadLettersQuery): Promise<DeadLetterView[]> {
    const filter = { reason: query.reason, deviceId: query.deviceId, ...range(query) };
    const letters = await this.store.deadLetters(filter, page(query));
    return letters.map(toDeadLetterView);
  }
}
