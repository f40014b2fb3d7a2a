/**
 * The script-tag entry: `<script type="module" src=".../imh-widgets.js"></script>` registers
 * every element. Loading it twice is harmless.
 */
import './localization.js';
