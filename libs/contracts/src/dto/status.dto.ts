import { IsDeviceTime, IsOptionalNumber, IsOptionalText, IsRequiredBoolean } from './decorators';

/** A device's retained status and Last Will (contract §2). */
export class StatusDto {
  @IsRequiredBoolean('online') online!: boolean;
  @IsDeviceTime() ts!: string | number;
  @IsOptionalText('fw', 64) fw?: string;
  @IsOptionalNumber('batteryPct', 0, 100) batteryPct?: number;
}
