import type { App, Plugin } from 'vue'
import {
  Alert,
  Aside,
  Button,
  Card,
  Col,
  Content,
  Form,
  FormItem,
  Header,
  Input,
  Layout,
  Link,
  Loading,
  Menu,
  MenuGroup,
  MenuItem,
  Row,
  TabPanel,
  Tabs,
} from 'tdesign-vue-next'

/**
 * The TDesign components the console uses, registered once as <t-…>. Only these reach the
 * bundle (the whole library would cost the first screen ~250 kB gzip). Those of the first
 * screens (the login page, the shell, the dashboard) are in the first script; the others
 * (tables, date pickers, trees, selects…) come with the first page that needs them
 * (`loadAllComponents`, awaited by the router): compiling and running them cost every first
 * screen ~0.5 s in the browser. Add what a new page needs to tdesign-rest.ts.
 */
export const firstScreen = {
  Alert,
  Aside,
  Button,
  Card,
  Col,
  Content,
  Form,
  FormItem,
  Header,
  Input,
  Layout,
  Link,
  Loading,
  Menu,
  MenuGroup,
  MenuItem,
  Row,
  TabPanel,
  Tabs,
} satisfies Record<string, Plugin>

let app: App | null = null
let rest: Promise<void> | null = null

export function useTDesign(target: App) {
  app = target
  for (const c of Object.values(firstScreen)) target.use(c)
}

/**
 * Registers every other component (once); pages other than the first screens wait for it. A failed
 * download is forgotten, so the next page asked for tries again instead of failing until a reload.
 */
export function loadAllComponents(): Promise<void> {
  rest ??= import('./tdesign-rest').then(
    (m) => m.register(app!),
    (error: unknown) => {
      rest = null
      throw error
    },
  )
  return rest
}
