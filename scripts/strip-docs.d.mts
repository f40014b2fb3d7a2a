import type { Plugin } from 'vite';
/** Whitespace and comments out of plain CSS. */
export declare const minifyCss: (css: string) => string;
/** The source without translators' notes, schema descriptions and CSS whitespace; undefined when unchanged. */
export declare function stripSource(code: string, fileName?: string): string | undefined;
export declare const stripDocs: () => Plugin;
