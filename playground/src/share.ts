/** Share links: `#code=<base64url of the UTF-8 source>`. */
export function encodeShare(source: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(source)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
/** The source in a `#code=…` fragment, or `null` when the fragment holds none or is not valid base64url. */
export function decodeShare(hash: string): string | null {
  const m = /(?:^#|&)code=([A-Za-z0-9_-]*)/.exec(hash);
  if (!m) return null;
  try {
    const bin = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
