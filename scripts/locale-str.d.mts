import type { Plugin } from 'vite';
export declare const localeStr: () => Plugin;
