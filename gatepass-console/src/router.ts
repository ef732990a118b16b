// The console's pages and the hash routes that reach them: '#/fleets/fleet-123' matches the page 'fleets/:fleetId'.
import { Credentials } from './sigv4';

/** What a page gets: the signed-in credentials, its route parameters and a way to go elsewhere or show an error. */
export interface PageContext {
  credentials: Credentials;
  params: Record<string, string>;
  /** Goes to another page, e.g. navigate('fleets/' + id). */
  navigate: (route: string) => void;
  /** Renders the current page again (after an action changed what it shows). */
  refresh: () => void;
  /** Shows an error (the API's code and message) above the page; null clears it. */
  showError: (error: unknown | null) => void;
}

export interface Page {
  /** Route pattern without the leading '#/': '' is the overview; ':name' segments are parameters. */
  route: string;
  /** The page's title (the h2 the page's view is labelled by). */
  title: string;
  /** Label in the navigation bar; pages reached only through links leave it out. */
  nav?: string;
  /** Builds the page's content. A thrown error is shown plainly in place of the page. */
  render: (context: PageContext) => Promise<Node>;
}

/** The page and parameters for a hash, or null. */
export function match(pages: Page[], hash: string): { page: Page; params: Record<string, string> } | null {
  const path = hash.replace(/^#\/?/, '').replace(/\/$/, '');
  const segments = path === '' ? [] : path.split('/');
  for (const page of pages) {
    const pattern = page.route === '' ? [] : page.route.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    pattern.forEach((part, i) => {
      if (part.startsWith(':')) {
        const value = decoded(segments[i]);
        if (value === null) ok = false;
        else params[part.slice(1)] = value;
      } else if (part !== segments[i]) ok = false;
    });
    if (ok) return { page, params };
  }
  return null;
}

/** A segment's value, or null when it is not valid percent-encoding (then no page matches: "No page at …"). */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A route segment for a value (ids, names), encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
