/** Where the preview serves its live-reload script. */
export const liveScriptPath = '/__preview/live.js';

/**
 * The script the preview adds to the pages it serves (never to the built files). #9: it is a file of its
 * own, not inline, so the pages' Content-Security-Policy can allow scripts from 'self' only.
 *
 * #13: after a rebuild it swaps in the new page without reloading (no flash, no lost scroll position, no
 * fonts loaded again), and only on the pages the rebuild wrote. When the sources are broken it shows the
 * errors over the last good page until a good rebuild. Each guide offers its PDF, printed on demand.
 */
export const liveScript = `(() => {
  const events = new EventSource('/__preview/events');
  const page = () => decodeURIComponent(location.pathname.slice(1)) || 'index.html';
  let box;
  const show = (text) => {
    box ??= document.body.appendChild(Object.assign(document.createElement('pre'), { id: '__preview-problem' }));
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#2b0b0b;color:#fff;font:13px/1.5 monospace;white-space:pre-wrap;z-index:9999';
    box.textContent = 'The last change has errors; this page shows the last good build.\\n\\n' + text;
  };
  const note = (text) => {
    const badge = document.body.appendChild(Object.assign(document.createElement('div'), { id: '__preview-updated', textContent: text }));
    badge.style.cssText = 'position:fixed;right:1rem;bottom:1rem;padding:.3rem .6rem;background:#0b3d2e;color:#fff;font:12px/1.4 sans-serif;border-radius:4px;z-index:9998';
    setTimeout(() => badge.remove(), 2500);
  };
  const offerPdf = () => {
    if (!page().endsWith('.html') || page() === 'index.html' || document.getElementById('__preview-pdf')) return;
    const link = document.body.appendChild(Object.assign(document.createElement('a'), {
      id: '__preview-pdf',
      href: '/__preview/pdf/' + page().replace(/\\.html$/, '.pdf'),
      target: '_blank',
      textContent: 'PDF of this guide',
      title: 'Print this guide as a PDF now (takes a few seconds)',
    }));
    link.style.cssText = 'position:fixed;top:.5rem;right:.5rem;padding:.3rem .6rem;background:#fff;color:#123;border:1px solid #123;border-radius:4px;font:12px/1.4 sans-serif;z-index:9998';
  };
  const swap = async (ms) => {
    const response = await fetch(location.href, { cache: 'no-store' });
    if (!response.ok) throw new Error(String(response.status));
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const script of next.querySelectorAll('script')) script.remove();
    document.head.replaceWith(next.head);
    document.body.replaceWith(next.body);
    box = undefined;
    offerPdf();
    note('Updated in ' + ms + ' ms');
  };
  events.addEventListener('reload', (e) => {
    const data = JSON.parse(e.data || '{}');
    if (Array.isArray(data.pages) && !data.pages.includes(page())) {
      box?.remove();
      box = undefined;
      return;
    }
    swap(data.ms ?? 0).catch(() => location.reload());
  });
  events.addEventListener('problem', (e) => show(JSON.parse(e.data)));
  // Tools (and the tests) can tell when the page listens for rebuilds; a swap keeps <html>, so this stays.
  events.addEventListener('open', () => { document.documentElement.dataset.preview = 'live'; });
  offerPdf();
})();
`;

/** Add the live-reload script before the last `</body>` (or at the end when there is none). */
export function addLiveScript(html: string): string {
  const tag = `<script src="${liveScriptPath}"></script>`;
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end === -1 ? html + tag : html.slice(0, end) + tag + html.slice(end);
}
