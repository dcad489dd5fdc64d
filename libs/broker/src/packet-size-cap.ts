/**
 * A ceiling on the size of any MQTT packet, checked as soon as its fixed header declares
 * its length (MQTT 3.1.1 §2.2.3) and before its body is buffered. MQTT allows 256 MiB;
 * aedes would buffer all of it before authorizePublish could refuse it.
 *
 * This reaches into the client's mqtt-packet parser (aedes 1.x exposes no option for it):
 * its `_parseLength` step is wrapped, and an oversized packet ends the connection.
 */
import type { Client } from 'aedes';

interface PacketParser {
  packet: { length: number };
  _parseLength(): boolean;
  _emitError(error: Error): void;
}

export function capPacketSize(
  client: Client,
  maxBytes: number,
  onOversize: (declaredBytes: number) => void,
): void {
  const parser = (client as unknown as { _parser?: PacketParser })._parser;
  if (!parser || typeof parser._parseLength !== 'function') return;

  const parseLength = parser._parseLength.bind(parser);
  parser._parseLength = () => {
    const complete = parseLength();
    if (complete && parser.packet.length > maxBytes) {
      onOversize(parser.packet.length);
      parser._emitError(new Error(`packet of ${parser.packet.length} bytes exceeds ${maxBytes}`));
      return false;
    }
    return complete;
  };
}
