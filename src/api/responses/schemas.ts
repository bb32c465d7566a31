import type { components } from '../../../generated/types';

/** The generated component schemas, the JSON shapes the wrappers read. */
export type Schemas = components['schemas'];

/** A LINSTOR property map (key -> value). */
export type Properties = Record<string, string>;
