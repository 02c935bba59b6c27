/**
 * Optional values and cdktf's generated configs under `exactOptionalPropertyTypes`: a property
 * that is `undefined` must be left out, not set to `undefined`.
 */

/** `T` with every property that may be undefined made optional instead (and never undefined). */
export type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** A copy of `o` without its undefined properties. */
export function compact<T extends object>(o: T): Compact<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Compact<T>;
}
