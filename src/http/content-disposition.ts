/**
 * Opened in place where the browser can (a PDF, a picture), saved under its Chinese name
 * (RFC 6266 with RFC 5987's filename*), with a plain-ASCII name for clients that know only that.
 */
export function contentDisposition(name: string): string {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')) : ''
  const ascii = /^[\x20-\x7e]+$/.test(name) ? name.replace(/["\\]/g, '_') : `attachment${/^\.[A-Za-z0-9]{1,5}$/.test(ext) ? ext : ''}`
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
