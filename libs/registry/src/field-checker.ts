/** Small checks that write one problem line each, naming the entry and the field. */
type Entry = Record<string, unknown>;

export class FieldChecker {
  constructor(private readonly problems: string[]) {}

  /** `trucks[3] (T004)`: the list, the position and, when it has one, the id. */
  at(list: string, index: number, entry: Entry): string {
    return typeof entry.id === 'string' ? `${list}[${index}] (${entry.id})` : `${list}[${index}]`;
  }

  list(root: Entry, name: string): Entry[] {
    const value = root[name];
    if (!Array.isArray(value)) {
      this.problems.push(`registry.${name} is ${value === undefined ? 'missing' : 'not an array'}`);
      return [];
    }
    return value.filter((entry, i) => {
      const ok = typeof entry === 'object' && entry !== null && !Array.isArray(entry);
      if (!ok) this.problems.push(`${name}[${i}] is not an object`);
      return ok;
    }) as Entry[];
  }

  uniqueIds(list: string, entries: Entry[]): Set<string> {
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      const at = `${list}[${i}]`;
      if (!this.text(entry, 'id', at)) return;
      if (seen.has(entry.id as string)) this.problems.push(`${at}.id "${entry.id}" is a duplicate`);
      seen.add(entry.id as string);
    });
    return seen;
  }

  text(entry: Entry, field: string, at: string): boolean {
    const value = entry[field];
    if (typeof value === 'string' && value.trim() !== '') return true;
    this.problems.push(
      `${at}.${field} is ${value === undefined ? 'missing' : 'not a non-empty string'}`,
    );
    return false;
  }

  number(entry: Entry, field: string, at: string, min: number, max: number): boolean {
    const value = entry[field];
    if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) {
      return true;
    }
    const problem =
      value === undefined ? 'missing' : `${JSON.stringify(value)}, not ${min}..${max}`;
    this.problems.push(`${at}.${field} is ${problem}`);
    return false;
  }

  oneOf(entry: Entry, field: string, allowed: readonly string[], at: string): void {
    const value = entry[field];
    if (typeof value === 'string' && allowed.includes(value)) return;
    const problem = value === undefined ? 'missing' : `${JSON.stringify(value)}`;
    this.problems.push(`${at}.${field} is ${problem}, not one of ${allowed.join(', ')}`);
  }

  latLon(entry: Entry, at: string): void {
    this.number(entry, 'lat', at, -90, 90);
    this.number(entry, 'lon', at, -180, 180);
  }

  ref(entry: Entry, field: string, ids: Set<string>, what: string, at: string, optional = false) {
    const value = entry[field];
    if (value === undefined && optional) return;
    if (typeof value !== 'string') {
      this.problems.push(`${at}.${field} is ${value === undefined ? 'missing' : 'not a string'}`);
      return;
    }
    if (!ids.has(value)) this.problems.push(`${at}.${field} "${value}" is not a ${what}`);
  }

  refList(entry: Entry, field: string, ids: Set<string>, what: string, at: string): void {
    const value = entry[field];
    if (!Array.isArray(value)) {
      this.problems.push(`${at}.${field} is ${value === undefined ? 'missing' : 'not an array'}`);
      return;
    }
    value.forEach((id, i) => {
      if (typeof id !== 'string' || !ids.has(id)) {
        this.problems.push(`${at}.${field}[${i}] ${JSON.stringify(id)} is not a ${what}`);
      }
    });
  }

  path(entry: Entry, at: string): void {
    const path = entry.path;
    if (path === undefined) return;
    const valid =
      Array.isArray(path) &&
      path.length >= 2 &&
      path.every(
        (point) =>
          Array.isArray(point) &&
          point.length === 2 &&
          typeof point[0] === 'number' &&
          Math.abs(point[0]) <= 90 &&
          typeof point[1] === 'number' &&
          Math.abs(point[1]) <= 180,
      );
    if (!valid) this.problems.push(`${at}.path is not a list of at least two [lat, lon] pairs`);
  }
}
