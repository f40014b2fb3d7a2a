/** Audiences that include every parent or carer. */
const EVERYONE = ['parents', 'families'];

/**
 * Does something for `audiences` suit one of `wanted`? Something that does not say whom it is for,
 * or is for all parents or families, suits everyone.
 */
export const suits = (audiences: readonly string[] | undefined, wanted: readonly string[]): boolean =>
  !audiences?.length || audiences.some((a) => wanted.includes(a) || EVERYONE.includes(a));
