/** A placeholder in lit-localize's message contents: the source's `${…}` text, and its index. */
export interface Placeholder {
  untranslatable: string;
  index: number;
}
export type Contents = Array<string | Placeholder>;
/** A translation as the runtime reads it: text, or text and the positions of the source's values. */
export type Compiled = string | Array<string | number>;
/** The parts a locale's messages are split into. */
export declare const PARTS: string[];
/** The part a message belongs to, from the file its msg() call is in (relative to the project). */
export declare function partOf(file: string): string;
/** A translation in the runtime's shape, its placeholders as positions among the source's values. */
export declare function compileMessage(contents: Contents, canon: Contents): Compiled;
/** Data as a JavaScript literal (JSON, identifier keys unquoted). */
export declare function jsLiteral(data: unknown): string;
/** A data module that imports nothing and exports `data`. */
export declare const dataModule: (data: unknown) => string;
/** The module with the one import() of a locale file. */
export declare const loaderModule: () => string;
/** Writes every locale file into `out` (src/generated/ by default). */
export declare function generate(options?: { configFile?: string; out?: string }): {
  messages: number;
  locales: string[];
};
