/** cyrb53 of a string as 14 hex digits: not a security hash (53 bits), it only has to notice edits. */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

/**
 * A short fingerprint of a document body, stored with each verdict and
 * comment so the app can tell later that the text changed since ("given on
 * an earlier version"). Line endings and trailing whitespace are normalised
 * first: a checkout that turns LF into CRLF is not a new version.
 * Not a security hash (cyrb53, 53 bits): it only has to notice edits.
 */
export function bodyHash(body: string): string {
  const text = body.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\s+$/, '');
  return `c53-${fingerprint(text)}`;
}
