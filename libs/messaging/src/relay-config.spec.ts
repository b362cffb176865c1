import { relayConfigFrom, RelayConfigError } from './relay-config';

describe('relay configuration', () => {
  it('no KAFKA_BROKERS, no relay', () => {
    expect(relayConfigFrom({})).toBeUndefined();
    expect(relayConfigFrom({ KAFKA_BROKERS: ' , ' })).toBeUndefined();
  });

  it('reads the brokers and defaults the rest', () => {
    expect(relayConfigFrom({ KAFKA_BROKERS: '127.0.0.1:9092, 10.0.0.2:9092' })).toEqual({
      brokers: ['127.0.0.1:9092', '10.0.0.2:9092'],
      topic: 'pass-numerique.payer-events.v1',
      clientId: 'pass-numerique-relay',
      batchSize: 1000,
      partitions: 6,
      source: '/pass-numerique/event-store',
      inProcess: true,
    });
  });

  it('can leave the relay to its own process', () => {
    expect(relayConfigFrom({ KAFKA_BROKERS: '127.0.0.1:9092', RELAY_IN_PROCESS: 'false' })?.inProcess).toBe(
      false,
    );
  });

  it('refuses what it cannot use', () => {
    expect(() => relayConfigFrom({ KAFKA_BROKERS: 'kafka' })).toThrow(RelayConfigError);
    expect(() => relayConfigFrom({ KAFKA_BROKERS: '127.0.0.1:9092', RELAY_BATCH_SIZE: '0' })).toThrow(
      RelayConfigError,
    );
  });
});
