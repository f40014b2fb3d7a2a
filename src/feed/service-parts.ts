import { feedParts } from './parts.js';
import { organisationsField, placesField } from './schema/places.js';
import { servicesField } from './schema/services.js';
import { sourcesField } from './schema/sources.js';

/** The support card and list: services, with the places and organisations they name. */
export const SERVICE_PARTS = feedParts('services', {
  places: placesField,
  organisations: organisationsField,
  services: servicesField,
  sources: sourcesField,
});
