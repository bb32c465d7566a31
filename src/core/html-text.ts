/**
 * Turns a non-JSON error body into the short text python-linstor puts after `HTTP-Status(<code>)/`:
 * the text of the element with a `header` class inside `<body>` (what the controller's own error page
 * uses), else the page title or first heading, else python's `repr` of the body (quoted).
 */
const MAX_TEXT = 500;

export function errorBodyText(body: string): string {
  const bodyStart = body.search(/<body[\s>]/i);
  if (bodyStart !== -1) {
    const inBody = body.slice(bodyStart);
    const header =
      /<([A-Za-z][\w-]*)\b[^>]*\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/\1\s*>/g;
    for (const m of inBody.matchAll(header)) {
      const cls = m[2] ?? m[3] ?? m[4] ?? '';
      if (cls.includes('header')) return clip(htmlToText(m[5]));
    }
  }
  const title =
    /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(body) ?? /<h1[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(body);
  if (title && htmlToText(title[1]) !== '') return clip(htmlToText(title[1]));
  return pyRepr(clip(body));
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos|nbsp);/gi, (_m, e: string) => {
      const l = e.toLowerCase();
      if (l.startsWith('#x')) return safeChar(Number.parseInt(l.slice(2), 16));
      if (l.startsWith('#')) return safeChar(Number.parseInt(l.slice(1), 10));
      return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' }[l] ?? '';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function safeChar(code: number): string {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** python's `repr()` of a str: single quotes unless the text has a `'` and no `"`. */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(
    /[\\\n\r\t]/g,
    (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c,
  );
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}
