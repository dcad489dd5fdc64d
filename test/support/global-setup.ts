/**
 * Integration tests run real servers from locally installed binaries (no Docker here).
 * Fail at once, naming the fix, when one is missing.
 */
import { existsSync } from 'node:fs';

const NEEDED = [
  ['/usr/sbin/mosquitto', 'mosquitto'],
  ['/usr/bin/mosquitto_pub', 'mosquitto-clients'],
  ['/usr/bin/influxd', 'influxdb'],
  ['/usr/bin/victoria-metrics', 'victoria-metrics'],
];

export default function globalSetup(): void {
  const missing = NEEDED.filter(([bin]) => !existsSync(bin)).map(([, pkg]) => pkg);
  if (missing.length > 0) {
    throw new Error(
      `integration tests need Debian packages ${missing.join(', ')}: run \`npm run setup:test\` ` +
        '(apt-get install as root)',
    );
  }
}
