import type { App, Plugin } from 'vue'
import {
  Alert, Aside, Badge, Button, Calendar, Card, Checkbox, CheckboxGroup, Col, Content, DatePicker, DateRangePicker, Descriptions,
  DescriptionsItem, Dialog, Divider, Drawer, Dropdown, Empty, Form, FormItem, Header, Input, InputNumber, Layout, Link, List,
  ListItem, Loading, Menu, MenuGroup, MenuItem, Option, Pagination, Popconfirm, Radio, RadioButton, RadioGroup, Row, Select,
  Space, Statistic, Switch, TabPanel, Table, Tabs, Tag, Textarea, Timeline, TimelineItem, Tooltip, TreeSelect,
} from 'tdesign-vue-next'
import { Rate, Tree } from 'tdesign-vue-next'

/**
 * The TDesign components the console uses, registered once as <t-…>. Only these reach the
 * bundle (the whole library would cost the first screen ~250 kB gzip). Add what a new page needs.
 */
const components: Plugin[] = [
  Alert, Aside, Badge, Button, Calendar, Card, Checkbox, CheckboxGroup, Col, Content, DatePicker, DateRangePicker, Descriptions,
  DescriptionsItem, Dialog, Divider, Drawer, Dropdown, Empty, Form, FormItem, Header, Input, InputNumber, Layout, Link, List,
  ListItem, Loading, Menu, MenuGroup, MenuItem, Option, Pagination, Popconfirm, Radio, RadioButton, RadioGroup, Row, Select,
  Space, Statistic, Switch, TabPanel, Table, Tabs, Tag, Textarea, Timeline, TimelineItem, Tooltip, TreeSelect,
  // part B: add components here
  Rate, Tree,
]

export function useTDesign(app: App) {
  for (const c of components) app.use(c)
}
