export * from './payer-events';
export * from './funding-directory';
export * from './to-payer-messages';
export * from './backoff';
export * from './relay-checkpoint';
export * from './kafka-relay';
export * from './relay-config';
export * from './kafka-requests';
