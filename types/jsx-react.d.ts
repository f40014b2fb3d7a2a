/** React 19 keeps JSX in the 'react' module: import type {} from 'imh-widgets/jsx-react'; */
import type { ImhIntrinsicElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges into JSX's own interface
    interface IntrinsicElements extends ImhIntrinsicElements {}
  }
}
