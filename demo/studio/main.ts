// The feed studio page: the elements (for the previews) and the studio itself, registered here
// (the element's module has no side effects, so a build keeps it only because it is used here).
import '../../src/define.js';
import { ImhFeedStudio } from './feed-studio.js';

if (!customElements.get('imh-feed-studio')) customElements.define('imh-feed-studio', ImhFeedStudio);
