import { Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { Operation, Requires } from '../auth/decorators';
import { ApiController, Authenticated } from '../http/api-controller.decorator';
import { toFixView, toTrackFeature } from '../presenters/track.presenter';
import { TrackQuery } from '../queries/queries';
import { TrackService } from '../services/track.service';

const GEOJSON = 'application/geo+json';

@ApiController('api/trucks', 'fleet')
@Authenticated()
export class TrackController {
  constructor(private readonly tracks: TrackService) {}

  @Get(':id/track')
  @Requires('track:read')
  @Operation('Read a truck track',
    'Fixes in time order; with Accept: application/geo+json a GeoJSON Feature ([lon, lat]).')
  @ApiProduces('application/json', GEOJSON)
  @ApiOkResponse({ description: 'Fixes, or a Feature with a LineString and times' })
  @ApiNotFoundResponse({ description: 'No such truck in the registry' })
  async track(
    @Param('id') truckId: string,
    @Query() query: TrackQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const fixes = await this.tracks.fixes(truckId, query);

    response.setHeader('Vary', 'Accept');
    if (!accept?.includes(GEOJSON)) return fixes.map(toFixView);

    response.setHeader('Content-Type', `${GEOJSON}; charset=utf-8`);
    return toTrackFeature(truckId, fixes);
  }
}
