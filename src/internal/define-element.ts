/**
 * Registers `tag` unless it is already defined: a CMS page may load the script twice, or load
 * both the script-tag bundle and the autoloader. Never throws.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry || registry.get(tag)) return;
  try {
    registry.define(tag, ctor);
  } catch {
    // Another copy won a race to define the tag, or this constructor is registered under
    // another name: either way the page keeps working with the first definition.
  }
}
