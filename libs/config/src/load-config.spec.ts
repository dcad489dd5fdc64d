import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'config-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('has the defaults of contract §7', () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      mqttPort: 1883,
      mqttUrl: null,
      mqttAuth: true,
      httpPort: 3000,
      apiTokens: null,
      store: 'sqlite',
      retentionDays: 400,
      logLevel: 'info',
      dataDir: join(cwd, 'data'),
    });
  });

  it.each([
    ['MQTT_PORT', 'abc'],
    ['HTTP_PORT', '70000'],
    ['MQTT_AUTH', 'maybe'],
    ['STORE', 'postgres'],
    ['RETENTION_DAYS', '0'],
    ['LOG_LEVEL', 'verbose'],
    ['MQTT_URL', 'not a url'],
    ['API_TOKENS', 'abcdefgh:superuser'],
    ['API_TOKENS', 'short:admin'],
    ['RULES_PATH', '/no/such/file.json'],
  ])('stops on a bad %s, naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value }, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value }, cwd)).toThrow(new RegExp(`^${variable}: `));
  });

  it('needs INFLUX_URL with STORE=influxdb, and a 1.x or 2.x set of credentials', () => {
    expect(() => loadConfig({ STORE: 'influxdb' }, cwd)).toThrow(/^INFLUX_URL: is required/);
    expect(() => loadConfig({ STORE: 'influxdb', INFLUX_URL: 'http://x:8086' }, cwd)).toThrow(
      /INFLUX_DB/,
    );
    const v1 = loadConfig(
      { STORE: 'influxdb', INFLUX_URL: 'http://x:8086', INFLUX_DB: 'city' },
      cwd,
    );
    expect(v1.influx).toMatchObject({ url: 'http://x:8086', db: 'city' });
  });

  it('reads tokens and roles from API_TOKENS', () => {
    const config = loadConfig({ API_TOKENS: 'dispatch-1234:dispatcher, ops-12345:operator' }, cwd);
    expect([...(config.apiTokens ?? [])]).toEqual([
      ['dispatch-1234', 'dispatcher'],
      ['ops-12345', 'operator'],
    ]);
  });

  it('lets the environment win over a .env file', () => {
    writeFileSync(join(cwd, '.env'), 'HTTP_PORT=4000\nMQTT_PORT=2883\n');
    const config = loadConfig({ HTTP_PORT: '5000' }, cwd);
    expect(config).toMatchObject({ httpPort: 5000, mqttPort: 2883 });
  });
});
