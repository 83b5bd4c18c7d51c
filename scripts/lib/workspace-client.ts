/**
 * A browser as the workspace server sees it, for the fault test and the load bench: its session cookie (a jar
 * fed by Set-Cookie), JSON bodies, and the page's origin on every request (the server's CSRF check wants it).
 */
export class WorkspaceClient {
  cookie = '';
  constructor(public url: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const headers: Record<string, string> = { origin: this.url };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers['cookie'] = this.cookie;
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = res.headers.getSetCookie();
    if (set.length > 0) {
      const jar = new Map(this.cookie ? this.cookie.split('; ').map((p) => p.split('=', 2) as [string, string]) : []);
      for (const line of set) {
        const pair = line.split(';')[0]!;
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      this.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, json: json as T };
  }
}
