// The typed reply wrappers (python-linstor's `responses` module). One line per module; helpers that
// add a family add their line here.

export * from './backup';
export * from './clone';
export * from './controller';
export * from './controller-version';
export * from './error-report';
export * from './external-file';
export * from './key-value-store';
export * from './list-result';
export * from './node';
export * from './node-connection';
export * from './physical-storage';
export * from './remote';
export * from './reports';
export * from './resource';
export * from './resource-connection';
export * from './resource-definition';
export * from './resource-group';
export * from './rest-response';
export * from './schedule';
export type { Properties, Schemas } from './schemas';
export * from './snapshot';
export * from './storage-pool';
export * from './storage-pool-definition';
export * from './storage-pool-driver';
export * from './volume-definition';
export * from './volume-group';
