/**
 * Tables of the embedded store. Primary keys are the duplicate identities of contract
 * §2, so `INSERT OR IGNORE` both deduplicates and tells us what was new.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS fix (
  device_id TEXT NOT NULL, ts INTEGER NOT NULL, truck_id TEXT,
  lat REAL NOT NULL, lon REAL NOT NULL, speed_kmh REAL, heading_deg REAL, hdop REAL,
  sats INTEGER, ignition INTEGER, seq INTEGER, received_at INTEGER NOT NULL,
  PRIMARY KEY (device_id, ts)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS fix_by_truck ON fix (truck_id, ts);

CREATE TABLE IF NOT EXISTS bin_read (
  device_id TEXT NOT NULL, tag TEXT NOT NULL, ts INTEGER NOT NULL, truck_id TEXT,
  bin_id TEXT, rssi REAL, antenna INTEGER, received_at INTEGER NOT NULL,
  PRIMARY KEY (device_id, tag, ts)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS bin_read_by_truck ON bin_read (truck_id, ts);
CREATE INDEX IF NOT EXISTS bin_read_by_ts ON bin_read (ts);

CREATE TABLE IF NOT EXISTS weighing (
  device_id TEXT NOT NULL, ticket INTEGER NOT NULL, weighbridge_id TEXT NOT NULL,
  facility_id TEXT NOT NULL, ts INTEGER NOT NULL, plate TEXT NOT NULL,
  plate_normalized TEXT NOT NULL, truck_id TEXT, gross_kg REAL NOT NULL, tare_kg REAL,
  tare_source TEXT, net_kg REAL, stream TEXT, route_id TEXT, district TEXT,
  flags TEXT NOT NULL, matched_by TEXT, received_at INTEGER NOT NULL,
  PRIMARY KEY (device_id, ticket)
);
CREATE INDEX IF NOT EXISTS weighing_by_ts ON weighing (ts);
CREATE INDEX IF NOT EXISTS weighing_by_truck ON weighing (truck_id, ts);
CREATE UNIQUE INDEX IF NOT EXISTS weighing_by_bridge ON weighing (weighbridge_id, ticket);

CREATE TABLE IF NOT EXISTS device_status (
  device_id TEXT NOT NULL, ts INTEGER NOT NULL, kind TEXT NOT NULL, online INTEGER NOT NULL,
  fw TEXT, battery_pct REAL, received_at INTEGER NOT NULL,
  PRIMARY KEY (device_id, ts)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS dead_letter (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
  received_at INTEGER NOT NULL, topic TEXT NOT NULL, device_id TEXT, idx INTEGER,
  reason TEXT NOT NULL, message TEXT NOT NULL, payload TEXT, payload_base64 TEXT
);
CREATE INDEX IF NOT EXISTS dead_letter_by_time ON dead_letter (received_at);
CREATE INDEX IF NOT EXISTS dead_letter_by_reason ON dead_letter (reason, received_at);
`;
