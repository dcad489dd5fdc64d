import { IsDeviceTime, IsOptionalInteger, IsOptionalNumber, IsTag } from './decorators';

/** One bin tag seen by a lifter's reader (contract §2). RSSI in dBm. */
export class ReadDto {
  @IsDeviceTime() ts!: string | number;
  @IsTag() tag!: string;
  @IsOptionalNumber('rssi', -200, 50) rssi?: number;
  @IsOptionalInteger('antenna', 0, 64) antenna?: number;
}
