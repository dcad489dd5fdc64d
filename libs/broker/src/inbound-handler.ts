/** A publish the broker allowed, handed on before it is acknowledged. */
export interface BrokerInbound {
  topic: string;
  payload: Buffer;
  qos: 0 | 1 | 2;
  retain: boolean;
  /** Wall time of arrival, epoch ms. */
  receivedAt: number;
}

/** Resolves once the message is safe; a rejection withholds the PUBACK and drops the client. */
export type InboundHandler = (message: BrokerInbound) => Promise<void>;
