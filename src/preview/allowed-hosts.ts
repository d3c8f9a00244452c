/**
 * The Host header values the preview answers to: its own loopback names and the host it listens on,
 * each with its port. #9: without this check a web page on another site could use DNS rebinding
 * (point its own name at 127.0.0.1) to read the preview's pages and event stream.
 */
export function allowedHosts(listenHost: string, port: number): string[] {
  // An IPv6 literal is written in brackets in a Host header.
  const bracket = (name: string) => (name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
  const names = ['127.0.0.1', 'localhost', '[::1]', bracket(listenHost.toLowerCase())];
  const hosts = names.map((name) => `${name}:${port}`);
  // Browsers leave the default port out of the Host header.
  if (port === 80) hosts.push(...names);
  return [...new Set(hosts)];
}

export function isAllowedHost(header: string | undefined, allowed: readonly string[]): boolean {
  return header !== undefined && allowed.includes(header.trim().toLowerCase());
}
