/**
 * UK phone numbers written the way people read them ("01902 551199", "0808 196 1776",
 * "116 123"), and the `tel:` address to dial them. Numbers that are not UK numbers are kept as
 * the feed wrote them. No DOM.
 */

/** Area codes with a 3+4 local number (0113 xxx xxxx, 0121 xxx xxxx …). */
const BIG_CITY = /^01(1\d|[2-9]1)/;

export function formatPhone(input: string): { display: string; tel: string } {
  const digits = input.replace(/[^\d+]/g, '');
  // The number with +44 or 0044 written as 0: it starts with + only for a number outside the UK.
  const national = digits.replace(/^(\+|00)44/, '0');
  const international = national.startsWith('+');
  const asDialled = !national.startsWith('0') || national.length < 10;
  const tel = `tel:${asDialled ? digits : `+44${national.slice(1)}`}`;
  if (international) return { display: input.trim(), tel };
  const n = national.length;
  const group = (...sizes: number[]) => {
    const parts: string[] = [];
    let i = 0;
    for (const s of sizes) parts.push(national.slice(i, (i += s)));
    return parts.join(' ');
  };
  let display: string;
  if (n == 6 && national.startsWith('116'))
    display = group(3, 3); // helplines of social value: 116 123
  else if (n == 11 && national.startsWith('02'))
    display = group(3, 4, 4); // 020 7946 0000
  else if (n == 11 && (BIG_CITY.test(national) || /^0[389]/.test(national)))
    display = group(4, 3, 4); // 0121 496 0000, 0800 123 4567
  else if (n == 11 && national.startsWith('0'))
    display = group(5, 6); // 01902 551199, 07700 900123
  else if (n == 10 && national.startsWith('0'))
    display = group(5, 5); // 01632 96000 (some small areas)
  else display = input.trim();
  return { display, tel };
}
