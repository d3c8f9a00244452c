/** Where the preview serves its live-reload script. */
export const liveScriptPath = '/__preview/live.js';

/**
 * The script the preview adds to the pages it serves (never to the built files): it reloads the page
 * after a rebuild and shows the build's errors over the page when the sources are broken. #9: it is a
 * file of its own, not inline, so the pages' Content-Security-Policy can allow scripts from 'self' only.
 */
export const liveScript = `(() => {
  const events = new EventSource('/__preview/events');
  let box;
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problem', (e) => {
    box ??= document.body.appendChild(Object.assign(document.createElement('pre'), { id: '__preview-problem' }));
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;background:#2b0b0b;color:#fff;font:13px/1.5 monospace;white-space:pre-wrap;z-index:9999';
    box.textContent = 'The last change has errors; this page shows the last good build.\\n\\n' + JSON.parse(e.data);
  });
})();
`;

/** Add the live-reload script before the last `</body>` (or at the end when there is none). */
export function addLiveScript(html: string): string {
  const tag = `<script src="${liveScriptPath}"></script>`;
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end === -1 ? html + tag : html.slice(0, end) + tag + html.slice(end);
}
