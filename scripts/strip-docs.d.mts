import type { Plugin } from 'vite';
/** Whitespace and comments out of plain CSS. */
export declare const minifyCss: (css: string) => string;
/** The indentation out of an html`` template's text: each run of whitespace holding a line break, one space. */
export declare const collapseLines: (text: string) => string;
/**
 * The source without translators' notes, schema descriptions, CSS whitespace and template indentation;
 * undefined when unchanged.
 */
export declare function stripSource(code: string, fileName?: string): string | undefined;
export declare const stripDocs: () => Plugin;
