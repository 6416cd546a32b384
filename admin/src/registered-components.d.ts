import type { AriaAttributes } from 'vue'
import type { firstScreen } from './tdesign'
import type { components } from './tdesign-rest'

/**
 * What `vue-tsc` (npm run typecheck) checks templates against. The <t-…> tags are exactly the
 * TDesign components tdesign.ts and tdesign-rest.ts register, so a tag nobody registered fails the
 * check instead of rendering nothing (TDesign's own global.d.ts would declare all ~100 of them).
 */
type AsTags<T> = { [K in keyof T as `T${K & string}`]: T[K] }

declare module 'vue' {
  interface GlobalComponents extends AsTags<typeof firstScreen & typeof components> {}
  // Attributes that fall through to a component's root element, as Vue passes them at run time:
  // aria-*, and download on a <t-button tag="a"> (the root is then that link).
  interface AllowedComponentProps extends AriaAttributes {
    download?: string | boolean
  }
}
