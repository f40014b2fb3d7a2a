// Deterministic feeds of N session series for the benchmark: weekly, fortnightly, monthly and
// one-off sessions across 40 places, with exceptions, cancellations and translations.
export function makeFeed(n) {
  const places = Array.from({ length: 40 }, (_, i) => ({
    id: `place-${i}`,
    name: `Family Hub ${i}`,
    address: { street: `${i + 1} High Street`, locality: 'Wolverhampton', postcode: `WV${(i % 14) + 1} 1AA` },
    facilities: ['step-free', 'baby-changing', 'buggy-parking'].slice(0, (i % 3) + 1),
  }));
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  const names = [
    'Stay and Play',
    'Baby Booktime',
    'Baby Massage',
    'Mindful Mums',
    'Bumps and Babies',
    'Baby Play and Talk',
  ];
  const sessions = Array.from({ length: n }, (_, i) => {
    const kind = i % 10;
    const hour = 9 + (i % 8);
    const schedule =
      kind < 6
        ? { repeatFrequency: 'P1W', byDay: [days[i % 6]] }
        : kind < 8
          ? { repeatFrequency: 'P2W', byDay: [days[(i + 2) % 6]] }
          : kind < 9
            ? { repeatFrequency: 'P1M', byDay: [`${(i % 4) + 1}${days[i % 5]}`] }
            : {};
    return {
      id: `session-${i}`,
      name: i % 7 == 0 ? { en: names[i % 6], cy: `${names[i % 6]} (cy)` } : names[i % 6],
      description: 'A friendly group for parents and babies, with songs, play and time to talk.',
      category: names[i % 6].toLowerCase().replace(/ /g, '-'),
      audience: ['parents', 'carers'],
      ageRange: { fromMonths: 0, toMonths: 24 },
      place: `place-${i % 40}`,
      schedule: {
        ...schedule,
        startDate: kind == 9 ? `2026-12-${String((i % 28) + 1).padStart(2, '0')}` : '2026-09-07',
        startTime: `${String(hour).padStart(2, '0')}:00`,
        endTime: `${String(hour + 1).padStart(2, '0')}:30`,
        exceptDate: ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25'],
      },
      occurrences: i % 5 == 0 ? [{ date: '2026-11-30', status: 'cancelled', note: 'Staff training' }] : undefined,
      cost: { free: true },
      booking: { required: i % 2 == 0, email: 'hub@example.org' },
    };
  });
  return { version: 1, timeZone: 'Europe/London', language: 'en-GB', places, sessions };
}
