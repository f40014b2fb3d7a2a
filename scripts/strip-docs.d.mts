import type { Plugin } from 'vite';
export declare const stripDocs: () => Plugin;
