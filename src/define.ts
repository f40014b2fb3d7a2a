/**
 * The script-tag entry: `<script type="module" src=".../imh-widgets.js"></script>` registers
 * every element. Loading it twice is harmless.
 */
import './localization.js';
import './components/session-list/session-list.js';
import './components/support-card/support-card.js';
import './components/support-list/support-list.js';
import './components/first-1001-days-timeline/first-1001-days-timeline.js';
