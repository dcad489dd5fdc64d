import { Body, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Alert } from '@sanitation/contracts';
import { Actor, Operation, Requires } from '../auth/decorators';
import { ApiController, Authenticated } from '../http/api-controller.decorator';
import { ALERTS_PORT, AlertsPort } from '../ports';
import { ClearAlertBody } from '../queries/bodies';
import { AlertsQuery } from '../queries/queries';
import { page, range } from '../queries/range.query';

@ApiController('api/alerts', 'alerts')
@Authenticated()
export class AlertsController {
  constructor(@Inject(ALERTS_PORT) private readonly alerts: AlertsPort) {}

  @Get()
  @Requires('alerts:read')
  @Operation('List alerts', 'Newest first by openedAt; from/to filter on openedAt.')
  @ApiOkResponse({ description: 'Alerts (contract §4 shape)' })
  list(@Query() query: AlertsQuery): Alert[] {
    const { category, type, state, truckId } = query;
    return this.alerts.list({ category, type, state, truckId, ...range(query) }, page(query));
  }

  @Post(':id/ack')
  @HttpCode(200)
  @Requires('alerts:resolve')
  @Operation('Acknowledge an alert')
  @ApiOkResponse({ description: 'The alert after the change' })
  @ApiNotFoundResponse({ description: 'No such alert' })
  acknowledge(@Param('id') id: string, @Actor() by: string): Alert {
    return found(id, this.alerts.acknowledge(id, by));
  }

  @Post(':id/clear')
  @HttpCode(200)
  @Requires('alerts:resolve')
  @Operation('Clear an alert')
  @ApiOkResponse({ description: 'The alert after the change' })
  @ApiNotFoundResponse({ description: 'No such alert' })
  clear(@Param('id') id: string, @Body() body: ClearAlertBody, @Actor() by: string): Alert {
    return found(id, this.alerts.clear(id, by, body.note ?? null));
  }
}

function found(id: string, alert: Alert | null): Alert {
  if (!alert) throw new NotFoundException(`Alert ${id} does not exist`);
  return alert;
}
