/** The support card and list: services, with the places and organisations they name (made in `schema/services.ts`). */
export { SERVICE_PARTS } from './schema/services.js';
