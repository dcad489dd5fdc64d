import {
  IsDeviceTime,
  IsLatitude,
  IsLongitude,
  IsOptionalBoolean,
  IsOptionalInteger,
  IsOptionalNumber,
} from './decorators';

/** A GPS fix (contract §2). Speeds in km/h, heading in degrees. */
export class FixDto {
  @IsDeviceTime() ts!: string | number;
  @IsLatitude() lat!: number;
  @IsLongitude() lon!: number;
  @IsOptionalNumber('speedKmh', 0, 400) speedKmh?: number;
  @IsOptionalNumber('headingDeg', 0, 360) headingDeg?: number;
  @IsOptionalNumber('hdop', 0, 100) hdop?: number;
  @IsOptionalInteger('sats', 0, 255) sats?: number;
  @IsOptionalBoolean('ignition') ignition?: boolean;
  @IsOptionalInteger('seq', 0, Number.MAX_SAFE_INTEGER) seq?: number;
}
