import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryService } from './registry.service';

const MINI = join(__dirname, '../../../seeds/mini/registry.json');

describe('RegistryService.reload', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-'));
    path = join(dir, 'registry.json');
    copyFileSync(MINI, path);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the old registry when the new file is invalid, and says why', () => {
    const service = new RegistryService(path);
    const before = service.current;
    writeFileSync(path, '{"city": "broken"');

    const result = service.reload();

    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('cannot read JSON') });
    expect(service.current).toBe(before);
  });

  it('swaps in a valid new file and tells its subscribers', () => {
    const service = new RegistryService(path);
    const seen: string[] = [];
    service.reloaded$.subscribe((registry) => seen.push(registry.city));

    const result = service.reload();

    expect(result.ok).toBe(true);
    expect(seen).toEqual([service.current.city]);
  });
});
