/**
 * Names for session categories in the "Type of session" filter: the feed's own (`feed.categories`,
 * translatable like any feed text), else a built-in name for a common category id, else the id in
 * words ("baby-yoga" → "Baby yoga"). Never a session's name: a category is a kind of session.
 *
 * Loaded with the filter controls only (a lazy chunk), so the English names cost a page without
 * filters nothing. Their translations are in each language's interface messages (the `ui` part), so
 * the first form in Welsh already names them in Welsh.
 */
import type { Feed } from '../../feed/types.js';
import { pickText } from '../../feed/text.js';
import type { Translator } from '../../internal/localize.js';

/** Built-in names by category id; several ids that councils use for one kind share its name. */
const builtIn = (t: Translator, id: string): string | undefined => {
  switch (id) {
    case 'stay-and-play':
      return t.msg('Stay and play', {
        id: 'category.stay-and-play',
        desc: 'A "Type of session" filter choice: play sessions for babies and toddlers with their parents',
      });
    case 'baby-massage':
      return t.msg('Baby massage', {
        id: 'category.baby-massage',
        desc: 'A "Type of session" filter choice',
      });
    case 'baby-booktime':
    case 'booktime':
    case 'rhyme-time':
    case 'rhymetime':
    case 'storytime':
      return t.msg('Stories and rhymes', {
        id: 'category.stories',
        desc: 'A "Type of session" filter choice: library sessions of books, songs and rhymes for babies',
      });
    case 'walk':
    case 'walks':
    case 'babywearing-walk':
    case 'buggy-walk':
      return t.msg('Walks', {
        id: 'category.walk',
        desc: 'A "Type of session" filter choice: walks for parents with babies in buggies or slings',
      });
    case 'wellbeing':
    case 'mindfulness':
    case 'mindful-mums':
      return t.msg('Wellbeing and mindfulness', {
        id: 'category.wellbeing',
        desc: 'A "Type of session" filter choice: sessions for the mental wellbeing of parents',
      });
    case 'workshop':
    case 'workshops':
      return t.msg('Workshops', {
        id: 'category.workshop',
        desc: 'A "Type of session" filter choice',
      });
    case 'course':
    case 'parenting-course':
      return t.msg('Parenting courses', {
        id: 'category.course',
        desc: 'A "Type of session" filter choice: courses of several weeks for parents',
      });
    case 'awareness':
    case 'awareness-week':
      return t.msg('Awareness weeks', {
        id: 'category.awareness',
        desc: 'A "Type of session" filter choice: events of a national awareness week',
      });
    case 'antenatal':
      return t.msg('Antenatal classes', {
        id: 'category.antenatal',
        desc: 'A "Type of session" filter choice: classes for parents-to-be',
      });
    case 'feeding':
    case 'breastfeeding':
    case 'infant-feeding':
      return t.msg('Feeding support', {
        id: 'category.feeding',
        desc: 'A "Type of session" filter choice: help with breastfeeding and bottle feeding',
      });
    case 'play-and-talk':
      return t.msg('Play and talk', {
        id: 'category.play-and-talk',
        desc: 'A "Type of session" filter choice: sessions on the early language of babies',
      });
    case 'baby-yoga':
      return t.msg('Baby yoga', {
        id: 'category.baby-yoga',
        desc: 'A "Type of session" filter choice',
      });
    case 'baby-sensory':
      return t.msg('Baby sensory play', {
        id: 'category.baby-sensory',
        desc: 'A "Type of session" filter choice: play with lights, sounds and textures',
      });
    case 'support-group':
    case 'peer-support':
      return t.msg('Support groups', {
        id: 'category.support-group',
        desc: 'A "Type of session" filter choice: parents meeting to support each other',
      });
    case 'dads':
    case 'dads-group':
      return t.msg("Dads' groups", {
        id: 'category.dads',
        desc: 'A "Type of session" filter choice: sessions for fathers',
      });
    case 'practitioner-workshop':
    case 'training':
      return t.msg('Training for practitioners', {
        id: 'category.training',
        desc: 'A "Type of session" filter choice: events for professionals, not parents',
      });
  }
  return undefined;
};

/** "baby-yoga" → "Baby yoga": the last resort for a category the feed does not name. */
const words = (id: string) => {
  const s = id.replace(/[-_]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/**
 * The name of a category id, best in the translator's language, and the language it is in: the
 * feed's own name may be in another (a council naming its categories in English only), and an id in
 * words is English.
 */
export function categoryName(feed: Feed, id: string, t: Translator): [text: string, lang: string] {
  const own = pickText(feed.categories?.find((c) => c.id == id)?.name, t.locale, feed.language);
  const name = builtIn(t, id);
  return own?.text ? [own.text, own.lang] : name ? [name, t.locale] : [words(id), 'en'];
}
