/**
 * Headers on every answer the preview gives (#9). The built pages carry inline <style> and data: images
 * and fonts but no scripts, so the only script a page may run is the preview's own /__preview/live.js.
 */
const documentPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Chrome shows a PDF through an embedded viewer that `object-src 'none'` blocks (crbug.com/271452); the
// index links the PDFs of an earlier `blueprint build`.
const pdfPolicy = documentPolicy.replace("object-src 'none'", "object-src 'self'");

export function securityHeaders(contentType = ''): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'content-security-policy': contentType === 'application/pdf' ? pdfPolicy : documentPolicy,
    // Other sites may not embed the preview's files, e.g. to probe with <img> which pages exist.
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}
