/**
 * Rich text of reading items, sanitised before it is stored: organizers paste from Word
 * and web pages, and the mini-program renders it with rich-text, so only basic formatting
 * survives. Scripts (and their text), event handlers, styles, and any link that is not
 * https are removed; images only from https or our own uploads.
 */
import type sanitizeHtml from 'sanitize-html'
import { lazy } from './lazy.js'

/** sanitize-html and its parser and postcss (~80 files) load when an organizer first writes reading, not at every start. */
const loaded = lazy(() => import('sanitize-html').then((m) => m.default))

const UPLOAD_PATH = /^\/api\/mp\/uploads\/[A-Za-z0-9._-]+$/

const isHttps = (url: string | undefined) => {
  if (!url) return false
  try {
    return new URL(url).protocol === 'https:' && /^https:\/\//i.test(url.trim())
  } catch {
    return false
  }
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h2', 'h3', 'a', 'img'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['https'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  // Text inside these is dropped with the tag; elsewhere a disallowed tag leaves its text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  disallowedTagsMode: 'discard',
  // The library's scheme check lets relative URLs through; ours is stricter, and runs first.
  transformTags: {
    a: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = {}
      if (isHttps(attribs.href)) kept.href = attribs.href.trim()
      return { tagName, attribs: kept }
    },
    img: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = {}
      if (isHttps(attribs.src) || UPLOAD_PATH.test(attribs.src ?? '')) kept.src = attribs.src.trim()
      if (kept.src && attribs.alt) kept.alt = attribs.alt
      return { tagName, attribs: kept }
    },
  },
  // An image without an acceptable source is nothing to show.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
}

export async function sanitizeRichText(html: string): Promise<string> {
  return (await loaded())(html, OPTIONS).trim()
}

/** Only the words, for length checks and excerpts. */
export async function plainText(html: string): Promise<string> {
  return (await loaded())(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim()
}
