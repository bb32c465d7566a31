/** A property map as the SDK accepts it (python's `property_dict`). */
export type PropertyDict = Readonly<Record<string, string>>;

/**
 * python's property-edit body: `override_props` and `delete_props`, each only when given and non-empty
 * (python tests truthiness), so an empty edit sends `{}`.
 */
export function propsBody(
  propertyDict: PropertyDict | null | undefined,
  deleteProps: readonly string[] | null | undefined,
): { override_props?: Record<string, string>; delete_props?: string[] } {
  const body: { override_props?: Record<string, string>; delete_props?: string[] } = {};
  if (propertyDict && Object.keys(propertyDict).length > 0) body.override_props = { ...propertyDict };
  if (deleteProps && deleteProps.length > 0) body.delete_props = [...deleteProps];
  return body;
}

/** A list filter for a query string: python sends the key only for a non-empty list. */
export function queryList(values: readonly string[] | null | undefined): string[] | undefined {
  return values && values.length > 0 ? [...values] : undefined;
}
