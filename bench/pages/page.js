// Builds a benchmark page from its query: ?entry=bundle|autoloader&elements=card,list,…&count=N
// (each element N times, all on the one feed) — run as a classic script before anything else, so
// the measured scripts load as on a real page.
(() => {
  const q = new URLSearchParams(location.search);
  const markup = {
    sessions: '<imh-session-list now="2026-11-23T08:00" limit="10"><a href="/">What’s on</a></imh-session-list>',
    card:
      '<imh-support-card service="health-visiting" now="2026-11-23T12:00">' +
      '<a href="/">Health visiting</a></imh-support-card>',
    list: '<imh-support-list now="2026-11-23T12:00"><a href="/">Support</a></imh-support-list>',
    timeline: '<imh-first-1001-days-timeline birth-date="2026-10-20" now="2026-11-23"></imh-first-1001-days-timeline>',
  };
  const ready = {
    sessions: (r) => r.querySelector('[part~=item]'),
    card: (r) => r.querySelector('[part~=card]'),
    list: (r) => r.querySelector('[part~=list]'),
    timeline: (r) => r.querySelector('[aria-current=step]'),
  };
  const count = Number(q.get('count') ?? 1);
  const wanted = (q.get('elements') ?? 'card').split(',').flatMap((name) => Array(count).fill(name));
  const main = document.querySelector('main');
  for (const name of wanted) {
    const section = document.createElement('section');
    section.innerHTML = `<h2>${name}</h2>${markup[name]}`;
    main.append(section);
  }
  // Text after the elements: if an element's content is taller than its placeholder, this moves,
  // and the Layout Instability API reports the shift.
  const footer = document.createElement('p');
  footer.textContent = 'Page footer: contact us, accessibility statement, cookies.';
  main.append(footer);

  const result = { longestTask: 0, cls: 0, movedAfterPlaceholder: 0 };
  // Where the page's blocks are once every element shows its placeholder (measured in the same
  // task, so with the placeholders laid out), to compare with where they end up: any difference
  // is the page moving after the placeholder, whether on screen or not.
  let placeholderShown = false;
  let before;
  const positions = () => [...main.children].map((c) => c.getBoundingClientRect().top + scrollY);
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => (result.longestTask = Math.max(result.longestTask, e.duration))),
  ).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      if (e.hadRecentInput) return;
      result.cls += e.value;
    }),
  ).observe({ type: 'layout-shift', buffered: true });

  const script = document.createElement('script');
  script.type = 'module';
  script.src = q.get('entry') == 'autoloader' ? '/dist/autoloader/imh-autoloader.js' : '/dist/imh-widgets.js';
  document.head.append(script);

  const els = [...main.querySelectorAll('section > :not(h2)')];
  const shown = () =>
    els.every((el) =>
      el.shadowRoot?.querySelector('.placeholder, [part~=card], [part~=item], [part~=list], [aria-current]'),
    );
  // Positions are taken when the browser has laid the page out for painting (a ResizeObserver's
  // callback comes after the frame's animation callbacks and layout), so a placeholder sized just
  // before its first paint counts at the size it is painted.
  new ResizeObserver(() => {
    if (!placeholderShown && shown()) {
      placeholderShown = true;
      before = positions();
    }
  }).observe(main);
  const check = () => {
    if (placeholderShown && els.every((el, i) => el?.shadowRoot && ready[wanted[i]](el.shadowRoot))) {
      result.content = performance.now();
      // Let the next frames settle so late shifts and tasks are counted.
      requestAnimationFrame(() =>
        setTimeout(() => {
          const resources = performance.getEntriesByType('resource').filter((r) => !r.name.includes('/bench/'));
          result.requests = resources.length;
          result.bytes = resources.reduce((n, r) => n + r.transferSize, 0);
          result.heap = performance.memory?.usedJSHeapSize ?? 0;
          const after = positions();
          result.movedAfterPlaceholder = before ? Math.max(...after.map((y, i) => Math.abs(y - before[i]))) : 0;
          window.__result = result;
        }, 500),
      );
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
