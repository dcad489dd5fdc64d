import { Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import type { TruckState } from '@sanitation/contracts';
import { AcceptsQueryToken, Operation, Requires } from '../auth/decorators';
import { ApiController, Authenticated } from '../http/api-controller.decorator';
import { FLEET_PORT, FleetPort } from '../ports';
import { FleetStreams } from '../services/fleet-stream';

@ApiController('api/fleet', 'fleet')
@Authenticated()
export class FleetController {
  constructor(
    @Inject(FLEET_PORT) private readonly fleet: FleetPort,
    private readonly streams: FleetStreams,
  ) {}

  @Get()
  @Requires('fleet:read')
  @Operation('List fleet state', 'Every truck: status, last fix, route, bins, open alerts.')
  @ApiOkResponse({ description: 'One state per truck' })
  list(): TruckState[] {
    return this.fleet.fleet();
  }

  @Get('stream')
  @Requires('fleet:read')
  @AcceptsQueryToken()
  @Operation('Stream fleet state',
    'Server-sent events: every truck state first, then each change; heartbeats every 15 s.')
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'access_token', required: false, description: 'Token, for EventSource' })
  @ApiOkResponse({ description: 'An event stream; each data line is one truck state (JSON)' })
  stream(@Res() response: Response): void {
    this.streams.serve(response);
  }
}
