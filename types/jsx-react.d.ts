/** React 19 keeps JSX in the 'react' module: import type {} from 'imh-widgets/jsx-react'; */
import type { ImhIntrinsicElements } from './jsx.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-interface
    interface IntrinsicElements extends ImhIntrinsicElements {}
  }
}
